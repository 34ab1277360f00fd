package org.gdcert.dsl.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * One stop rule: {@code loss < 1e-8}, {@code residual < 1e-4}, {@code steps 1000},
 * {@code time 60s}. The criterion and the unit are names the checker validates.
 */
public record StopCondition(Name criterion, Optional<Comparison> comparison, Expr value, Optional<Name> unit,
        SourcePosition position) implements Node {
    public StopCondition {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(position, "position");
    }

    /** The comparison written between criterion and value. */
    public enum Comparison {
        LT("<"),
        LE("<="),
        EQ("=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }
}
