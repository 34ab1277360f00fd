package org.gdcert.core.cert;

import java.util.Objects;

/**
 * One condition of a theorem evaluated on the concrete instance: {@code lhs relation rhs}.
 *
 * <p>{@link #slack()} is the factor by which the condition misses or holds, oriented so that a
 * value ≤ 1 means it holds: rhs/lhs for {@code ≥}, lhs/rhs for {@code ≤}. A slack of 1e6 means the
 * condition is off by a factor of a million.
 *
 * @param id short identifier ({@code cond4}, {@code width})
 * @param equation the equation number in the paper ({@code (4)}, {@code Thm 3.2})
 * @param description what the condition says, in words
 * @param lhs the left side's value
 * @param relation one of {@code >=}, {@code >}, {@code <=}, {@code <}
 * @param rhs the right side's value
 * @param status satisfied, violated, or within the rounding tolerance
 * @param binding the factor that binds (e.g. "layer 2 movement D_2/B_2"), or empty
 * @param tag where the formula comes from
 */
public record Condition(String id, String equation, String description, double lhs, String relation, double rhs,
        Status status, String binding, Tag tag) {

    /** Whether the condition holds on the instance. */
    public enum Status {
        SATISFIED, VIOLATED, INDETERMINATE
    }

    public Condition {
        Objects.requireNonNull(id);
        Objects.requireNonNull(equation);
        Objects.requireNonNull(description);
        Objects.requireNonNull(relation);
        Objects.requireNonNull(status);
        Objects.requireNonNull(binding);
        Objects.requireNonNull(tag);
        if (!relation.equals(">=") && !relation.equals(">") && !relation.equals("<=") && !relation.equals("<")) {
            throw new IllegalArgumentException("relation must be one of >= > <= <, got " + relation);
        }
    }

    /**
     * Evaluates {@code lhs relation rhs} with a relative tolerance τ: SATISFIED when it holds with
     * slack ≤ 1 − τ, VIOLATED when slack > 1 + τ, INDETERMINATE in between.
     */
    public static Condition evaluate(String id, String equation, String description, double lhs, String relation,
            double rhs, double tolerance, String binding, Tag tag) {
        double slack = slackOf(lhs, relation, rhs);
        boolean strict = relation.length() == 1;
        Status st;
        if (Double.isNaN(slack)) {
            st = Status.INDETERMINATE;
        } else if (strict ? slack < 1 - tolerance : slack <= 1 - tolerance) {
            st = Status.SATISFIED;
        } else if (strict ? slack >= 1 + tolerance : slack > 1 + tolerance) {
            st = Status.VIOLATED;
        } else {
            st = Status.INDETERMINATE;
        }
        return new Condition(id, equation, description, lhs, relation, rhs, st, binding, tag);
    }

    private static double slackOf(double lhs, String relation, double rhs) {
        boolean greater = relation.startsWith(">");
        double num = greater ? rhs : lhs;
        double den = greater ? lhs : rhs;
        if (num == 0 && den == 0) {
            return relation.length() == 2 ? 1 : Double.NaN;
        }
        if (den == 0) {
            return num > 0 ? Double.POSITIVE_INFINITY : 0;
        }
        if (num <= 0 && den > 0) {
            return 0;
        }
        return num / den;
    }

    /** rhs/lhs for ≥ and lhs/rhs for ≤; ≤ 1 means the condition holds. */
    public double slack() {
        return slackOf(lhs, relation, rhs);
    }

    public boolean holds() {
        return status == Status.SATISFIED;
    }
}
