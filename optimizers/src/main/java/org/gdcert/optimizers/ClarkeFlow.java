package org.gdcert.optimizers;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.spi.Optimizer;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.StopReason;
import org.gdcert.core.train.StopRules;
import org.gdcert.core.train.TrainingControl;
import org.gdcert.core.train.TrainingProblem;
import org.gdcert.core.train.TrainingResult;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.AllowedSolution;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.AdaptiveStepsizeIntegrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;

/**
 * The Clarke-subgradient flow dθ/dt = −m(θ), m the minimum-norm element of the Clarke
 * subdifferential, for seed 004's two-layer ReLU (or leaky ReLU) network, integrated as a
 * piecewise-smooth system with events (spec certificates-sgd-relu.md §2.4):
 *
 * <ol>
 *   <li>Classify every preactivation pair: POS if z_ij &gt; τ_ij, NEG if z_ij &lt; −τ_ij, on the kink
 *       otherwise, τ_ij = τ_abs + τ_rel‖x̃_i‖‖w̃_j‖. For each neuron with kink pairs solve the box
 *       least squares min ‖b_j + M_j s‖, s ∈ [lo, hi]^K (M_j's columns P_ij x̃_i, {@link Bvls}): pairs
 *       with interior s slide (Filippov sliding mode: ż_ij = 0), pairs at a bound leave the kink to
 *       the side −⟨x̃_i, m_j⟩ points to. Sliding pairs are snapped onto the kink (w̃_j projected,
 *       the drift guard), unless that raises Φ by more than rtol·Φ.</li>
 *   <li>With the classification frozen the field is smooth; integrate it with Hipparchus'
 *       Dormand–Prince pair under rtol/atol (Runge–Kutta keeps the linear invariants
 *       ⟨x̃_i, w̃_j⟩ = 0 of sliding pairs).</li>
 *   <li>After every accepted step, scan its dense output for events: a POS/NEG pair crossing the
 *       kink (z located per pair by a Brent solver), a sliding pair's selection s_ij leaving
 *       [lo, hi], or a sliding pair drifting off the kink. Cut the step at the earliest event,
 *       reclassify there, and continue.</li>
 * </ol>
 *
 * <p>Reports on the time axis like {@link GradientFlow}, with the same output, stop and stall
 * rules. The computation runs on host arrays in double precision (the network's backend only
 * receives θ(t) for recording). Counters: events by kind, segments, kink and sliding pairs
 * (final and maximum), degenerate kinks (rank(X_K) &lt; |K|: the box is larger than the Clarke
 * subdifferential and m only a lower bound), snaps, loss increases beyond rtol·Φ (while Φ ≥ 10⁻⁶Φ(0)),
 * and repulsive slides: a pair with P_ij &lt; 0 whose minimum-norm selection is interior is kept on
 * its kink although both sides push away from it. Solutions of the inclusion are not unique there;
 * this flow follows the minimum-norm one that stays, while the limit of gradient descent with a
 * fixed σ'(0) may leave. The monitor
 * {@code zeros} shows how many preactivations sit at the kink over time.
 */
public final class ClarkeFlow implements Optimizer {
    /** Relative margin by which a sliding selection may leave [lo, hi] before it is an event. */
    static final double SELECTION_SLACK = 1e-9;
    /**
     * Loss increases are counted only while Φ ≥ this fraction of Φ(0): below it the absolute
     * tolerance on θ, not the selection, decides the last digits of Φ.
     */
    static final double LOSS_NOISE_FLOOR = 1e-6;
    /**
     * Events accumulate (Zeno) when this many segments in a row together advance t by less than
     * {@link #ZENO_PROGRESS}·max(1, t).
     */
    static final int ZENO_SEGMENTS = 100;
    static final double ZENO_PROGRESS = 1e-6;

    /**
     * The settings.
     *
     * @param flow method, tolerances, step limits and outputs as for {@link GradientFlow}
     * @param tauRel relative kink tolerance τ_rel
     * @param tauAbs absolute kink tolerance τ_abs
     * @param snap project sliding pairs exactly onto the kink at each reclassification
     */
    public record Settings(GradientFlow.Settings flow, double tauRel, double tauAbs, boolean snap) {
        public Settings {
            Objects.requireNonNull(flow);
            if (!(tauRel >= 0) || !(tauAbs >= 0) || Double.isInfinite(tauRel) || Double.isInfinite(tauAbs)) {
                throw new IllegalArgumentException("clarke: kink tolerances must be finite and >= 0");
            }
        }
    }

