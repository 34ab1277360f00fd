package org.gdcert.dsl.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.gdcert.dsl.ExperimentBaseVisitor;
import org.gdcert.dsl.ExperimentParser;
import org.gdcert.dsl.ExperimentParser.ArgumentContext;
import org.gdcert.dsl.ExperimentParser.CallContext;
import org.gdcert.dsl.ExperimentParser.ExprContext;
import org.gdcert.dsl.ExperimentParser.LayerCallContext;
import org.gdcert.dsl.ExperimentParser.LayerSelectorContext;
import org.gdcert.dsl.ExperimentParser.NameContext;
import org.gdcert.dsl.ExperimentParser.OptionContext;
import org.gdcert.dsl.ExperimentParser.ValueContext;
import org.gdcert.dsl.ast.Arg;
import org.gdcert.dsl.ast.Call;
import org.gdcert.dsl.ast.Expr;
import org.gdcert.dsl.ast.LayerCall;
import org.gdcert.dsl.ast.LayerSelector;
import org.gdcert.dsl.ast.Name;
import org.gdcert.dsl.ast.Node;
import org.gdcert.dsl.ast.SourcePosition;
import org.gdcert.dsl.ast.Statement;
import org.gdcert.dsl.ast.StopCondition;
import org.gdcert.dsl.ast.SweepDomain;
import org.gdcert.dsl.ast.Until;
import org.gdcert.dsl.ast.Value;
import org.gdcert.dsl.diag.Codes;
import org.gdcert.dsl.diag.Diagnostic;

/**
 * Builds immutable AST nodes from a parse tree, each with the position of the text it came from.
 * Problems the grammar cannot see (a bad escape in a string, a number too large for a double) are
 * thrown as {@link BuildException}; the facade reports them and drops the statement.
 */
final class AstBuilder extends ExperimentBaseVisitor<Node> {
    private final String file;

    AstBuilder(String file) {
        this.file = file;
    }

    /** A problem found while building one statement. */
    static final class BuildException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Diagnostic diagnostic;

        BuildException(Diagnostic diagnostic) {
            super(diagnostic.message(), null, false, false);
            this.diagnostic = diagnostic;
        }

