package org.gdcert.dsl.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The values a sweep variable takes. */
public sealed interface SweepDomain extends Node permits SweepDomain.Values, SweepDomain.Arithmetic,
        SweepDomain.Geometric {

    /** {@code [100, 200, 400]} (numbers, words or strings). */
    record Values(List<Value> values, SourcePosition position) implements SweepDomain {
        public Values {
            values = List.copyOf(values);
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code 10..100} or {@code 10..100 step 10}: from, from + step, ... up to and including to. */
    record Arithmetic(Expr from, Expr to, Optional<Expr> step, SourcePosition position) implements SweepDomain {
        public Arithmetic {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code 100..1600 times 2}: from, from·factor, ... up to and including to. */
    record Geometric(Expr from, Expr to, Expr factor, SourcePosition position) implements SweepDomain {
        public Geometric {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(factor, "factor");
            Objects.requireNonNull(position, "position");
        }
    }
}
