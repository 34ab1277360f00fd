package org.gdcert.certificates.song;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.gdcert.certificates.kernels.RatioTracker;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.Iterate;
import org.gdcert.core.train.MonitorCheck;

/**
 * The {@code song} checker's trajectory monitor (spec certificates-song.md §4.6, §5.2). On every
 * recorded iterate it checks the guarantee of Theorem 2′ (GD: h(Θ_k) ≤ q^k h(Θ0), the per-step
 * contraction and monotone decrease) or Theorem 1′ (flow: h(γ(t)) ≤ e^{−κt} h(Θ0)) — kind BOUND —
 * and the proof's regime — kind REGIME: the iterates stay in ball(Θ0, ρ), the path length stays
 * below L_GD (every step recorded) or ‖γ(t) − Θ0‖ ≤ L_GF, the local PL inequality
 * ‖∇h‖² ≥ 2α_h h, σ_max(V_k) ≤ χ, and (small problems) σ_min(φ(W_k X)) ≥ μ/2 and Lemma 1's
 * μ/2 ≤ σ_min(∇Φ*(Θ_k)) ≤ σ_max(∇Φ*(Θ_k)) ≤ 3ν/2. When the report is not CERTIFIED (or the run's
 * step exceeds η_max) the same quantities are diagnostics (INFO). It also records the lazy-training
 * measures of §5.2 against the linearized twin (closed form, {@link LinearizedTwin}). Losses are
 * compared in ratios, which do not depend on the loss scale s.
 */
final class SongMonitor implements Monitor {
    private static final List<String> COLUMNS = List.of("song_bound", "song_bound_ratio", "song_step_ratio",
            "song_dist", "song_dist_over_rho", "song_path", "song_grad_norm", "song_pl_ratio", "song_sigma_max_v",
            "song_sigma_min_h", "song_sigma_min_jac", "song_sigma_max_jac", "song_lazy_gap", "song_lazy_output",
            "song_lazy_param", "song_move_w", "song_move_v", "song_gram_drift", "song_kernel_drift");

    private final SongAssessment a;
    private final SongSettings settings;
    private final PlConstants pl;
    private final double scale;
    private final boolean flow;
    private final boolean deterministic;
    private final boolean certified;
    private final boolean exactMode;
    private final double[] y;
    private final double floorH;
    private final ShallowNet net0;
    private final double flowTolerance;

    private Backend backend;
    private ParameterSet initial;
    private ParameterSet grad;
    private Matrix[] diff;
    private double norm0W;
    private double norm0V;
    private double phi0 = Double.NaN;
    private double h0;
    private boolean covered;
    private double q = Double.NaN;
    private double eta = Double.NaN;
    private LinearizedTwin twin;
    private double[] m0;
    private double m0Norm;
    private double[] k0;
    private double k0Norm;

    private long lastStep = Long.MIN_VALUE;
    private double lastTime = Double.NaN;
    private double lastPhi = Double.NaN;
    private double lastGradNorm = Double.NaN;
    private double path;
    private boolean pathValid = true;
    private double chiObserved;
    private double lazyGapMax;
    private double lazyMoveMax;
    private int observed;

    private final RatioTracker bound;
    private final RatioTracker perStep;
    private final RatioTracker monotone;
    private final RatioTracker ball;
    private final RatioTracker length;
    private final RatioTracker plCheck;
    private final RatioTracker chi;
    private final RatioTracker features;
    private final RatioTracker lemmaLow;
    private final RatioTracker lemmaHigh;