    private final Settings s;

    public ClarkeFlow(Settings settings) {
        this.s = Objects.requireNonNull(settings);
    }

    @Override
    public Axis axis() {
        return Axis.TIME;
    }

    @Override
    public TrainingResult train(TrainingProblem problem, TrainingControl control) {
        return new Run(problem, control).run();
    }

    /** One training run: the model, work arrays, counters. */
    private final class Run {
        private final TrainingProblem problem;
        private final TrainingControl control;
        private final ReluModel m;
        private final ParameterSet theta;
        private final double reduction;
        private final int n;
        private final int dt;
        private final int d1;
        private final int d2;
        // work arrays
        private final double[] wt;
        private final double[] z;
        private final double[] h;
        private final double[] r;
        private final double[] p;
        private final double[] q;
        private final double[] gw;
        private double[] zState;
        private double sMargin = Double.POSITIVE_INFINITY;
        private double[] sMarginState;
        private final LossCache cache;
        private ClarkeMode mode;
        private int eventPair = -1;
        /** With a selection event: the class the exiting pair leaves into (−1 otherwise). */
        private byte eventExit = -1;
        /** The pair with the smallest selection margin at the last evaluation, and the side it is near. */
        private int marginPair = -1;
        private byte marginExit = -1;
        // counters
        private long rhs;
        private long crossings;
        private long selectionExits;
        private long drifts;
        private long segments;
        private long snaps;
        private long snapsRejected;
        private long degenerate;
        private long lossIncreases;
        private long repulsive;
        private long kinksMax;
        private long slidingMax;
        private double lastStepLoss = Double.NaN;
        private double initialLoss = Double.NaN;

        Run(TrainingProblem problem, TrainingControl control) {
            this.problem = problem;
            this.control = control;
            this.m = ReluModel.of(problem);
            this.theta = problem.network().parameters();
            this.n = m.n;
            this.dt = m.dt;
            this.d1 = m.d1;
            this.d2 = m.d2;
            this.reduction = problem.reduction().gradientMultiplier(n, d2);
            wt = new double[dt * d1];
            z = new double[n * d1];
            h = new double[n * d1];
            r = new double[n * d2];
            p = new double[n * d1];
            q = new double[n * d1];
            gw = new double[dt * d1];
            cache = new LossCache(this::actualLoss);
        }

