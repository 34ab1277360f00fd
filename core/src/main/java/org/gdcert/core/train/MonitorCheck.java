package org.gdcert.core.train;

import java.util.Objects;

/**
 * One guarantee or invariant a monitor watched, for the run summary.
 *
 * @param name what was checked ({@code loss bound (7)}, {@code σ_N(F_1^k) ≥ λ_F/2})
 * @param kind {@link Kind#BOUND} for the theorem's guarantee, {@link Kind#REGIME} for a proof
 *     invariant, {@link Kind#INFO} for a diagnostic
 * @param held whether it held on every recorded iterate
 * @param firstViolation position (k or t) of the first violation, NaN if none
 * @param worstRatio the worst value/limit ratio seen (≤ 1 means held)
 * @param detail one line of explanation
 */
public record MonitorCheck(String name, Kind kind, boolean held, double firstViolation, double worstRatio,
        String detail) {

    public enum Kind {
        BOUND, REGIME, INFO
    }

    public MonitorCheck {
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(detail);
    }
}
