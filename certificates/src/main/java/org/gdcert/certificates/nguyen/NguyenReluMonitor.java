package org.gdcert.certificates.nguyen;

import java.util.ArrayList;
import java.util.List;
import org.gdcert.certificates.kernels.CheckTracker;
import org.gdcert.certificates.kernels.Spectral;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.Iterate;
import org.gdcert.core.train.MonitorCheck;

/**
 * The trajectory monitor of spec §2.6 for seed 001 Theorem 2.2: N1 the loss bound (11) in log
 * space (BOUND); N2 ‖W_l^k − W_l^0‖_F ≤ C_l and the path length ≤ D_l; N3 ‖F_{L−1}^k −
 * F_{L−1}^0‖_F ≤ α_0/2; N4 every m recorded iterates ‖W_l^k‖_2 ≤ λ̄_l and σ_N(F_{L−1}^k) ≥ α_0/2;
 * N5 the last-layer PL ‖∇_{W_L}Φ‖² ≥ (α_0²/2)Φ; N6 the one-step bound Φ_{k+1} ≤ [1 − ηα_0²/4 +
 * η²Q_1² + ηQ_2]Φ_k (all REGIME); N10 the count of pre-activations exactly at the kink (INFO).
 */
final class NguyenReluMonitor implements Monitor {
    private final int depth;
    private final double alpha0;
    private final double q1;
    private final double q2;
    private final double[] lbar;
    private final double[] budget;
    private final double[] pathBound;
    private final double c;
    private final boolean certified;
    private final String verdictWord;
    private final double sigma0;
    private final int exactEvery;
    private final List<String> columns = new ArrayList<>();
    private final CheckTracker loss;
    private final CheckTracker move;
    private final CheckTracker path;
    private final CheckTracker feature;
    private final CheckTracker invariants;
    private final CheckTracker pl;
    private final CheckTracker oneStep;
    private long ties;
    private long tieChecks;
    private Backend backend;
    private ParameterSet initial;
    private ParameterSet prev;
    private ParameterSet diff;
    private ParameterSet grad;
    private Matrix fInitial;
    private Matrix fDiff;
    private double[] pathLen;
    private double logPhi0;
    private double noiseScale;
    private long prevStep = Long.MIN_VALUE;
    private double prevLoss;
    private long observed;
    private boolean timeAxis;

    NguyenReluMonitor(CertificateReport r, CertificateContext ctx, int exactEvery, double monitorTolerance) {
        depth = ctx.spec().depth();
        alpha0 = Reports.value(r, "alpha0");
        q1 = Reports.value(r, "Q1");
        q2 = Reports.value(r, "Q2");
        lbar = new double[depth + 1];
        budget = new double[depth + 1];
        pathBound = new double[depth + 1];
        boolean flow = ctx.axis() == Axis.TIME;
        for (int l = 1; l <= depth; l++) {
            lbar[l] = Reports.value(r, "lambdaBar" + l);
            budget[l] = Reports.value(r, "C" + l);
            pathBound[l] = Reports.value(r, "D" + l) / (flow ? 4 : 1);
        }
        c = ctx.reduction().gradientMultiplier(ctx.samples(), ctx.spec().outputDim());
        certified = r.verdict() == Verdict.CERTIFIED;
        verdictWord = r.verdict().name();
        sigma0 = Reports.value(r, "reluDerivAtZero");
        double tol = monitorTolerance > 0 ? monitorTolerance
                : Math.max(1e-9, 100.0 * ctx.samples() * ctx.spec().outputDim() * Math.ulp(1.0));
        this.exactEvery = Math.max(1, exactEvery);
        columns.add("nr_bound");
        columns.add("nr_loss_ratio");
        for (int l = 1; l <= depth; l++) {
            columns.add("nr_move" + l);
        }
        for (int l = 1; l <= depth; l++) {
            columns.add("nr_path" + l);
        }
        columns.add("nr_feature");
        columns.add("nr_sigma_f");
        columns.add("nr_invariants");
        columns.add("nr_pl");
        columns.add("nr_one_step");
        columns.add("nr_ties");
        loss = new CheckTracker("nguyen_relu: loss bound (11)", MonitorCheck.Kind.BOUND, tol, flow
                ? "Φ(θ(t)) <= e^{−α_0² t/2}Φ(θ(0)) (spec §7.1), ratio Φ/(bound + rounding allowance)"
                : "Φ(θ_k) <= (1 − ηα_0²/8)^k Φ(θ_0), bound in log space, ratio Φ/(bound + rounding allowance)");
        move = new CheckTracker("nguyen_relu: movement ‖W_l − W_l^0‖_F <= C_l", MonitorCheck.Kind.REGIME, tol,
                "worst layer's displacement over C_l");
        path = new CheckTracker("nguyen_relu: path length <= D_l", MonitorCheck.Kind.REGIME, tol,
                "Σ‖W_l^{s+1} − W_l^s‖_F between recorded iterates (a lower bound of the path length) over D_l"
                        + (flow ? "/4 (flow)" : ""));
        feature = new CheckTracker("nguyen_relu: feature drift ‖F_{L-1} − F_{L-1}^0‖_F <= α_0/2",
                MonitorCheck.Kind.REGIME, tol, "cheap surrogate of σ_N(F_{L-1}^k) >= α_0/2");
        invariants = new CheckTracker("nguyen_relu: invariants (12)", MonitorCheck.Kind.REGIME, tol,
                "‖W_l^k‖_2 <= λ̄_l and σ_N(F_{L-1}^k) >= α_0/2 every " + this.exactEvery
                        + " recorded iterates; worst ratio");
        pl = new CheckTracker("nguyen_relu: last-layer PL ‖∇_{W_L}Φ‖² >= (α_0²/2)Φ", MonitorCheck.Kind.REGIME, tol,
                "ratio (α_0²/2)Φ/‖F_{L-1}ᵀ(F_L − Y)‖² (exact for any σ'(0) convention)");
        oneStep = new CheckTracker("nguyen_relu: one-step bound", MonitorCheck.Kind.REGIME, tol,
                "Φ_{k+1} <= [1 − ηα_0²/4 + η²Q_1² + ηQ_2]Φ_k on consecutive recorded steps, with the rounding "
                        + "allowance");
    }