        TrainingResult run() {
            GradientFlow.Settings f = s.flow();
            double[] y = new double[m.dim];
            theta.flattenTrainable(y);
            StopRules rules = control.stopRules();
            double tEnd = Double.isFinite(rules.maxTime()) ? rules.maxTime() : GradientFlow.NO_END;
            OutputTimes outputs = new OutputTimes(GradientFlow.concat(control.schedule().times(), f.times()),
                    control.schedule().everyTime(), 0);
            FlowTracker tracker = new FlowTracker(control, outputs, f.everyStep() || control.schedule()
                    .everyAcceptedStep(), tEnd, theta::unflattenTrainable, cache);
            GradientFlow.Level level = GradientFlow.Level.of(rules, problem);
            StopReason reason;
            String message;
            double t = 0;
            double step = 0;
            int tiny = 0;
            double windowStart = 0;
            try {
                initialLoss = cache.loss(y);
                tracker.start(0, y);
                while (true) {
                    y = y.clone();
                    mode = classify(y, eventPair, eventExit);
                    eventPair = -1;
                    eventExit = -1;
                    sMarginState = null; // the selection margins belong to the previous mode
                    theta.unflattenTrainable(y);
                    AdaptiveStepsizeIntegrator integrator = f.method().create(f.minStep(), f.maxStep(), f.atol(),
                            f.rtol());
                    if (step > 0) {
                        integrator.setInitialStepSize(step);
                    }
                    integrator.addStepHandler(tracker);
                    tracker.setScan(this::firstEvent);
                    if (level.value() > 0) {
                        integrator.addEventDetector(new LossLevelEvent(level.value(), cache, tracker));
                    }
                    try {
                        integrator.integrate(field(), new ODEState(t, y), tEnd);
                    } catch (FlowTracker.Cut cut) {
                        segments++;
                        if (cut.time - windowStart <= ZENO_PROGRESS * Math.max(1, Math.abs(cut.time))) {
                            if (++tiny >= ZENO_SEGMENTS) {
                                throw new ZenoException(cut.time);
                            }
                        } else {
                            tiny = 0;
                            windowStart = cut.time;
                        }
                        double hs = Math.abs(integrator.getCurrentSignedStepsize());
                        step = Double.isFinite(hs) && hs > 0 ? hs : step;
                        t = cut.time;
                        y = cut.state;
                        continue;
                    }
                    if (tracker.lossEventFired()) {
                        reason = level.reason();
                        message = level.message(tracker.time());
                    } else {
                        reason = StopReason.MAX_TIME;
                        message = String.format(Locale.ROOT, "reached t = %.6g", tracker.time());
                    }
                    break;
                }
            } catch (FlowTracker.Halt halt) {
                reason = halt.decision.stop().orElseThrow();
                message = halt.decision.message();
            } catch (MathRuntimeException | ZenoException e) {
                reason = StopReason.STALLED;
                message = String.format(Locale.ROOT, "integrator stalled after t = %.6g: %s", tracker.time(),
                        e.getMessage());
                control.note(message);
                tracker.recordFinal();
            }
            double[] last = tracker.state();
            theta.unflattenTrainable(last);
            double finalLoss = actualLoss(last);
            ClarkeMode end = classify(last.clone(), -1, (byte) -1);
            theta.unflattenTrainable(last);
            if (lossIncreases > 0) {
                control.note("clarke: the loss rose by more than rtol·Φ at " + lossIncreases + " accepted steps");
            }
            if (degenerate > 0) {
                control.note("clarke: " + degenerate + " degenerate kink sets (rank(X_K) < |K|): the selection is"
                        + " taken from the per-pair box, which is larger than the Clarke subdifferential there");
            }
            Map<String, Long> counters = new HashMap<>();
            counters.put("accepted_steps", tracker.steps());
            counters.put("rhs_evaluations", rhs);
            counters.put("segments", segments);
            counters.put("events_crossing", crossings);
            counters.put("events_selection", selectionExits);
            counters.put("events_drift", drifts);
            counters.put("kink_pairs", (long) end.kinks);
            counters.put("sliding_pairs", (long) end.sliding);
            counters.put("kink_pairs_max", kinksMax);
            counters.put("sliding_pairs_max", slidingMax);
            counters.put("degenerate_kinks", degenerate);
            counters.put("snaps", snaps);
            counters.put("snaps_rejected", snapsRejected);
            counters.put("loss_increases", lossIncreases);
            counters.put("repulsive_slides", repulsive);
            return new TrainingResult(reason, message, tracker.steps(), tracker.time(), finalLoss, rhs, counters);
        }

        // ---- forward passes -------------------------------------------------------------------

        /** Z = X̃ W̃ at a state, into {@link #z}. */
        private void computeZ(double[] y) {
            m.hiddenWeights(y, wt);
            Arrays.fill(z, 0);
            for (int i = 0; i < n; i++) {
                int zi = i * d1;
                for (int a = 0; a < dt; a++) {
                    double x = m.xt[i * dt + a];
                    if (x == 0) {
                        continue;
                    }
                    int wa = a * d1;
                    for (int j = 0; j < d1; j++) {
                        z[zi + j] += x * wt[wa + j];
                    }
                }
            }
            zState = keep(zState, y);
        }

        private static double[] keep(double[] dst, double[] src) {
            if (dst == null || dst.length != src.length) {
                return src.clone();
            }
            System.arraycopy(src, 0, dst, 0, src.length);
            return dst;
        }

