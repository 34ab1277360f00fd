package org.gdcert.dsl.ast;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prints an AST as canonical {@code .exp} text: one statement per line, net clauses inline,
 * single spaces, {@code *}, {@code /} and {@code ^} written tight and {@code +} and {@code -} with
 * spaces, only the parentheses that precedence needs, numbers as written. Parsing the output gives
 * the same AST up to positions; comments and line breaks are not kept.
 */
public final class AstPrinter {
    private AstPrinter() {
    }

    /** The whole experiment, one statement per line, each line ending in a newline. */
    public static String print(Experiment e) {
        StringBuilder sb = new StringBuilder();
        for (Statement s : e.statements()) {
            sb.append(statement(s)).append('\n');
        }
        return sb.toString();
    }

    /** One statement, without a line break. */
    public static String statement(Statement s) {
        if (s instanceof Statement.Data d) {
            return "data " + call(d.source()) + d.labels().map(l -> " labels " + call(l)).orElse("");
        } else if (s instanceof Statement.Holdout h) {
            return "holdout " + call(h.source()) + h.labels().map(l -> " labels " + call(l)).orElse("");
        } else if (s instanceof Statement.Labels l) {
            return "labels " + call(l.source());
        } else if (s instanceof Statement.Seed seed) {
            return "seed " + expr(seed.value());
        } else if (s instanceof Statement.Let let) {
            return "let " + let.name().text() + " = " + expr(let.value());
        } else if (s instanceof Statement.Net net) {
            StringBuilder sb = new StringBuilder("net ");
            sb.append(net.widths().stream().map(AstPrinter::expr).collect(Collectors.joining(" -> ")));
            for (Statement.NetClause c : net.clauses()) {
                sb.append(' ').append(statement(c));
            }
            return sb.toString();
        } else if (s instanceof Statement.Init init) {
            return "init " + join(init.entries(), AstPrinter::layerCall);
        } else if (s instanceof Statement.Act act) {
            return "act " + join(act.entries(), AstPrinter::layerCall);
        } else if (s instanceof Statement.Train t) {
            StringBuilder sb = new StringBuilder("train ").append(call(t.optimizer()));
            for (Arg o : t.options()) {
                sb.append(' ').append(arg(o));
            }
            t.until().ifPresent(u -> sb.append(" until ").append(u.variable().text()).append('=')
                    .append(expr(u.value())));
            return sb.toString();
        } else if (s instanceof Statement.Bias b) {
            return "bias" + b.layers().map(l -> " " + selector(l)).orElse("");
        } else if (s instanceof Statement.Freeze f) {
            return "freeze " + selector(f.layers());
        } else if (s instanceof Statement.Residual r) {
            StringBuilder sb = new StringBuilder("residual");
            r.layers().ifPresent(l -> sb.append(' ').append(selector(l)));
            for (Arg o : r.options()) {
                sb.append(' ').append(arg(o));
            }
            return sb.toString();
        } else if (s instanceof Statement.Parameterization p) {
            return "parameterization " + p.name().text();
        } else if (s instanceof Statement.Loss l) {
            return "loss " + l.reduction().text();
        } else if (s instanceof Statement.Certify c) {
            return "certify " + join(c.certificates(), AstPrinter::call);
        } else if (s instanceof Statement.Monitor m) {
            return "monitor " + join(m.monitors(), AstPrinter::call)
                    + m.every().map(e -> " every " + expr(e)).orElse("");
        } else if (s instanceof Statement.Stop stop) {
            return "stop " + join(stop.conditions(), AstPrinter::stopCondition);
        } else if (s instanceof Statement.Repeat r) {
            return "repeat " + expr(r.count());
        } else if (s instanceof Statement.Sweep sw) {
            return "sweep " + sw.variable().text() + " in " + domain(sw.domain());
        } else if (s instanceof Statement.Backend b) {
            return "backend " + call(b.backend());
        } else if (s instanceof Statement.Output o) {
            return "output " + value(o.path());
        }
        throw new IllegalArgumentException("unknown statement " + s.getClass().getSimpleName());
    }

    /** {@code name} or {@code name(a, b=1)}. */
    public static String call(Call c) {
        if (c.args().isEmpty()) {
            return c.nameText();
        }
        return c.nameText() + "(" + join(c.args(), AstPrinter::arg) + ")";
    }

