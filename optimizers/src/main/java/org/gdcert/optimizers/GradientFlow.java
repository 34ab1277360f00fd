package org.gdcert.optimizers;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.spi.Optimizer;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.Decision;
import org.gdcert.core.train.Objective;
import org.gdcert.core.train.StopReason;
import org.gdcert.core.train.StopRules;
import org.gdcert.core.train.TrainingControl;
import org.gdcert.core.train.TrainingProblem;
import org.gdcert.core.train.TrainingResult;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.AdaptiveStepsizeIntegrator;

/**
 * Gradient flow dθ/dt = −∇L(θ) (L the run's loss reduction; ∇Φ for the default ½Σ), integrated
 * by an adaptive embedded Runge–Kutta pair of Hipparchus ({@link OdeMethod}) with error control
 * |err_i| ≤ atol + rtol·|θ_i| per step. Frozen layers stay fixed.
 *
 * <p>Reports on the time axis: θ(t) is recorded at the requested output times (the schedule's
 * {@code everyTime} and {@code times}, plus {@link Settings#times}) from the integrator's dense
 * output, and at every accepted step when {@link Settings#everyStep} or the schedule asks. The step
 * count is the number of accepted steps, so {@code maxSteps} budgets accepted steps. The run stops
 * at t = {@code maxTime}, or at the time where Φ crosses the {@code lossBelow} (or
 * {@code residualBelow}) level, located as an event on the dense output, or when the control
 * stops it (wall clock, cancellation). A step size below {@link Settings#minStep} stops the run
 * as {@link StopReason#STALLED}.
 */
public final class GradientFlow implements Optimizer {
    /** A stage value replacing a non-finite gradient: big enough that the error test rejects the step. */
    static final double REJECT = 1e100;
    /** Integration target when no final time is set: the other stop rules end the run. */
    static final double NO_END = 1e300;

    /**
     * The settings.
     *
     * @param method the Runge–Kutta pair
     * @param rtol relative tolerance per step
     * @param atol absolute tolerance per step
     * @param minStep smallest step allowed (0: none); below it the run stalls
     * @param maxStep largest step allowed (+∞: none)
     * @param times extra output times
     * @param everyStep record every accepted step
     */
    public record Settings(OdeMethod method, double rtol, double atol, double minStep, double maxStep, double[] times,
            boolean everyStep) {
        public Settings {
            Objects.requireNonNull(method);
            times = times.clone();
            method.create(minStep, maxStep, atol, rtol); // validates
            for (double t : times) {
                if (!(t >= 0) || Double.isInfinite(t)) {
                    throw new IllegalArgumentException("output times must be finite and >= 0, got " + t);
                }
            }
        }

        @Override
        public double[] times() {
            return times.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Settings s && s.method == method && s.rtol == rtol && s.atol == atol
                    && s.minStep == minStep && s.maxStep == maxStep && Arrays.equals(s.times, times)
                    && s.everyStep == everyStep;
        }

        @Override
        public int hashCode() {
            return Objects.hash(method, rtol, atol, minStep, maxStep, Arrays.hashCode(times), everyStep);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Settings[%s, rtol=%g, atol=%g, min_step=%g, max_step=%g, times=%s, "
                    + "every_step=%b]", method.word(), rtol, atol, minStep, maxStep, Arrays.toString(times), everyStep);
        }
    }

    private final Settings s;

    public GradientFlow(Settings settings) {
        this.s = Objects.requireNonNull(settings);
    }

    @Override
    public Axis axis() {
        return Axis.TIME;
    }