        /**
         * H, R, P and Φ from {@link #z}: H = s1·σ(z) with the actual slopes when {@code frozen} is
         * null, with the frozen ones otherwise.
         */
        private double outputs(double[] y, ClarkeMode frozen) {
            double[] v = m.outputWeights(y);
            double[] b2 = m.outputBias(y);
            for (int k = 0; k < n * d1; k++) {
                double slope = frozen == null ? (z[k] > 0 ? m.hi : m.lo)
                        : (frozen.cls[k] == ClarkeMode.POS ? m.hi : m.lo);
                h[k] = m.s1 * slope * z[k];
            }
            double phi = 0;
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < d2; c++) {
                    double acc = 0;
                    for (int j = 0; j < d1; j++) {
                        acc += h[i * d1 + j] * v[j * d2 + c];
                    }
                    double e = m.a2 * acc + (b2 == null ? 0 : b2[c]) - m.y[i * d2 + c];
                    r[i * d2 + c] = e;
                    phi += e * e;
                }
            }
            double f = m.a2 * m.s1;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d1; j++) {
                    double acc = 0;
                    for (int c = 0; c < d2; c++) {
                        acc += r[i * d2 + c] * v[j * d2 + c];
                    }
                    p[i * d1 + j] = f * acc;
                }
            }
            return 0.5 * phi;
        }

        /** Φ with the true activation (used for stop rules, the loss event and the final loss). */
        double actualLoss(double[] y) {
            computeZ(y);
            return outputs(y, null);
        }

        // ---- the frozen field -----------------------------------------------------------------

        private OrdinaryDifferentialEquation field() {
            return new OrdinaryDifferentialEquation() {
                @Override
                public int getDimension() {
                    return m.dim;
                }

                @Override
                public double[] computeDerivatives(double t, double[] y) {
                    return derivative(y);
                }
            };
        }

        /** −c·(the frozen-mode selection of the subdifferential) at y; caches Φ and the selection margin. */
        private double[] derivative(double[] y) {
            rhs++;
            computeZ(y);
            double phi = outputs(y, mode);
            double[] yDot = new double[m.dim];
            if (m.trainW) {
                for (int k = 0; k < n * d1; k++) {
                    byte c = mode.cls[k];
                    q[k] = c == ClarkeMode.SLIDE ? 0 : p[k] * (c == ClarkeMode.POS ? m.hi : m.lo);
                }
                Arrays.fill(gw, 0);
                for (int i = 0; i < n; i++) {
                    int qi = i * d1;
                    for (int a = 0; a < dt; a++) {
                        double x = m.xt[i * dt + a];
                        if (x == 0) {
                            continue;
                        }
                        int ga = a * d1;
                        for (int j = 0; j < d1; j++) {
                            gw[ga + j] += x * q[qi + j];
                        }
                    }
                }
                double margin = Double.POSITIVE_INFINITY;
                marginPair = -1;
                for (int j = 0; j < d1; j++) {
                    ClarkeMode.Slide sl = mode.slides[j];
                    if (sl != null) {
                        margin = Math.min(margin, project(sl, j, margin));
                    }
                }
                sMargin = margin;
                sMarginState = keep(sMarginState, y);
                for (int a = 0; a < m.d0; a++) {
                    for (int j = 0; j < d1; j++) {
                        yDot[m.offW + a * d1 + j] = -reduction * gw[a * d1 + j];
                    }
                }
                if (m.bias1) {
                    for (int j = 0; j < d1; j++) {
                        yDot[m.offB1 + j] = -reduction * gw[m.d0 * d1 + j];
                    }
                }
            }
            if (m.trainV) {
                for (int j = 0; j < d1; j++) {
                    for (int c = 0; c < d2; c++) {
                        double acc = 0;
                        for (int i = 0; i < n; i++) {
                            acc += h[i * d1 + j] * r[i * d2 + c];
                        }
                        yDot[m.offV + j * d2 + c] = -reduction * m.a2 * acc;
                    }
                }
                if (m.bias2) {
                    for (int c = 0; c < d2; c++) {
                        double acc = 0;
                        for (int i = 0; i < n; i++) {
                            acc += r[i * d2 + c];
                        }
                        yDot[m.offB2 + c] = -reduction * acc;
                    }
                }
            }
            cache.put(y, phi);
            boolean finite = Double.isFinite(phi);
            for (double v : yDot) {
                finite &= Double.isFinite(v);
            }
            if (!finite) {
                Arrays.fill(yDot, GradientFlow.REJECT);
            }
            return yDot;
        }

        /**
         * Projects column j of {@link #gw} (c_j, the sum over non-sliding pairs) onto the complement
         * of the sliding rows' span, and returns the smallest margin of the implied selections
         * s_i = u_i / P_ij inside [lo, hi] (relative to hi − lo); records the pair when it is below
         * {@code best}, with the side it would leave to (below lo: NEG, above hi: POS).
         */
        private double project(ClarkeMode.Slide sl, int j, double best) {
            int rank = sl.rank();
            double[] a = new double[rank];
            for (int k = 0; k < rank; k++) {
                double acc = 0;
                for (int b = 0; b < dt; b++) {
                    acc += sl.basis()[k * dt + b] * gw[b * d1 + j];
                }
                a[k] = acc;
            }
            for (int k = 0; k < rank; k++) {
                for (int b = 0; b < dt; b++) {
                    gw[b * d1 + j] -= sl.basis()[k * dt + b] * a[k];
                }
            }
            double width = m.hi - m.lo;
            double margin = Double.POSITIVE_INFINITY;
            int[] rows = sl.rows();
            for (int s = 0; s < rows.length; s++) {
                double u = 0;
                for (int k = 0; k < rank; k++) {
                    u -= sl.coef()[s * rank + k] * a[k];
                }
                double pij = p[rows[s] * d1 + j];
                double sel = u / pij;
                double mg = Double.isFinite(sel) ? Math.min(sel - m.lo, m.hi - sel) / width + SELECTION_SLACK
                        : (u == 0 ? SELECTION_SLACK : -1);
                if (mg < Math.min(margin, best)) {
                    marginPair = rows[s] * d1 + j;
                    // leaving through lo continues with the NEG side's slope, through hi with the POS side's
                    marginExit = sel - m.lo < m.hi - sel || Double.isNaN(sel) ? ClarkeMode.NEG : ClarkeMode.POS;
                }
                margin = Math.min(margin, mg);
            }
            return margin;
        }

        // ---- classification -------------------------------------------------------------------

        /**
         * Classifies every pair at y (and snaps sliding pairs onto the kink in y). {@code forced} is
         * the pair of the event that ended the last segment (or −1): a crossing puts it on the kink;
         * with {@code exit} ≥ 0 it is a sliding pair whose selection left the box, and it leaves the
         * kink to that side (its velocity is still 0 at the exit, so the sign test could not decide).
         */
        ClarkeMode classify(double[] y, int forced, byte exit) {
            ClarkeMode md = new ClarkeMode(n, d1);
            actualLoss(y);
            double[] pAt = p.clone();
            double[] zAt = z.clone();
            m.hiddenWeights(y, wt);
            double[] wNorm = new double[d1];
            for (int a = 0; a < dt; a++) {
                for (int j = 0; j < d1; j++) {
                    wNorm[j] += wt[a * d1 + j] * wt[a * d1 + j];
                }
            }
            for (int j = 0; j < d1; j++) {
                wNorm[j] = Math.sqrt(wNorm[j]);
            }
            double pMax = 0;
            for (double v : pAt) {
                pMax = Math.max(pMax, Math.abs(v));
            }
            boolean[] kink = new boolean[n * d1];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d1; j++) {
                    int k = i * d1 + j;
                    md.tau[k] = s.tauAbs() + s.tauRel() * m.xNorm[i] * wNorm[j];
                    boolean exiting = k == forced && exit >= 0;
                    kink[k] = m.trainW && m.lo < m.hi && !exiting && (Math.abs(zAt[k]) <= md.tau[k] || k == forced);
                    md.cls[k] = exiting ? exit : zAt[k] > 0 ? ClarkeMode.POS : ClarkeMode.NEG;
                }
            }
            boolean anySlide = false;
            for (int j = 0; j < d1; j++) {
                anySlide |= classifyNeuron(md, j, kink, zAt, pAt, pMax);
            }
            if (anySlide && s.snap()) {
                snap(md, y);
            }
            // thresholds from the (possibly snapped) state
            computeZ(y);
            int kinks = 0;
            for (int k = 0; k < n * d1; k++) {
                double tau = md.tau[k];
                if (kink[k]) {
                    kinks++;
                }
                if (!m.trainW) {
                    md.threshold[k] = md.cls[k] == ClarkeMode.POS ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                } else if (md.cls[k] == ClarkeMode.POS) {
                    md.threshold[k] = Math.min(0, z[k]) - 0.5 * tau;
                } else if (md.cls[k] == ClarkeMode.NEG) {
                    md.threshold[k] = Math.max(0, z[k]) + 0.5 * tau;
                } else {
                    md.threshold[k] = Double.NaN;
                }
            }
            md.kinks = kinks;
            kinksMax = Math.max(kinksMax, kinks);
            slidingMax = Math.max(slidingMax, md.sliding);
            degenerate += md.degenerate;
            return md;
        }

        /**
         * BVLS for neuron j's kink pairs; sets their classes; returns whether any slides. A pair the
         * minimum-norm element sends off the kink to the side whose slope is not its selection
         * (at lo but moving up, at hi but moving down: a repulsive kink, P_ij &lt; 0) changes the
         * field of the others once it has left, so it is fixed at its side's slope and the box
         * problem is solved again for the rest, until the classification is consistent.
         */
        private boolean classifyNeuron(ClarkeMode md, int j, boolean[] kink, double[] zAt, double[] pAt, double pMax) {
            int count = 0;
            for (int i = 0; i < n; i++) {
                count += kink[i * d1 + j] ? 1 : 0;
            }
            if (count == 0) {
                return false;
            }
            int[] rows = new int[count];
            for (int i = 0, c = 0; i < n; i++) {
                if (kink[i * d1 + j]) {
                    rows[c++] = i;
                }
            }
            double[] base = new double[dt];
            for (int i = 0; i < n; i++) {
                int k = i * d1 + j;
                if (!kink[k]) {
                    axpyRow(pAt[k] * (md.cls[k] == ClarkeMode.POS ? m.hi : m.lo), i, base);
                }
            }
            boolean[] fixed = new boolean[count];
            byte[] cls = new byte[count];
            for (int round = 0; round <= count; round++) {
                double[] b = base.clone();
                int[] active = new int[count];
                int na = 0;
                double scale = 0;
                for (int cc = 0; cc < count; cc++) {
                    int i = rows[cc];
                    double pij = pAt[i * d1 + j];
                    if (fixed[cc]) {
                        axpyRow(pij * (cls[cc] == ClarkeMode.POS ? m.hi : m.lo), i, b);
                    } else if (Math.abs(pij) > 1e-14 * pMax) {
                        active[na++] = cc;
                        scale += Math.abs(pij) * m.xNorm[i];
                    }
                }
                double[][] cols = new double[na][dt];
                for (int s2 = 0; s2 < na; s2++) {
                    int i = rows[active[s2]];
                    for (int a = 0; a < dt; a++) {
                        cols[s2][a] = pAt[i * d1 + j] * m.xt[i * dt + a];
                    }
                }
                double[] sel = Bvls.solve(cols, b, m.lo, m.hi).s();
                double[] mj = b.clone();
                for (int s2 = 0; s2 < na; s2++) {
                    for (int a = 0; a < dt; a++) {
                        mj[a] += cols[s2][a] * sel[s2];
                    }
                }
                if (round == 0 && na > 1) {
                    int[] activeRows = new int[na];
                    for (int s2 = 0; s2 < na; s2++) {
                        activeRows[s2] = rows[active[s2]];
                    }
                    if (rank(activeRows, na) < na) {
                        md.degenerate++;
                    }
                }
                scale += Bvls.norm(b);
                boolean changed = false;
                for (int cc = 0, s2 = 0; cc < count; cc++) {
                    if (fixed[cc]) {
                        continue;
                    }
                    int i = rows[cc];
                    boolean isActive = s2 < na && active[s2] == cc;
                    double si = isActive ? sel[s2] : Double.NaN;
                    if (isActive) {
                        s2++;
                    }
                    double vel = 0;
                    for (int a = 0; a < dt; a++) {
                        vel -= m.xt[i * dt + a] * mj[a];
                    }
                    double vtol = 1e-12 * m.xNorm[i] * scale;
                    if (isActive && si > m.lo && si < m.hi) {
                        cls[cc] = ClarkeMode.SLIDE;
                    } else if (vel > vtol) {
                        cls[cc] = ClarkeMode.POS;
                    } else if (vel < -vtol) {
                        cls[cc] = ClarkeMode.NEG;
                    } else if (isActive) {
                        cls[cc] = ClarkeMode.SLIDE;
                    } else {
                        cls[cc] = zAt[i * d1 + j] > 0 ? ClarkeMode.POS : ClarkeMode.NEG;
                    }
                    boolean flips = isActive && ((cls[cc] == ClarkeMode.POS && si < m.hi)
                            || (cls[cc] == ClarkeMode.NEG && si > m.lo));
                    if (flips) {
                        fixed[cc] = true;
                        changed = true;
                    }
                }
                if (!changed) {
                    break;
                }
            }
            int slides = 0;
            int[] slideRows = new int[count];
            for (int cc = 0; cc < count; cc++) {
                int k = rows[cc] * d1 + j;
                md.cls[k] = cls[cc];
                if (cls[cc] == ClarkeMode.SLIDE) {
                    slideRows[slides++] = rows[cc];
                    if (pAt[k] < 0) {
                        repulsive++;
                    }
                }
            }
            if (slides == 0) {
                return false;
            }
            md.slides[j] = slide(Arrays.copyOf(slideRows, slides));
            md.sliding += slides;
            return true;
        }

        /** v += f·x̃_i. */
        private void axpyRow(double f, int i, double[] v) {
            if (f == 0) {
                return;
            }
            for (int a = 0; a < dt; a++) {
                v[a] += f * m.xt[i * dt + a];
            }
        }

        private int rank(int[] rows, int count) {
            double[][] xs = new double[count][dt];
            for (int s2 = 0; s2 < count; s2++) {
                System.arraycopy(m.xt, rows[s2] * dt, xs[s2], 0, dt);
            }
            return new SingularValueDecomposition(new Array2DRowRealMatrix(xs, false)).getRank();
        }

        /** SVD of the sliding rows X_S = U Σ Vᵀ: basis V_rᵀ and coefficients U_r Σ_r⁻¹. */
        private ClarkeMode.Slide slide(int[] rows) {
            int k = rows.length;
            double[][] xs = new double[k][dt];
            for (int s2 = 0; s2 < k; s2++) {
                System.arraycopy(m.xt, rows[s2] * dt, xs[s2], 0, dt);
            }
            SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(xs, false));
            int rank = svd.getRank();
            double[] sv = svd.getSingularValues();
            RealMatrix u = svd.getU();
            RealMatrix v = svd.getV();
            double[] basis = new double[rank * dt];
            double[] coef = new double[k * rank];
            for (int c = 0; c < rank; c++) {
                for (int b = 0; b < dt; b++) {
                    basis[c * dt + b] = v.getEntry(b, c);
                }
                for (int s2 = 0; s2 < k; s2++) {
                    coef[s2 * rank + c] = u.getEntry(s2, c) / sv[c];
                }
            }
            return new ClarkeMode.Slide(rows, basis, coef, rank);
        }

        /** Projects w̃_j of every sliding neuron onto {⟨x̃_i, w̃_j⟩ = 0, i sliding}; keeps it if Φ rises too much. */
        private void snap(ClarkeMode md, double[] y) {
            double before = actualLoss(y);
            double[] old = y.clone();
            m.hiddenWeights(y, wt);
            for (int j = 0; j < d1; j++) {
                ClarkeMode.Slide sl = md.slides[j];
                if (sl == null) {
                    continue;
                }
                for (int c = 0; c < sl.rank(); c++) {
                    double acc = 0;
                    for (int b = 0; b < dt; b++) {
                        acc += sl.basis()[c * dt + b] * wt[b * d1 + j];
                    }
                    for (int b = 0; b < dt; b++) {
                        wt[b * d1 + j] -= sl.basis()[c * dt + b] * acc;
                    }
                }
            }
            m.setHiddenWeights(wt, y);
            double after = actualLoss(y);
            if (after > before + s.flow().rtol() * before) {
                System.arraycopy(old, 0, y, 0, y.length);
                snapsRejected++;
            } else {
                snaps++;
            }
        }

        // ---- events ---------------------------------------------------------------------------

        /** The earliest event in an accepted step, or NaN. */
        double firstEvent(ODEStateInterpolator step) {
            double ta = step.getPreviousState().getTime();
            double tb = step.getCurrentState().getTime();
            double[] yb = step.getCurrentState().getPrimaryState();
            double best = Double.NaN;
            int bestPair = -1;
            byte exit = -1;
            if (m.trainW) {
                double tPrev = ta;
                for (double frac : new double[] {0.5, 1}) {
                    double ts = frac == 1 ? tb : ta + frac * (tb - ta);
                    double[] ys = frac == 1 ? yb : step.getInterpolatedState(ts).getPrimaryState();
                    if (zState == null || !Arrays.equals(zState, ys)) {
                        computeZ(ys);
                    }
                    double[] zs = z;
                    double bound = ts;
                    for (int k = 0; k < n * d1; k++) {
                        byte c = mode.cls[k];
                        if (c == ClarkeMode.SLIDE) {
                            continue;
                        }
                        boolean crossed = c == ClarkeMode.POS ? zs[k] < mode.threshold[k] : zs[k] > mode.threshold[k];
                        if (!crossed) {
                            continue;
                        }
                        double root = crossing(step, k, tPrev, bound);
                        if (Double.isNaN(best) || root < best) {
                            best = root;
                            bestPair = k;
                            bound = root;
                        }
                    }
                    if (!Double.isNaN(best)) {
                        crossings++;
                        break;
                    }
                    tPrev = ts;
                }
                if (Double.isNaN(best)) {
                    // drift of sliding pairs off the kink (Z at tb is current)
                    for (int k = 0; k < n * d1; k++) {
                        if (mode.cls[k] == ClarkeMode.SLIDE && Math.abs(z[k]) > mode.tau[k]) {
                            best = tb;
                            drifts++;
                            break;
                        }
                    }
                }
                if (mode.sliding > 0) {
                    double tEnd = Double.isNaN(best) ? tb : best;
                    double[] ye = tEnd == tb ? yb : step.getInterpolatedState(tEnd).getPrimaryState();
                    if (selectionMargin(ye) < 0) {
                        double root = solve(t -> selectionMargin(step.getInterpolatedState(t).getPrimaryState()), ta,
                                tEnd, 1e-12);
                        selectionMargin(root == tb ? yb : step.getInterpolatedState(root).getPrimaryState());
                        best = root;
                        bestPair = marginPair;
                        exit = marginExit;
                        selectionExits++;
                    }
                }
            }
            if (Double.isNaN(best)) {
                double phi = cache.known(yb);
                if (!Double.isNaN(phi) && !Double.isNaN(lastStepLoss) && phi >= LOSS_NOISE_FLOOR * initialLoss
                        && phi > lastStepLoss + s.flow().rtol() * lastStepLoss) {
                    lossIncreases++;
                }
                if (!Double.isNaN(phi)) {
                    lastStepLoss = phi;
                }
            } else {
                eventPair = bestPair;
                eventExit = exit;
                lastStepLoss = Double.NaN;
            }
            return best;
        }

        private double selectionMargin(double[] y) {
            if (sMarginState == null || !Arrays.equals(sMarginState, y)) {
                derivative(y);
            }
            return sMargin;
        }

        /** When pair k crosses its threshold in [lo, hi] (it has crossed at hi), from the dense output. */
        private double crossing(ODEStateInterpolator step, int k, double lo, double hi) {
            int i = k / d1;
            int j = k % d1;
            double thr = mode.threshold[k];
            double sign = mode.cls[k] == ClarkeMode.POS ? 1 : -1;
            UnivariateFunction f = t -> {
                double[] y = step.getInterpolatedState(t).getPrimaryState();
                double zz = 0;
                for (int a = 0; a < m.d0; a++) {
                    zz += m.xt[i * dt + a] * y[m.offW + a * d1 + j];
                }
                if (m.bias1) {
                    zz += m.xt[i * dt + m.d0] * y[m.offB1 + j];
                }
                return sign * (zz - thr);
            };
            return solve(f, lo, hi, mode.tau[k] / 8);
        }

        /** The first time in [lo, hi] where f (≥ 0 at lo, &lt; 0 at hi) is ≤ 0, located by Brent. */
        private double solve(UnivariateFunction f, double lo, double hi, double fAccuracy) {
            if (f.value(lo) <= 0) {
                return lo;
            }
            double fa = f.value(hi);
            if (fa > 0) {
                return hi; // the sample said it had crossed; numerical noise: cut at the sample
            }
            BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(1e-15,
                    Math.max(1e-15 * (hi - lo), Double.MIN_NORMAL), Math.max(fAccuracy, Double.MIN_NORMAL), 5);
            return solver.solve(200, f, lo, hi, AllowedSolution.RIGHT_SIDE);
        }
    }

    /** Events accumulating (zero-length segments). */
    private static final class ZenoException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ZenoException(double t) {
            super(String.format(Locale.ROOT, "events accumulate at t = %.9g (Zeno behaviour; try a larger tau_rel)",
                    t), null, false, false);
        }
    }
}