    /** {@code value} or {@code name=value}. */
    public static String arg(Arg a) {
        return a.name().map(n -> n.text() + "=").orElse("") + value(a.value());
    }

    /** {@code layer 2} or {@code layers 2..4}. */
    public static String selector(LayerSelector s) {
        return s.to().map(to -> "layers " + expr(s.from()) + ".." + expr(to)).orElse("layer " + expr(s.from()));
    }

    private static String layerCall(LayerCall lc) {
        return lc.layers().map(l -> selector(l) + ": ").orElse("") + call(lc.call());
    }

    private static String stopCondition(StopCondition c) {
        StringBuilder sb = new StringBuilder(c.criterion().text());
        c.comparison().ifPresent(op -> sb.append(' ').append(op.symbol()));
        sb.append(' ').append(expr(c.value()));
        c.unit().ifPresent(u -> {
            // 60s reads back as 60 then s; 2 e3 must keep its space or it would read as 2e3
            char first = u.text().charAt(0);
            if (!(c.value() instanceof Expr.Num) || first == 'e' || first == 'E' || first == '_') {
                sb.append(' ');
            }
            sb.append(u.text());
        });
        return sb.toString();
    }

    private static String domain(SweepDomain d) {
        if (d instanceof SweepDomain.Values v) {
            return "[" + join(v.values(), AstPrinter::value) + "]";
        } else if (d instanceof SweepDomain.Arithmetic a) {
            return expr(a.from()) + ".." + expr(a.to()) + a.step().map(s -> " step " + expr(s)).orElse("");
        } else if (d instanceof SweepDomain.Geometric g) {
            return expr(g.from()) + ".." + expr(g.to()) + " times " + expr(g.factor());
        }
        throw new IllegalArgumentException("unknown sweep domain " + d.getClass().getSimpleName());
    }

    /** A value: an expression, a quoted string, a boolean or a list. */
    public static String value(Value v) {
        if (v instanceof Expr e) {
            return expr(e);
        } else if (v instanceof Value.Text t) {
            return quote(t.value());
        } else if (v instanceof Value.Bool b) {
            return Boolean.toString(b.value());
        } else if (v instanceof Value.ListValue l) {
            return "[" + join(l.items(), AstPrinter::value) + "]";
        }
        throw new IllegalArgumentException("unknown value " + v.getClass().getSimpleName());
    }

    /** A string literal with {@code \"}, {@code \\}, {@code \n} and {@code \t} escaped. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** An expression with the fewest parentheses that keep its meaning. */
    public static String expr(Expr e) {
        if (e instanceof Expr.Num n) {
            return n.text();
        } else if (e instanceof Expr.Ref r) {
            return r.name();
        } else if (e instanceof Expr.FunctionCall f) {
            return f.function().text() + "(" + join(f.args(), AstPrinter::expr) + ")";
        } else if (e instanceof Expr.Unary u) {
            // the operand of a prefix operator binds at least as tightly as the operator: -x, -2^2, --x
            return u.op().symbol() + wrap(u.operand(), precedence(u.operand()) < Expr.BinaryOp.UNARY_PRECEDENCE);
        } else if (e instanceof Expr.Binary b) {
            int p = b.op().precedence();
            int lp = precedence(b.left());
            int rp = precedence(b.right());
            boolean leftParens = b.op().rightAssociative() ? lp <= p : lp < p;
            // a prefix operator may start a right operand: 2^-1, 2*-3
            boolean rightParens = !(b.right() instanceof Expr.Unary)
                    && (b.op().rightAssociative() ? rp < p : rp <= p);
            String sep = p == 1 ? " " : "";
            return wrap(b.left(), leftParens) + sep + b.op().symbol() + sep + wrap(b.right(), rightParens);
        }
        throw new IllegalArgumentException("unknown expression " + e.getClass().getSimpleName());
    }

    private static int precedence(Expr e) {
        if (e instanceof Expr.Binary b) {
            return b.op().precedence();
        }
        if (e instanceof Expr.Unary) {
            return Expr.BinaryOp.UNARY_PRECEDENCE;
        }
        return Integer.MAX_VALUE;
    }

    private static String wrap(Expr e, boolean parens) {
        return parens ? "(" + expr(e) + ")" : expr(e);
    }

    private static <T> String join(List<T> items, Function<T, String> f) {
        return items.stream().map(f).collect(Collectors.joining(", "));
    }
}