    @Override
    public List<String> columns() {
        return List.copyOf(columns);
    }

    @Override
    public void start(Iterate it) {
        backend = it.network().backend();
        timeAxis = it.axis() == Axis.TIME;
        initial = it.network().parameters().copy();
        prev = initial.copy();
        diff = initial.zerosLike();
        grad = initial.zerosLike();
        Matrix f = it.forward().features(depth - 1);
        fInitial = backend.zeros(f.rows(), f.cols());
        backend.copy(f, fInitial);
        fDiff = backend.zeros(f.rows(), f.cols());
        pathLen = new double[depth + 1];
        logPhi0 = Math.log(it.loss());
        noiseScale = RoundingNoise.scale(backend, it.targets());
    }

    @Override
    public double[] observe(Iterate it) {
        double[] out = new double[columns.size()];
        java.util.Arrays.fill(out, Double.NaN);
        double pos = it.position();
        double phi = it.loss();
        double eta = it.stepSize() * c;
        int col = 0;
        double logBound;
        if (timeAxis) {
            logBound = logPhi0 - alpha0 * alpha0 / 2 * c * it.time();
        } else {
            double x = eta * alpha0 * alpha0 / 8;
            logBound = logPhi0 + it.step() * (x < 1 ? Math.log1p(-x) : Double.NaN);
        }
        out[col++] = Math.exp(logBound);
        double noise = RoundingNoise.of(noiseScale, phi);
        double lr = phi == 0 ? 0 : phi / (Math.exp(logBound) + noise);
        out[col++] = lr;
        loss.record(pos, lr);
        ParameterSet theta = it.network().parameters();
        double worstMove = 0;
        for (int l = 1; l <= depth; l++) {
            backend.sub(theta.weight(l), initial.weight(l), diff.weight(l));
            double m = Math.sqrt(backend.sumOfSquares(diff.weight(l))) / budget[l];
            out[col++] = m;
            worstMove = Math.max(worstMove, m);
        }
        move.record(pos, worstMove);
        double worstPath = 0;
        for (int l = 1; l <= depth; l++) {
            if (prevStep != Long.MIN_VALUE) {
                backend.sub(theta.weight(l), prev.weight(l), diff.weight(l));
                pathLen[l] += Math.sqrt(backend.sumOfSquares(diff.weight(l)));
            }
            double pr = pathLen[l] / pathBound[l];
            out[col++] = pr;
            worstPath = Math.max(worstPath, pr);
        }
        path.record(pos, worstPath);
        prev.copyFrom(theta);
        Matrix f = it.forward().features(depth - 1);
        backend.sub(f, fInitial, fDiff);
        double fr = Math.sqrt(backend.sumOfSquares(fDiff)) / (alpha0 / 2);
        out[col++] = fr;
        feature.record(pos, fr);
        if (observed % exactEvery == 0) {
            double sn = Spectral.sigmaN(backend, f).value();
            double worst = (alpha0 / 2) / sn;
            for (int l = 1; l <= depth; l++) {
                worst = Math.max(worst, Spectral.sigmaMax(backend, theta.weight(l)).value() / lbar[l]);
            }
            out[col] = sn;
            out[col + 1] = worst;
            invariants.record(pos, worst);
            long z = 0;
            for (int l = 1; l < depth; l++) {
                HostMatrix g = backend.download(it.forward().preactivation(l));
                for (double v : g.data()) {
                    if (v == 0) {
                        z++;
                    }
                }
            }
            ties += z;
            tieChecks++;
            out[col + 4] = z;
        }
        col += 2;
        it.network().gradient(it.forward(), grad);
        double gl = backend.sumOfSquares(grad.weight(depth));
        double plr = phi == 0 ? 0 : alpha0 * alpha0 / 2 * phi / gl;
        out[col++] = plr;
        pl.record(pos, plr);
        if (!timeAxis && it.step() == prevStep + 1 && prevLoss > 0) {
            double factor = 1 - eta * alpha0 * alpha0 / 4 + eta * eta * q1 * q1 + eta * q2;
            double osr = phi / (factor * prevLoss + noise + RoundingNoise.of(noiseScale, prevLoss));
            out[col] = osr;
            oneStep.record(pos, osr);
        }
        prevStep = it.step();
        prevLoss = phi;
        observed++;
        return out;
    }

    @Override
    public List<MonitorCheck> checks() {
        String prefix = certified ? "" : "diagnostic only (verdict " + verdictWord + ", no guarantee): ";
        List<MonitorCheck> out = new ArrayList<>();
        out.add(loss.toCheck(prefix));
        for (CheckTracker t : List.of(move, path, feature, invariants, pl)) {
            out.add(t.toCheck(prefix));
        }
        if (!timeAxis) {
            out.add(oneStep.toCheck(prefix + (oneStep.evaluated() == 0 ? "needs consecutive recorded steps; " : "")));
        }
        out.add(new MonitorCheck("nguyen_relu: ties at the kink", MonitorCheck.Kind.INFO, true, Double.NaN, ties,
                "pre-activations exactly 0 summed over " + tieChecks + " checked iterates: " + ties
                        + "; σ'(0) convention = " + sigma0 + " (any value in [0, 1] keeps the proof valid, T1.11)"));
        return out;
    }
}