    SongMonitor(SongAssessment a, CertificateContext ctx, SongSettings settings) {
        this.a = a;
        this.settings = settings;
        this.pl = a.headline();
        this.scale = a.applicability().scale();
        this.flow = a.applicability().flow();
        SongApplicability.OptimizerKind kind = a.applicability().optimizer();
        this.deterministic = kind == SongApplicability.OptimizerKind.GD || kind == SongApplicability.OptimizerKind.FLOW;
        this.certified = a.report().verdict() == Verdict.CERTIFIED;
        this.exactMode = a.exactMode();
        this.net0 = a.net();
        this.y = net0.y;
        double yy = 0;
        for (double v : y) {
            yy += v * v;
        }
        this.floorH = settings.floor() * Math.max(1, scale * yy);
        double rtol = ctx.optimizerParams().schema().find("rtol").isPresent()
                && ctx.optimizerParams().value("rtol") instanceof org.gdcert.core.spi.ParamValue.Num r ? r.value() : 0;
        // the spec's (1 + rtol) with the integrator's per-step rtol, which the global error may exceed tenfold
        this.flowTolerance = Math.max(settings.flowTolerance(), 10 * rtol);
        String thm = flow ? "Theorem 1′" : "Theorem 2′";
        bound = new RatioTracker(flow ? "loss bound h(γ(t)) ≤ e^{−κt} h(Θ0) (" + thm + ")"
                : "loss bound h(Θ_k) ≤ q^k h(Θ0) (" + thm + ")");
        perStep = new RatioTracker("per-step contraction h(Θ_{k+1}) ≤ q h(Θ_k) (" + thm + ")");
        monotone = new RatioTracker("monotone decrease h(Θ_{k+1}) ≤ h(Θ_k) (" + thm + ")");
        ball = new RatioTracker("iterates in ball(Θ0, ρ) (Lemma 1, " + thm + ")");
        length = new RatioTracker(flow ? "‖γ(t) − Θ0‖ ≤ L_GF (Theorem 1′)" : "path length Σ η‖∇h‖ ≤ L_GD (Theorem 2′)");
        plCheck = new RatioTracker("local PL ‖∇h‖² ≥ 2α_h h, α_h = α_f μ²/4 (§2.3)");
        chi = new RatioTracker("σ_max(V_k) ≤ χ (β's validity, " + (pl != null && pl.selfConsistent() ? "χ*" : "user's χ")
                + ")");
        features = new RatioTracker("σ_min(φ(W_k X)) ≥ μ/2 (Lemma 3 inside the ball)");
        lemmaLow = new RatioTracker("σ_min(∇Φ*(Θ_k)) ≥ μ/2 (Lemma 1)");
        lemmaHigh = new RatioTracker("σ_max(∇Φ*(Θ_k)) ≤ 3ν/2 (Lemma 1)");
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public void start(Iterate it) {
        backend = it.network().backend();
        initial = it.initial();
        grad = it.network().parameters().zerosLike();
        diff = new Matrix[3];
        for (int l = 1; l <= 2; l++) {
            Matrix w = initial.weight(l);
            diff[l] = backend.zeros(w.rows(), w.cols());
        }
        norm0W = Math.sqrt(backend.sumOfSquares(initial.weight(1)));
        norm0V = Math.sqrt(backend.sumOfSquares(initial.weight(2)));
        phi0 = it.loss();
        h0 = 2 * scale * phi0;
        eta = it.stepSize();
        if (pl != null && pl.mu() > 0) {
            boolean stepOk = flow ? it.axis() == Axis.TIME : it.axis() == Axis.STEP && eta > 0
                    && eta <= pl.etaMax() * (1 + 1e-12);
            covered = certified && stepOk;
            if (!flow && Double.isFinite(eta)) {
                q = pl.contraction(eta);
            }
        }
        double[] kernel0 = a.exact() != null ? a.exact().kernel() : null;
        if (deterministic && kernel0 != null) {
            double[] r0 = net0.residual(net0.outputs(net0.features()));
            twin = new LinearizedTwin(net0, SongSpectra.symmetric(kernel0, net0.d2 * net0.n, true), r0, scale);
        }
        if (small()) {
            ShallowNet.Features f = net0.features();
            m0 = SongSpectra.outerGram(f.h(), net0.n, net0.d1);
            m0Norm = frobenius(m0, null);
            long m = (long) net0.d2 * net0.n;
            if (m <= settings.monitorLimit() && m * m * net0.d1 <= SongSettings.MONITOR_WORK) {
                k0 = net0.kernel(f);
                k0Norm = frobenius(k0, null);
            }
        }
    }

    @Override
    public double[] observe(Iterate it) {
        if (backend == null) {
            start(it);
        }
        observed++;
        double[] v = new double[COLUMNS.size()];
        Arrays.fill(v, Double.NaN);
        double pos = it.position();
        double phi = it.loss();
        double h = 2 * scale * phi;
        double phiFloor = floorH / (2 * scale);
        boolean guarantee = pl != null && pl.mu() > 0;
        // loss bound
        if (guarantee) {
            double logBound = Double.NaN;
            if (flow && it.axis() == Axis.TIME) {
                logBound = Math.log(phi0) - pl.flowRate() * it.time();
            } else if (!flow && it.axis() == Axis.STEP && q > 0 && q < 1) {
                logBound = Math.log(phi0) + it.step() * Math.log(q);
            }
            if (!Double.isNaN(logBound)) {
                double b = Math.exp(logBound);
                v[0] = b;
                v[1] = phi / b;
                if (b > phiFloor) {
                    double rel = flow ? flowTolerance : SongSettings.BOUND_RELATIVE;
                    bound.update(pos, phi / (b * (1 + rel) + phiFloor));
                }
            }
        }
        boolean consecutive = it.axis() == Axis.STEP && lastStep != Long.MIN_VALUE && it.step() == lastStep + 1;
        if (!flow && consecutive && guarantee && q > 0) {
            v[2] = phi / (q * lastPhi);
            if (q * lastPhi > phiFloor) {
                perStep.update(pos, phi / (q * lastPhi * (1 + SongSettings.BOUND_RELATIVE) + phiFloor));
            }
            monotone.update(pos, phi / (lastPhi * (1 + SongSettings.BOUND_RELATIVE) + phiFloor));
        }
        // distance, movement
        double dw2 = squaredDistance(it, 1);
        double dv2 = squaredDistance(it, 2);
        double dist = Math.sqrt(dw2 + dv2);
        v[3] = dist;
        v[15] = norm0W > 0 ? Math.sqrt(dw2) / norm0W : Double.NaN;
        v[16] = norm0V > 0 ? Math.sqrt(dv2) / norm0V : Double.NaN;
        if (guarantee) {
            v[4] = dist / pl.rho();
            ball.update(pos, dist / pl.rho());
        }
        // gradient, path length, PL
        it.network().gradient(it.forward(), grad);
        double gradNorm = 2 * scale * Math.sqrt(grad.normSquared());
        v[6] = gradNorm;
        if (it.axis() == Axis.STEP) {
            if (lastStep != Long.MIN_VALUE && !consecutive || !deterministic) {
                // the path needs every step, and full-batch gradients are not a minibatch method's steps
                pathValid = false;
            }
            if (consecutive) {
                path += it.stepSize() * lastGradNorm;
            }
            v[5] = pathValid ? path : Double.NaN;
            if (guarantee && !flow && pathValid) {
                length.update(pos, path / (pl.lengthDescent() * (1 + SongSettings.BOUND_RELATIVE)));
            }
        } else {
            if (!Double.isNaN(lastTime)) {
                path += (it.time() - lastTime) * 0.5 * (gradNorm + lastGradNorm);
            }
            v[5] = path;
            if (guarantee && flow) {
                length.update(pos, dist / pl.lengthFlow());
            }
        }
        if (guarantee && h > floorH) {
            double ratio = gradNorm * gradNorm / (2 * pl.alphaH() * h);
            v[7] = ratio;
            plCheck.update(pos, 1 / (ratio * (1 + SongSettings.PL_RELATIVE)));
        }
        // σ_max(V_k)
        double[] vk = backend.download(it.network().parameters().weight(2)).data();
        double sv = Math.sqrt(SongSpectra.sigmaMaxSquared(vk, net0.d1, net0.d2)[0]);
        v[8] = sv;
        chiObserved = Math.max(chiObserved, sv);
        if (guarantee) {
            chi.update(pos, sv / (pl.chi() * (1 + 1e-12)));
        }
        // small problems: features, kernel, drifts
        boolean small = small();
        double[] wk = null;
        if (small || twin != null) {
            wk = backend.download(it.network().parameters().weight(1)).data();
        }
        if (small) {
            ShallowNet nk = net0.withWeights(wk, vk);
            ShallowNet.Features fk = nk.features();
            double[] mk = SongSpectra.outerGram(fk.h(), net0.n, net0.d1);
            v[17] = frobenius(mk, m0) / m0Norm;
            if (net0.d1 >= net0.n) {
                double[] ev = SongSpectra.eigenvalues(mk, net0.n);
                double smin = Math.sqrt(Math.max(ev[0], 0));
                v[9] = smin;
                if (guarantee && !exactMode) {
                    features.update(pos, pl.mu() / 2 / smin);
                }
            }
            if (k0 != null) {
                double[] kk = nk.kernel(fk);
                int m = net0.d2 * net0.n;
                double[] ev = SongSpectra.eigenvalues(kk, m);
                double lo = Math.sqrt(Math.max(ev[0], 0));
                double hi = Math.sqrt(Math.max(ev[m - 1], 0));
                v[10] = lo;
                v[11] = hi;
                v[18] = frobenius(kk, k0) / k0Norm;
                if (guarantee) {
                    lemmaLow.update(pos, pl.mu() / 2 / lo);
                    lemmaHigh.update(pos, hi / (1.5 * pl.nu()));
                }
            }
        }
        // lazy twin
        if (twin != null) {
            LinearizedTwin.State st = null;
            if (it.axis() == Axis.STEP && Double.isFinite(it.stepSize())) {
                st = twin.descent(it.step(), it.stepSize());
            } else if (it.axis() == Axis.TIME) {
                st = twin.flow(it.time());
            }
            if (st != null) {
                double hbar = 0;
                for (double e : st.residual()) {
                    hbar += e * e;
                }
                hbar *= scale;
                double gap = h0 > 0 ? Math.abs(h - hbar) / h0 : Double.NaN;
                v[12] = gap;
                if (!Double.isNaN(gap)) {
                    lazyGapMax = Math.max(lazyGapMax, gap);
                }
                double[] rk = backend.download(it.forward().residual()).data();
                double out = 0;
                for (int i = 0; i < rk.length; i++) {
                    double d = rk[i] - st.residual()[i];
                    out += d * d;
                }
                v[13] = Math.sqrt(out);
                double pd = 0;
                for (int i = 0; i < wk.length; i++) {
                    double d = (wk[i] - net0.w[i]) - st.dw()[i];
                    pd += d * d;
                }
                for (int i = 0; i < vk.length; i++) {
                    double d = (vk[i] - net0.v[i]) - st.dv()[i];
                    pd += d * d;
                }
                v[14] = Math.sqrt(pd);
            }
        }
        lazyMoveMax = Math.max(lazyMoveMax, Double.isNaN(v[15]) ? 0 : v[15]);
        lastStep = it.step();
        lastTime = it.time();
        lastPhi = phi;
        lastGradNorm = gradNorm;
        return v;
    }

    /** Whether the per-iterate feature Gram (n²·d1 work) is affordable. */
    private boolean small() {
        long n = net0.n;
        return n <= settings.monitorLimit() && n * n * net0.d1 <= SongSettings.MONITOR_WORK;
    }

    private double squaredDistance(Iterate it, int l) {
        backend.sub(it.network().parameters().weight(l), initial.weight(l), diff[l]);
        return backend.sumOfSquares(diff[l]);
    }

    private static double frobenius(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - (b == null ? 0 : b[i]);
            s += d * d;
        }
        return Math.sqrt(s);
    }

