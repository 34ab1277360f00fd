package org.gdcert.dsl.parser;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.RuleStopState;
import org.antlr.v4.runtime.atn.RuleTransition;
import org.antlr.v4.runtime.atn.Transition;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * The tokens the grammar accepts at the point where parsing failed. When a decision needs more
 * than one token of lookahead ({@code name = value} versus an expression starting with a name),
 * ANTLR reports the failure at the decision, not at the token that killed every alternative; this
 * walks the ATN from the decision over the tokens already matched and collects what could come
 * next at the offending token (the approach of Trino's {@code ErrorHandler}, simplified:
 * predicates count as true, so the set may be slightly too large, never too small).
 */
final class ExpectedTokens {
    private static final int MAX_CONFIGS = 20_000;
    /** Closures of single configurations, shared by all walks (the grammar is fixed); cleared when large. */
    private static final Map<Config, Set<Config>> CLOSURES = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 50_000;

    private ExpectedTokens() {
    }

    /** A return-state stack pushed by rule transitions during the walk. */
    private record Stack(ATNState top, Stack rest) {
    }

    /** A position in the ATN: state, pushed return states, and the parser context below them. */
    private record Config(ATNState state, Stack stack, RuleContext base) {
    }

    /**
     * @param atn the parser's ATN
     * @param start the decision state where prediction failed
     * @param ctx the parser context at the decision
     * @param consumed the tokens from the decision's first token up to (excluding) the offending one
     */
    static IntervalSet after(ATN atn, ATNState start, RuleContext ctx, List<Token> consumed) {
        Set<Config> current = closure(atn, Set.of(new Config(start, null, ctx)));
        for (Token t : consumed) {
            Set<Config> next = new HashSet<>();
            for (Config c : current) {
                for (int i = 0; i < c.state().getNumberOfTransitions(); i++) {
                    Transition tr = c.state().transition(i);
                    if (!tr.isEpsilon() && tr.matches(t.getType(), Token.MIN_USER_TOKEN_TYPE, atn.maxTokenType)) {
                        next.add(new Config(tr.target, c.stack(), c.base()));
                    }
                }
            }
            current = closure(atn, next);
            if (current.isEmpty()) {
                break;
            }
        }
        IntervalSet out = new IntervalSet();
        for (Config c : current) {
            if (c.state() instanceof RuleStopState) {
                out.add(Token.EOF);
                continue;
            }
            for (int i = 0; i < c.state().getNumberOfTransitions(); i++) {
                Transition tr = c.state().transition(i);
                if (!tr.isEpsilon() && tr.label() != null) {
                    out.addAll(tr.label());
                }
            }
        }
        return out;
    }

    /** Every configuration reachable from the seeds without consuming a token. */
    private static Set<Config> closure(ATN atn, Set<Config> seeds) {
        if (CLOSURES.size() > MAX_CACHED) {
            CLOSURES.clear();
        }
        Set<Config> out = new HashSet<>();
        for (Config c : seeds) {
            out.addAll(CLOSURES.computeIfAbsent(c, k -> closureOf(atn, k)));
        }
        return out;
    }

    /** Every configuration reachable from one without consuming a token; a rule end returns to its caller. */
    private static Set<Config> closureOf(ATN atn, Config seed) {
        Set<Config> seeds = Set.of(seed);
        Set<Config> seen = new HashSet<>();
        Set<Config> out = new HashSet<>();
        Deque<Config> work = new ArrayDeque<>(seeds);
        while (!work.isEmpty() && seen.size() < MAX_CONFIGS) {
            Config c = work.pop();
            if (!seen.add(c)) {
                continue;
            }
            ATNState s = c.state();
            if (s instanceof RuleStopState) {
                if (c.stack() != null) {
                    work.push(new Config(c.stack().top(), c.stack().rest(), c.base()));
                } else if (c.base() != null && c.base().invokingState >= 0) {
                    ATNState invoking = atn.states.get(c.base().invokingState);
                    ATNState follow = ((RuleTransition) invoking.transition(0)).followState;
                    work.push(new Config(follow, null, c.base().parent));
                } else {
                    out.add(c); // end of the start rule: only EOF can follow
                }
                continue;
            }
            boolean consuming = false;
            for (int i = 0; i < s.getNumberOfTransitions(); i++) {
                Transition tr = s.transition(i);
                if (tr instanceof RuleTransition rt) {
                    work.push(new Config(rt.target, new Stack(rt.followState, c.stack()), c.base()));
                } else if (tr.isEpsilon()) {
                    work.push(new Config(tr.target, c.stack(), c.base()));
                } else {
                    consuming = true;
                }
            }
            if (consuming) {
                out.add(c);
            }
        }
        return Set.copyOf(out);
    }
}
