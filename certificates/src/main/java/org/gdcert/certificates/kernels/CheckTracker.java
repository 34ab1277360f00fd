package org.gdcert.certificates.kernels;

import java.util.Locale;
import org.gdcert.core.train.MonitorCheck;

/**
 * Accumulates one monitored inequality over the recorded iterates: the worst ratio value/limit
 * (≤ 1 means it held) and the position of the first violation beyond a relative tolerance.
 * Shared by the checkers' monitors.
 */
public final class CheckTracker {
    private final String name;
    private final MonitorCheck.Kind kind;
    private final double tolerance;
    private final String what;
    private boolean held = true;
    private double first = Double.NaN;
    private double worst = Double.NaN;
    private double worstAt = Double.NaN;
    private long evaluated;

    /**
     * @param name the check's name in the summary
     * @param kind BOUND (the theorem's guarantee), REGIME (a proof invariant) or INFO
     * @param tolerance relative slack allowed before a ratio counts as a violation
     * @param what one line saying what is compared
     */
    public CheckTracker(String name, MonitorCheck.Kind kind, double tolerance, String what) {
        this.name = name;
        this.kind = kind;
        this.tolerance = tolerance;
        this.what = what;
    }

    /** Records value/limit at {@code position} (k or t); NaN is ignored. */
    public void record(double position, double ratio) {
        if (Double.isNaN(ratio)) {
            return;
        }
        evaluated++;
        if (Double.isNaN(worst) || ratio > worst) {
            worst = ratio;
            worstAt = position;
        }
        if (held && ratio > 1 + tolerance) {
            held = false;
            first = position;
        }
    }

    public boolean held() {
        return held;
    }

    public double worst() {
        return worst;
    }

    public double firstViolation() {
        return first;
    }

    public long evaluated() {
        return evaluated;
    }

    /** The summary entry; {@code prefix} is prepended to the detail (e.g. "diagnostic only: "). */
    public MonitorCheck toCheck(String prefix) {
        String detail;
        if (evaluated == 0) {
            detail = prefix + what + "; not evaluated on any recorded iterate";
        } else {
            detail = prefix + what + String.format(Locale.ROOT, "; worst ratio %.4g at %s over %d iterates",
                    worst, fmt(worstAt), evaluated)
                    + (held ? "" : "; first violated at " + fmt(first));
        }
        return new MonitorCheck(name, kind, held, first, worst, detail);
    }

    private static String fmt(double pos) {
        return pos == Math.rint(pos) && Math.abs(pos) < 1e15 ? String.valueOf((long) pos)
                : String.format(Locale.ROOT, "%.6g", pos);
    }
}