    @Override
    public TrainingResult train(TrainingProblem problem, TrainingControl control) {
        ParameterSet theta = problem.network().parameters();
        warnIfNotSmooth(problem, control);
        int dim = theta.trainableSize();
        double[] y0 = new double[dim];
        theta.flattenTrainable(y0);
        long[] nonFinite = new long[1];
        try (Objective objective = new Objective(problem); ParameterSet grad = theta.zerosLike()) {
            double[] g = new double[dim];
            LossCache cache = new LossCache(y -> {
                theta.unflattenTrainable(y);
                return objective.loss();
            });
            OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
                @Override
                public int getDimension() {
                    return dim;
                }

                @Override
                public double[] computeDerivatives(double t, double[] y) {
                    theta.unflattenTrainable(y);
                    double phi = objective.lossAndGradient(grad);
                    cache.put(y, phi);
                    grad.flattenTrainable(g);
                    double[] yDot = new double[dim];
                    boolean finite = Double.isFinite(phi);
                    for (int i = 0; i < dim; i++) {
                        yDot[i] = -g[i];
                        finite &= Double.isFinite(yDot[i]);
                    }
                    if (!finite) {
                        nonFinite[0]++;
                        Arrays.fill(yDot, REJECT);
                    }
                    return yDot;
                }
            };
            StopRules rules = control.stopRules();
            double tEnd = Double.isFinite(rules.maxTime()) ? rules.maxTime() : NO_END;
            OutputTimes outputs = new OutputTimes(concat(control.schedule().times(), s.times()),
                    control.schedule().everyTime(), 0);
            FlowTracker tracker = new FlowTracker(control, outputs,
                    s.everyStep() || control.schedule().everyAcceptedStep(), tEnd, theta::unflattenTrainable, cache);
            AdaptiveStepsizeIntegrator integrator = s.method().create(s.minStep(), s.maxStep(), s.atol(), s.rtol());
            integrator.addStepHandler(tracker);
            Level level = Level.of(rules, problem);
            if (level.value() > 0) {
                integrator.addEventDetector(new LossLevelEvent(level.value(), cache, tracker));
            }
            StopReason reason;
            String message;
            try {
                tracker.start(0, y0);
                integrator.integrate(ode, new ODEState(0, y0), tEnd);
                // returned without the control stopping: the loss event, or the end of the horizon
                if (tracker.lossEventFired()) {
                    reason = level.reason();
                    message = level.message(tracker.time());
                } else {
                    reason = StopReason.MAX_TIME;
                    message = String.format(Locale.ROOT, "reached t = %.6g", tracker.time());
                }
            } catch (FlowTracker.Halt h) {
                Decision d = h.decision;
                reason = d.stop().orElseThrow();
                message = d.message();
            } catch (MathRuntimeException e) {
                reason = StopReason.STALLED;
                message = String.format(Locale.ROOT, "integrator stalled after t = %.6g: %s", tracker.time(),
                        e.getMessage());
                control.note(message);
                tracker.recordFinal();
            }
            double last = cache.loss(tracker.state());
            Map<String, Long> counters = new HashMap<>();
            counters.put("accepted_steps", tracker.steps());
            counters.put("rhs_evaluations", objective.gradientEvaluations());
            counters.put("loss_evaluations", cache.computed());
            counters.put("nonfinite_stages", nonFinite[0]);
            theta.unflattenTrainable(tracker.state());
            return new TrainingResult(reason, message, tracker.steps(), tracker.time(), last,
                    objective.gradientEvaluations(), counters);
        }
    }

    /**
     * Spec §2.3: with a kink (ReLU) the network's fixed derivative at 0 makes the field
     * discontinuous; near sliding surfaces adaptive steps collapse. Says so once.
     */
    private static void warnIfNotSmooth(TrainingProblem problem, TrainingControl control) {
        var spec = problem.network().spec();
        for (int l = 1; l <= spec.depth(); l++) {
            var act = spec.layer(l).activation();
            if (act.isPresent() && !act.get().instance().properties().smooth()) {
                control.note("flow: activation '" + act.get() + "' of layer " + l + " is not smooth: its fixed"
                        + " derivative at the kink makes the field discontinuous, and adaptive steps can collapse where"
                        + " trajectories slide along kinks; `train clarke` integrates the Clarke-subgradient flow");
                return;
            }
        }
    }

    /**
     * The loss level of the stop rules as one event: Φ &lt; lossBelow, or Φ &lt; ½ r²‖Y‖² for
     * residualBelow r (whichever is higher); value 0 when neither rule is set.
     */
    record Level(double value, StopReason reason, double threshold) {
        static Level of(StopRules rules, TrainingProblem problem) {
            double level = rules.lossBelow();
            StopReason reason = StopReason.LOSS_BELOW;
            double threshold = level;
            if (rules.residualBelow() > 0) {
                double y2 = problem.network().backend().sumOfSquares(problem.targets());
                double r = 0.5 * rules.residualBelow() * rules.residualBelow() * y2;
                if (r > level) {
                    level = r;
                    reason = StopReason.RESIDUAL_BELOW;
                    threshold = rules.residualBelow();
                }
            }
            return new Level(level, reason, threshold);
        }

        String message(double t) {
            return String.format(Locale.ROOT, "%s reached %.3e at t = %.6g",
                    reason == StopReason.LOSS_BELOW ? "loss" : "relative residual", threshold, t);
        }
    }

    static double[] concat(double[] a, double[] b) {
        double[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
