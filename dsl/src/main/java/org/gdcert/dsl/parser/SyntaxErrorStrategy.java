package org.gdcert.dsl.parser;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Stops at the first syntax error of a statement, without inserting or deleting tokens, and
 * remembers the offending token and the tokens that would have been accepted there. The facade
 * recovers at the next statement boundary (a line break or {@code ;}).
 */
final class SyntaxErrorStrategy extends DefaultErrorStrategy {

    /**
     * The first error: where, what the grammar expected there, and the tokens before it with the
     * state the walk started from (to test other readings of the previous token).
     */
    record Failure(Token offending, IntervalSet expected, List<Token> prefix, ATNState start) {
    }

    private Failure failure;

    Failure failure() {
        return failure;
    }

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
        // recorded in recover(), which every rule calls right after
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
        record(recognizer, e);
        throw new ParseCancellationException(e);
    }

    @Override
    public Token recoverInline(Parser recognizer) {
        InputMismatchException e = new InputMismatchException(recognizer);
        record(recognizer, e);
        throw new ParseCancellationException(e);
    }

    @Override
    public void sync(Parser recognizer) {
        // no single-token deletion or insertion: the first problem is the one reported
    }

    /**
     * Records the offending token and everything the grammar accepts there: the ATN is walked
     * from the start rule over all tokens before the offending one, so that the expected set is
     * complete even where ANTLR already left a loop or a rule.
     */
    private void record(Parser parser, RecognitionException e) {
        if (failure != null) {
            return;
        }
        Token offending = e.getOffendingToken() != null ? e.getOffendingToken() : parser.getCurrentToken();
        RuleContext root = parser.getContext();
        while (root != null && root.parent != null) {
            root = root.parent;
        }
        IntervalSet expected = null;
        List<Token> prefix = new ArrayList<>();
        ATNState start = null;
        if (root != null) {
            TokenStream in = parser.getInputStream();
            for (int i = 0; i < offending.getTokenIndex(); i++) {
                prefix.add(in.get(i));
            }
            ATN atn = parser.getATN();
            start = atn.ruleToStartState[root.getRuleIndex()];
            expected = ExpectedTokens.after(atn, start, null, prefix);
        }
        if (expected == null || expected.isNil()) {
            expected = e.getExpectedTokens();
        }
        failure = new Failure(offending, expected == null ? new IntervalSet() : expected, List.copyOf(prefix), start);
    }
}
