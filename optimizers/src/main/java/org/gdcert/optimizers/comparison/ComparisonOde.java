package org.gdcert.optimizers.comparison;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.gdcert.optimizers.BrentEvent;
import org.gdcert.optimizers.OdeMethod;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.ODEEventHandler;
import org.hipparchus.ode.nonstiff.AdaptiveStepsizeIntegrator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * The scalar comparison ODE of seed 004 (eq. (9), parenthesized as in spec
 * certificates-sgd-relu.md §3.2), in its equality form
 * <pre>
 *   y(0) = 0,   y' = a · exp( t · [ k·α·g(y) − α² ] ),   g(y) = (c1·y + c2·y²) · exp(c·y²)
 * </pre>
 * with k = 1 the paper's equation and k = 2 the variant behind Figure 1 (spec §3.4). Integrated by
 * the same Hipparchus Runge–Kutta pairs as the {@code flow} and {@code clarke} optimizers; blow-up is the event
 * y ≥ y_blow, or a step below the minimum step, or the exponent passing {@link #EXPONENT_CAP}
 * (the right-hand side is capped there, as in the spec's prototype, so the integrator never loops).
 *
 * @param a √L(θ0)
 * @param c ‖X‖²_op
 * @param c1 2√2‖X‖²_op‖V0‖_F
 * @param c2 2‖X‖³_op‖W0‖_F
 * @param k the factor in front of α (1: eq. (9); 2: Figure 1)
 */
public record ComparisonOde(double a, double c, double c1, double c2, double k) {
    /** The outer exponent is capped here (e^600 ≈ 10^260): beyond it the solution has blown up. */
    public static final double EXPONENT_CAP = 600;
    /** The inner exponent c·y² is capped here (y ≥ 14 for c = 1, far past any blow-up level). */
    public static final double INNER_CAP = 200;

    public ComparisonOde {
        if (!(a > 0) || !(c >= 0) || !(c1 >= 0) || !(c2 >= 0) || !(k > 0)) {
            throw new IllegalArgumentException("comparison ODE needs a > 0, c, c1, c2 >= 0 and k > 0");
        }
    }

    /** Figure 1's setting a = c = c1 = c2 = 1. */
    public static ComparisonOde figure1(double k) {
        return new ComparisonOde(1, 1, 1, 1, k);
    }

    /** Λ(α) of eq. (10): 4(a c1/α³ + 2a² c2/α⁵) exp(4 c a²/α⁴). */
    public double lambda(double alpha) {
        return 4 * (a * c1 / Math.pow(alpha, 3) + 2 * a * a * c2 / Math.pow(alpha, 5))
                * Math.exp(4 * c * a * a / Math.pow(alpha, 4));
    }

    /** F(α) of eq. (11): (a c1/α³ + a² c2/α⁵) exp(4 c a²/α⁴). */
    public double f(double alpha) {
        return (a * c1 / Math.pow(alpha, 3) + a * a * c2 / Math.pow(alpha, 5))
                * Math.exp(4 * c * a * a / Math.pow(alpha, 4));
    }

    /** Lemma 3.3's bound 2a/α² on y (when Λ &lt; 1). */
    public double lemmaBound(double alpha) {
        return 2 * a / (alpha * alpha);
    }

    /** The right-hand side f_k(t, y). */
    public double rate(double alpha, double t, double y) {
        double g = (c1 * y + c2 * y * y) * Math.exp(Math.min(c * y * y, INNER_CAP));
        return a * Math.exp(Math.min(t * (k * alpha * g - alpha * alpha), EXPONENT_CAP));
    }

    /**
     * How to integrate.
     *
     * @param method the Runge–Kutta pair: {@code dopri} (Dormand–Prince 5(4)) or {@code dop853}
     * @param rtol relative tolerance
     * @param atol absolute tolerance
     * @param horizon final time T
     * @param blowUp the level y_blow
     * @param minStep a step below this is a blow-up
     * @param levels levels whose first crossing times are reported
     * @param times output times for y(t)
     */
    public record Options(String method, double rtol, double atol, double horizon, double blowUp, double minStep,
            double[] levels, double[] times) {
        public Options {
            OdeMethod.of(method);
            levels = levels.clone();
            times = times.clone();
            Arrays.sort(times);
        }

        /** DOP853 at rtol 1e-11, atol 1e-13, y_blow = 5, min step 1e-14, no levels or outputs. */
        public static Options standard(double horizon) {
            return new Options("dop853", 1e-11, 1e-13, horizon, 5, 1e-14, new double[0], new double[0]);
        }

        public Options withLevels(double... l) {
            return new Options(method, rtol, atol, horizon, blowUp, minStep, l, times);
        }

        public Options withTimes(double... t) {
            return new Options(method, rtol, atol, horizon, blowUp, minStep, levels, t);
        }

        public Options withTolerances(String m, double r, double at) {
            return new Options(m, r, at, horizon, blowUp, minStep, levels, times);
        }

        @Override
        public double[] levels() {
            return levels.clone();
        }

        @Override
        public double[] times() {
            return times.clone();
        }
    }

    /**
     * What happened.
     *
     * @param blewUp y reached y_blow, the step fell below the minimum, or the exponent hit its cap
     * @param endTime the blow-up time, or T
     * @param yEnd y at T (bounded), or the last value reached
     * @param levelTimes first crossing time of each level (NaN if never); a level the solution explodes
     *     through after the last accepted step is reported at the blow-up time
     * @param times the output times reached (before any blow-up)
     * @param values y at those times
     * @param steps accepted steps
     * @param evaluations right-hand-side evaluations
     * @param detail how it ended, in words
     */
    public record Outcome(boolean blewUp, double endTime, double yEnd, double[] levelTimes, double[] times,
            double[] values, long steps, long evaluations, String detail) {
    }

    /** Integrates y' = f_k(t, y) from y(0) = 0 for one α. */
    public Outcome integrate(double alpha, Options o) {
        long[] evals = new long[1];
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 1;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                evals[0]++;
                return new double[] {rate(alpha, t, y[0])};
            }
        };
        AdaptiveStepsizeIntegrator integ = OdeMethod.of(o.method()).create(o.minStep(), o.horizon(), o.atol(), o.rtol());
        double[] levels = o.levels();
        double[] levelTimes = new double[levels.length];
        Arrays.fill(levelTimes, Double.NaN);
        for (int i = 0; i < levels.length; i++) {
            final int idx = i;
            integ.addEventDetector(new Level(levels[i], (s, d, inc) -> {
                if (Double.isNaN(levelTimes[idx])) {
                    levelTimes[idx] = s.getTime();
                }
                return Action.CONTINUE;
            }));
        }
        boolean[] blown = new boolean[1];
        integ.addEventDetector(new Level(o.blowUp(), (s, d, inc) -> {
            blown[0] = true;
            return Action.STOP;
        }));
        double[] outT = o.times();
        List<double[]> samples = new ArrayList<>();
        long[] steps = new long[1];
        double[] last = {0, 0};
        boolean[] capped = new boolean[1];
        integ.addStepHandler(new ODEStepHandler() {
            private int next;

            @Override
            public void handleStep(org.hipparchus.ode.sampling.ODEStateInterpolator step) {
                steps[0]++;
                double tb = step.getCurrentState().getTime();
                while (next < outT.length && outT[next] <= tb) {
                    double t = outT[next++];
                    if (t >= step.getPreviousState().getTime()) {
                        samples.add(new double[] {t, step.getInterpolatedState(t).getPrimaryState()[0]});
                    }
                }
                ODEStateAndDerivative end = step.getCurrentState();
                last[0] = end.getTime();
                last[1] = end.getPrimaryState()[0];
                double yv = last[1];
                double g = (c1 * yv + c2 * yv * yv) * Math.exp(Math.min(c * yv * yv, INNER_CAP));
                capped[0] |= end.getTime() * (k * alpha * g - alpha * alpha) >= EXPONENT_CAP;
            }
        });
        String detail;
        boolean blew;
        try {
            ODEStateAndDerivative end = integ.integrate(ode, new ODEState(0, new double[] {0}), o.horizon());
            last[0] = end.getTime();
            last[1] = end.getPrimaryState()[0];
            blew = blown[0] || capped[0];
            detail = blown[0] ? String.format(Locale.ROOT, "BLOWUP at t = %.9g (y reached %g)", last[0], o.blowUp())
                    : capped[0] ? String.format(Locale.ROOT, "BLOWUP by t = %.9g (exponent capped at %g)", last[0],
                            EXPONENT_CAP)
                    : String.format(Locale.ROOT, "bounded, y(%g) = %.9g", o.horizon(), last[1]);
        } catch (MathRuntimeException e) {
            blew = true;
            detail = String.format(Locale.ROOT, "BLOWUP at t = %.9g (step below %g: %s)", last[0], o.minStep(),
                    e.getMessage());
        }
        if (blew) {
            // a level above the last value reached is crossed within one minimal step of the blow-up
            for (int i = 0; i < levels.length; i++) {
                if (Double.isNaN(levelTimes[i]) && levels[i] > last[1] && levels[i] < o.blowUp()) {
                    levelTimes[i] = last[0];
                }
            }
        }
        double[] ts = samples.stream().mapToDouble(s -> s[0]).toArray();
        double[] ys = samples.stream().mapToDouble(s -> s[1]).toArray();
        return new Outcome(blew, last[0], last[1], levelTimes, ts, ys, steps[0], evals[0], detail);
    }

    /**
     * The blow-up threshold α* in [lo, hi] by bisection to {@code tolerance}: solutions blow up
     * (within the options' horizon) for α below it and stay bounded above it. {@code lo} must blow
     * up and {@code hi} must not.
     */
    public double threshold(double lo, double hi, Options o, double tolerance) {
        if (!integrate(lo, o).blewUp() || integrate(hi, o).blewUp()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "no blow-up threshold bracketed in [%g, %g] (k = %g)", lo, hi, k));
        }
        double l = lo;
        double h = hi;
        while (h - l > tolerance) {
            double mid = 0.5 * (l + h);
            if (integrate(mid, o).blewUp()) {
                l = mid;
            } else {
                h = mid;
            }
        }
        return 0.5 * (l + h);
    }

    /** g = y − level, located by Brent; increasing crossings only. */
    private static final class Level extends BrentEvent {
        private final double level;
        private final ODEEventHandler handler;

        Level(double level, ODEEventHandler handler) {
            super(1e-15);
            this.level = level;
            this.handler = handler;
        }

        @Override
        public ODEEventHandler getHandler() {
            return handler;
        }

        @Override
        public double g(ODEStateAndDerivative s) {
            return s.getPrimaryState()[0] - level;
        }
    }
}
