package org.gdcert.certificates.kernels;

import java.util.Objects;
import org.gdcert.core.train.MonitorCheck;

/**
 * One watched inequality value ≤ limit over the recorded iterates, fed as ratio = value/limit:
 * whether it held (every ratio ≤ 1, with no tolerance; a NaN ratio is a violation), the position
 * of the first violation, the largest ratio (a NaN ratio stands as the worst until the next one),
 * and optionally where the worst was (the binding layer, say). Unlike {@link CheckTracker} it
 * allows no tolerance and does not skip NaN. Shared by the du, sgd_relu and song monitors.
 */
public final class RatioTracker {
    private final String name;
    private final MonitorCheck.Kind kind;
    private boolean held = true;
    private boolean seen;
    private double first = Double.NaN;
    private double worst = Double.NaN;
    private String binding = "";

    /** A check named {@code name} whose kind is given when it is reported. */
    public RatioTracker(String name) {
        this(name, null);
    }

    /** A check named {@code name} of kind {@code kind}. */
    public RatioTracker(String name, MonitorCheck.Kind kind) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = kind;
    }

    /** Records value/limit at {@code position} (k or t). */
    public void update(double position, double ratio) {
        update(position, ratio, binding);
    }

    /** Records value/limit at {@code position}, and {@code where} it was if it is the worst so far. */
    public void update(double position, double ratio, String where) {
        seen = true;
        boolean ok = ratio <= 1;
        if (!ok && held) {
            held = false;
            first = position;
        }
        if (Double.isNaN(worst) || !(ratio <= worst)) {
            worst = ratio;
            binding = where;
        }
    }

    /** Whether any ratio was recorded. */
    public boolean observed() {
        return seen;
    }

    /** Whether every recorded ratio was ≤ 1 (true when none was). */
    public boolean held() {
        return held;
    }

    /** Where the worst ratio was, as given to {@link #update(double, double, String)} ("" if never). */
    public String binding() {
        return binding;
    }

    /** The summary entry, of the kind given at construction. */
    public MonitorCheck check(String detail) {
        if (kind == null) {
            throw new IllegalStateException("check '" + name + "' has no kind of its own; give one");
        }
        return check(kind, detail);
    }

    /** The summary entry as a check of kind {@code kind}. */
    public MonitorCheck check(MonitorCheck.Kind kind, String detail) {
        return new MonitorCheck(name, kind, held, first, worst, detail);
    }
}
