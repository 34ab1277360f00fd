package org.gdcert.dsl.ast;

import java.util.List;
import java.util.Objects;

/**
 * An arithmetic expression. Evaluate one with {@link org.gdcert.dsl.semantic.Evaluator}; print
 * one with {@link AstPrinter}.
 */
public sealed interface Expr extends Value permits Expr.Num, Expr.Ref, Expr.Unary, Expr.Binary, Expr.FunctionCall {

    /**
     * A number literal; {@code text} is the literal as written ({@code 1e-9}), which the printer
     * reproduces.
     */
    record Num(double value, String text, SourcePosition position) implements Expr {
        public Num {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(position, "position");
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("number literal out of range: " + text);
            }
        }

        /** Whether the literal was written without fraction or exponent. */
        public boolean integral() {
            return text.chars().allMatch(Character::isDigit);
        }
    }

    /** A variable ({@code N}, {@code d}, {@code L}, a {@code let} or a sweep variable) or, as an argument, a word. */
    record Ref(String name, SourcePosition position) implements Expr {
        public Ref {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code -x} or {@code +x}. */
    record Unary(UnaryOp op, Expr operand, SourcePosition position) implements Expr {
        public Unary {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(operand, "operand");
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code a + b}, {@code a - b}, {@code a * b}, {@code a / b}, {@code a ^ b}. */
    record Binary(BinaryOp op, Expr left, Expr right, SourcePosition position) implements Expr {
        public Binary {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code sqrt(N)}, {@code max(64, d)}. */
    record FunctionCall(Name function, List<Expr> args, SourcePosition position) implements Expr {
        public FunctionCall {
            Objects.requireNonNull(function, "function");
            args = List.copyOf(args);
            Objects.requireNonNull(position, "position");
        }
    }

    /** Prefix operators. */
    enum UnaryOp {
        NEG("-"),
        PLUS("+");

        private final String symbol;

        UnaryOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** Infix operators with their binding strength (higher binds tighter). */
    enum BinaryOp {
        ADD("+", 1),
        SUB("-", 1),
        MUL("*", 2),
        DIV("/", 2),
        POW("^", 4);

        /** The binding strength of prefix {@code -} and {@code +}: between {@code *} and {@code ^}. */
        public static final int UNARY_PRECEDENCE = 3;

        private final String symbol;
        private final int precedence;

        BinaryOp(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }

        public String symbol() {
            return symbol;
        }

        public int precedence() {
            return precedence;
        }

        /** Whether {@code a op b op c} groups as {@code a op (b op c)}. */
        public boolean rightAssociative() {
            return this == POW;
        }
    }
}