    @Override
    public List<MonitorCheck> checks() {
        List<MonitorCheck> out = new ArrayList<>();
        if (backend == null) {
            return out;
        }
        MonitorCheck.Kind boundKind = covered ? MonitorCheck.Kind.BOUND : MonitorCheck.Kind.INFO;
        MonitorCheck.Kind regimeKind = covered ? MonitorCheck.Kind.REGIME : MonitorCheck.Kind.INFO;
        String scope = covered ? "recorded iterates only" : certified ? "the run's step exceeds η_max or the axis "
                + "differs: not the certified setting, informative only" : "the report is " + a.report().verdict()
                + ": informative only";
        if (pl != null && pl.mu() > 0) {
            String rate = flow ? String.format(Locale.ROOT, "κ = %.6g, relative tolerance %.2g = max(flow_rtol, 10 × "
                    + "the integrator's rtol)", pl.flowRate(), flowTolerance) : String.format(Locale.ROOT,
                    "q = %.12g at η = %.6g", q, eta);
            add(out, bound, boundKind, scope + "; " + rate + "; checked while the bound exceeds h_floor");
            if (!flow) {
                add(out, perStep, boundKind, "consecutive recorded steps only");
                add(out, monotone, boundKind, "f(z_i) non-increasing (Theorem 2′)");
            }
            add(out, ball, regimeKind, String.format(Locale.ROOT, "ρ = %.6g", pl.rho()));
            add(out, length, regimeKind, flow ? String.format(Locale.ROOT, "L_GF = %.6g; ‖γ(t) − Θ0‖ ≤ ℓ(t) ≤ L_GF; "
                    + "trapezoid path estimate %.6g", pl.lengthFlow(), path) : pathValid ? String.format(Locale.ROOT,
                    "L_GD = %.6g, path %.6g", pl.lengthDescent(), path) : deterministic ? "not checked after a gap "
                    + "in the recorded steps (needs every step)" : "not checked: the optimizer's steps are not "
                    + "full-batch gradient steps");
            add(out, plCheck, regimeKind, String.format(Locale.ROOT, "α_h = %.6g; checked while h > h_floor",
                    pl.alphaH()));
            add(out, chi, regimeKind, String.format(Locale.ROOT, "χ = %.6g, max observed σ_max(V_k) = %.6g", pl.chi(),
                    chiObserved));
            add(out, features, regimeKind, "PAPER mode, d1 ≥ n, n ≤ monitor_limit and n²·d1 ≤ 2^25");
            add(out, lemmaLow, regimeKind, "d2·n ≤ monitor_limit and (d2 n)²·d1 ≤ 2^25");
            add(out, lemmaHigh, regimeKind, "d2·n ≤ monitor_limit and (d2 n)²·d1 ≤ 2^25");
        }
        if (twin != null) {
            boolean lazyLike = lazyGapMax < settings.lazyThreshold();
            out.add(new MonitorCheck("lazy training (§5.2)", MonitorCheck.Kind.INFO, lazyLike, Double.NaN, lazyGapMax,
                    String.format(Locale.ROOT, "sup |h − h̄|/h0 = %.4g (%s, θ_lazy = %.3g), max ‖W−W0‖/‖W0‖ = %.4g; "
                            + "a descriptive label: the paper proves no lower bound on |h − h̄|, so no run is "
                            + "certified non-lazy", lazyGapMax, lazyLike ? "lazy-like" : "not lazy-like",
                            settings.lazyThreshold(), lazyMoveMax)));
        } else if (!deterministic) {
            out.add(new MonitorCheck("lazy training (§5.2)", MonitorCheck.Kind.INFO, true, Double.NaN, Double.NaN,
                    "no linearized twin: the optimizer is not deterministic full-batch GD or flow (minibatch order "
                            + "unknown to the monitor); Theorem 2 covers full-batch GD only"));
        }
        if (pl != null && pl.mu() > 0 && Double.isFinite(chiObserved)) {
            double b = Math.sqrt(2) * a.paper().sigmaMaxX() * (a.applicability().constants().get().dotMax()
                    + a.applicability().constants().get().ddotMax() * a.paper().xMax() * chiObserved);
            out.add(new MonitorCheck("a-posteriori lazy indicator (83)", MonitorCheck.Kind.INFO, true, Double.NaN,
                    Double.NaN, String.format(Locale.ROOT, "β_Φ(χ_obs)/ν² = %.6g with χ_obs = max σ_max(V_k) = %.6g "
                            + "(hidden constant set to 1)", b / (pl.nu() * pl.nu()), chiObserved)));
        }
        boolean boundHeld = bound.held() && perStep.held() && monotone.held();
        boolean regimeHeld = ball.held() && length.held() && plCheck.held() && chi.held() && features.held() && lemmaLow.held()
                && lemmaHigh.held();
        if (pl != null && pl.mu() > 0) {
            String meaning;
            if (!covered) {
                meaning = "diagnostics only (not the certified setting)";
            } else if (boundHeld && regimeHeld) {
                meaning = "consistent with the certificate on the recorded iterates";
            } else {
                meaning = "a violation while CERTIFIED: a bug, or rounding near the loss floor (see the first "
                        + "violation and the worst ratio)";
            }
            out.add(new MonitorCheck("interpretation (spec §4.6)", MonitorCheck.Kind.INFO, boundHeld && regimeHeld,
                    Double.NaN, Double.NaN, "bound " + (boundHeld ? "HELD" : "VIOLATED") + ", regime "
                            + (regimeHeld ? "HELD" : "VIOLATED") + ": " + meaning + "; " + observed + " iterates"));
        }
        return out;
    }

    private static void add(List<MonitorCheck> out, RatioTracker t, MonitorCheck.Kind kind, String detail) {
        if (t.observed()) {
            out.add(t.check(kind, detail));
        }
    }

    /** Releases the backend buffers. */
    void close() {
        if (grad != null) {
            grad.close();
        }
        if (diff != null) {
            for (Matrix m : diff) {
                if (m != null) {
                    m.close();
                }
            }
        }
    }
}