        Diagnostic diagnostic() {
            return diagnostic;
        }
    }

    Statement statement(ExperimentParser.StatementContext ctx) {
        return (Statement) visit(ctx.getChild(0));
    }

    // ---------------------------------------------------------------------------------------
    // statements

    @Override
    public Node visitNetClause(ExperimentParser.NetClauseContext ctx) {
        return visit(ctx.getChild(0));
    }

    @Override
    public Node visitDataStatement(ExperimentParser.DataStatementContext ctx) {
        Optional<Call> labels = ctx.call().size() > 1 ? Optional.of(call(ctx.call(1))) : Optional.empty();
        return new Statement.Data(call(ctx.call(0)), labels, pos(ctx));
    }

    @Override
    public Node visitHoldoutStatement(ExperimentParser.HoldoutStatementContext ctx) {
        Optional<Call> labels = ctx.call().size() > 1 ? Optional.of(call(ctx.call(1))) : Optional.empty();
        return new Statement.Holdout(call(ctx.call(0)), labels, pos(ctx));
    }

    @Override
    public Node visitLabelsStatement(ExperimentParser.LabelsStatementContext ctx) {
        return new Statement.Labels(call(ctx.call()), pos(ctx));
    }

    @Override
    public Node visitSeedStatement(ExperimentParser.SeedStatementContext ctx) {
        return new Statement.Seed(expr(ctx.expr()), pos(ctx));
    }

    @Override
    public Node visitLetStatement(ExperimentParser.LetStatementContext ctx) {
        return new Statement.Let(name(ctx.name()), expr(ctx.expr()), pos(ctx));
    }

    @Override
    public Node visitNetStatement(ExperimentParser.NetStatementContext ctx) {
        List<Expr> widths = ctx.expr().stream().map(this::expr).toList();
        List<Statement.NetClause> clauses = ctx.netClause().stream()
                .map(c -> (Statement.NetClause) visit(c)).toList();
        return new Statement.Net(widths, clauses, pos(ctx));
    }

    @Override
    public Node visitInitClause(ExperimentParser.InitClauseContext ctx) {
        return new Statement.Init(ctx.layerCall().stream().map(this::layerCall).toList(), pos(ctx));
    }

    @Override
    public Node visitActClause(ExperimentParser.ActClauseContext ctx) {
        return new Statement.Act(ctx.layerCall().stream().map(this::layerCall).toList(), pos(ctx));
    }

    @Override
    public Node visitTrainClause(ExperimentParser.TrainClauseContext ctx) {
        Optional<Until> until = Optional.ofNullable(ctx.untilClause())
                .map(u -> new Until(name(u.name()), expr(u.expr()), pos(u)));
        return new Statement.Train(call(ctx.call()), options(ctx.option()), until, pos(ctx));
    }

    @Override
    public Node visitBiasClause(ExperimentParser.BiasClauseContext ctx) {
        return new Statement.Bias(Optional.ofNullable(ctx.layerSelector()).map(this::selector), pos(ctx));
    }

    @Override
    public Node visitFreezeClause(ExperimentParser.FreezeClauseContext ctx) {
        return new Statement.Freeze(selector(ctx.layerSelector()), pos(ctx));
    }

    @Override
    public Node visitResidualClause(ExperimentParser.ResidualClauseContext ctx) {
        return new Statement.Residual(Optional.ofNullable(ctx.layerSelector()).map(this::selector),
                options(ctx.option()), pos(ctx));
    }

    @Override
    public Node visitParameterizationClause(ExperimentParser.ParameterizationClauseContext ctx) {
        return new Statement.Parameterization(name(ctx.name()), pos(ctx));
    }

    @Override
    public Node visitLossClause(ExperimentParser.LossClauseContext ctx) {
        return new Statement.Loss(name(ctx.name()), pos(ctx));
    }

    @Override
    public Node visitCertifyStatement(ExperimentParser.CertifyStatementContext ctx) {
        return new Statement.Certify(ctx.call().stream().map(this::call).toList(), pos(ctx));
    }

    @Override
    public Node visitMonitorStatement(ExperimentParser.MonitorStatementContext ctx) {
        return new Statement.Monitor(ctx.call().stream().map(this::call).toList(),
                Optional.ofNullable(ctx.expr()).map(this::expr), pos(ctx));
    }

    @Override
    public Node visitStopStatement(ExperimentParser.StopStatementContext ctx) {
        List<StopCondition> conditions = new ArrayList<>();
        for (ExperimentParser.StopConditionContext c : ctx.stopCondition()) {
            Optional<StopCondition.Comparison> cmp = Optional.ofNullable(c.comparison()).map(k ->
                    k.LT() != null ? StopCondition.Comparison.LT
                            : k.LE() != null ? StopCondition.Comparison.LE : StopCondition.Comparison.EQ);
            conditions.add(new StopCondition(name(c.criterion), cmp, expr(c.expr()),
                    Optional.ofNullable(c.unit).map(this::name), pos(c)));
        }
        return new Statement.Stop(conditions, pos(ctx));
    }

    @Override
    public Node visitRepeatStatement(ExperimentParser.RepeatStatementContext ctx) {
        return new Statement.Repeat(expr(ctx.expr()), pos(ctx));
    }

    @Override
    public Node visitSweepStatement(ExperimentParser.SweepStatementContext ctx) {
        return new Statement.Sweep(name(ctx.name()), (SweepDomain) visit(ctx.sweepDomain()), pos(ctx));
    }

    @Override
    public Node visitSweepList(ExperimentParser.SweepListContext ctx) {
        return new SweepDomain.Values(ctx.list().value().stream().map(this::value).toList(), pos(ctx));
    }

    @Override
    public Node visitSweepRange(ExperimentParser.SweepRangeContext ctx) {
        Expr from = expr(ctx.from);
        Expr to = expr(ctx.to);
        if (ctx.kind != null && ctx.kind.getType() == ExperimentParser.TIMES) {
            return new SweepDomain.Geometric(from, to, expr(ctx.by), pos(ctx));
        }
        return new SweepDomain.Arithmetic(from, to, Optional.ofNullable(ctx.by).map(this::expr), pos(ctx));
    }

    @Override
    public Node visitBackendStatement(ExperimentParser.BackendStatementContext ctx) {
        return new Statement.Backend(call(ctx.call()), pos(ctx));
    }

    @Override
    public Node visitOutputStatement(ExperimentParser.OutputStatementContext ctx) {
        return new Statement.Output(string(ctx.STRING().getSymbol()), pos(ctx));
    }

    // ---------------------------------------------------------------------------------------
    // calls and values

    private Call call(CallContext ctx) {
        return new Call(name(ctx.name()), ctx.argument().stream().map(this::argument).toList(), pos(ctx));
    }

    private Arg argument(ArgumentContext ctx) {
        return new Arg(Optional.ofNullable(ctx.name()).map(this::name), value(ctx.value()), pos(ctx));
    }

    private List<Arg> options(List<OptionContext> options) {
        return options.stream()
                .map(o -> new Arg(Optional.of(name(o.name())), value(o.value()), pos(o)))
                .toList();
    }

    private LayerCall layerCall(LayerCallContext ctx) {
        return new LayerCall(Optional.ofNullable(ctx.layerSelector()).map(this::selector), call(ctx.call()),
                pos(ctx));
    }

    private LayerSelector selector(LayerSelectorContext ctx) {
        Optional<Expr> to = ctx.expr().size() > 1 ? Optional.of(expr(ctx.expr(1))) : Optional.empty();
        return new LayerSelector(expr(ctx.expr(0)), to, pos(ctx));
    }

    private Value value(ValueContext ctx) {
        return (Value) visit(ctx);
    }

    @Override
    public Node visitExprValue(ExperimentParser.ExprValueContext ctx) {
        return expr(ctx.expr());
    }

    @Override
    public Node visitStringValue(ExperimentParser.StringValueContext ctx) {
        return string(ctx.STRING().getSymbol());
    }

    @Override
    public Node visitTrueValue(ExperimentParser.TrueValueContext ctx) {
        return new Value.Bool(true, pos(ctx));
    }

    @Override
    public Node visitFalseValue(ExperimentParser.FalseValueContext ctx) {
        return new Value.Bool(false, pos(ctx));
    }

    @Override
    public Node visitListValue(ExperimentParser.ListValueContext ctx) {
        return new Value.ListValue(ctx.list().value().stream().map(this::value).toList(), pos(ctx));
    }

    // ---------------------------------------------------------------------------------------
    // expressions

    private Expr expr(ExprContext ctx) {
        return (Expr) visit(ctx);
    }

    @Override
    public Node visitParenExpr(ExperimentParser.ParenExprContext ctx) {
        return expr(ctx.expr());
    }

    @Override
    public Node visitFunctionExpr(ExperimentParser.FunctionExprContext ctx) {
        return new Expr.FunctionCall(name(ctx.name()), ctx.expr().stream().map(this::expr).toList(), pos(ctx));
    }

    @Override
    public Node visitNumberExpr(ExperimentParser.NumberExprContext ctx) {
        String text = ctx.NUMBER().getText();
        double v = Double.parseDouble(text);
        if (Double.isInfinite(v)) {
            throw new BuildException(Diagnostic.error(pos(ctx), Codes.NUMBER_RANGE,
                    "number " + text + " is too large (the largest is about 1.8e308)"));
        }
        return new Expr.Num(v, text, pos(ctx));
    }

    @Override
    public Node visitNameExpr(ExperimentParser.NameExprContext ctx) {
        return new Expr.Ref(ctx.name().getText(), pos(ctx));
    }

    @Override
    public Node visitPowerExpr(ExperimentParser.PowerExprContext ctx) {
        return new Expr.Binary(Expr.BinaryOp.POW, expr(ctx.left), expr(ctx.right), pos(ctx));
    }

    @Override
    public Node visitUnaryExpr(ExperimentParser.UnaryExprContext ctx) {
        Expr.UnaryOp op = ctx.op.getType() == ExperimentParser.MINUS ? Expr.UnaryOp.NEG : Expr.UnaryOp.PLUS;
        return new Expr.Unary(op, expr(ctx.expr()), pos(ctx));
    }

    @Override
    public Node visitMulExpr(ExperimentParser.MulExprContext ctx) {
        Expr.BinaryOp op = ctx.op.getType() == ExperimentParser.STAR ? Expr.BinaryOp.MUL : Expr.BinaryOp.DIV;
        return new Expr.Binary(op, expr(ctx.left), expr(ctx.right), pos(ctx));
    }

    @Override
    public Node visitAddExpr(ExperimentParser.AddExprContext ctx) {
        Expr.BinaryOp op = ctx.op.getType() == ExperimentParser.PLUS ? Expr.BinaryOp.ADD : Expr.BinaryOp.SUB;
        return new Expr.Binary(op, expr(ctx.left), expr(ctx.right), pos(ctx));
    }

    // ---------------------------------------------------------------------------------------
    // leaves and positions

    private Name name(NameContext ctx) {
        return new Name(ctx.getText(), pos(ctx));
    }

    private Value.Text string(Token t) {
        String raw = t.getText();
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < raw.length() - 1; i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = raw.charAt(++i);
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                default -> {
                    int col = t.getCharPositionInLine() + i;
                    throw new BuildException(Diagnostic.error(
                            new SourcePosition(file, t.getLine(), col, t.getLine(), col + 1), Codes.BAD_ESCAPE,
                            "unknown escape '\\" + e + "' in string (use \\\" \\\\ \\n \\t \\r)"));
                }
            }
        }
        return new Value.Text(sb.toString(), position(t, t));
    }

    private SourcePosition pos(ParserRuleContext ctx) {
        Token stop = ctx.getStop() == null || ctx.getStop().getTokenIndex() < ctx.getStart().getTokenIndex()
                ? ctx.getStart() : ctx.getStop();
        return position(ctx.getStart(), stop);
    }

    private SourcePosition position(Token start, Token stop) {
        int length = stop.getType() == Token.EOF ? 1 : Math.max(1, stop.getStopIndex() - stop.getStartIndex() + 1);
        int endCol = stop.getCharPositionInLine() + length;
        return new SourcePosition(file, start.getLine(), start.getCharPositionInLine() + 1, stop.getLine(), endCol);
    }
}
