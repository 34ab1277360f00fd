package org.gdcert.certificates.nguyen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gdcert.certificates.kernels.CheckTracker;
import org.gdcert.certificates.kernels.Spectral;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.Iterate;
import org.gdcert.core.train.MonitorCheck;

/**
 * The trajectory monitor of spec §1.7 for seed 000 Theorem 3.2, on every recorded iterate:
 * M1 the loss bound (7) in log space (BOUND); M2 the displacement ‖W_l^k − W_l^0‖_F ≤ B_l and the
 * path length Σ‖W_l^{s+1} − W_l^s‖_F ≤ D_l; M3 the feature drift ‖F_1^k − F_1^0‖_F ≤ λ_F/2; M4 the
 * exact invariants (21) every m recorded iterates; M5 the PL inequality ‖∇_{W_2}Φ‖² ≥ 2α_0Φ;
 * M6 the descent lemma Φ_{k+1} ≤ Φ_k − (η/2)‖∇Φ_k‖² on consecutive steps (all REGIME).
 *
 * <p>Path lengths are summed between recorded iterates, so with a sparse record schedule they are
 * lower bounds of the true path length: a violation is still a violation. In an uncertified run the
 * checks are diagnostics of "left the certified regime" and say so.
 */
final class NguyenMondelliMonitor implements Monitor {
    private final int depth;
    private final double alpha0;
    private final double lambdaF;
    private final double[] lbar;
    private final double[] lam;
    private final double[] budget;
    private final double[] pathBound;
    private final double c;
    private final boolean certified;
    private final String verdictWord;
    private final double tol;
    private final int exactEvery;
    private final List<String> columns = new ArrayList<>();
    private final CheckTracker loss;
    private final CheckTracker move;
    private final CheckTracker path;
    private final CheckTracker feature;
    private final CheckTracker invariants;
    private final CheckTracker pl;
    private final CheckTracker descent;
    private Backend backend;
    private ParameterSet initial;
    private ParameterSet prev;
    private ParameterSet diff;
    private ParameterSet grad;
    private Matrix f1Initial;
    private Matrix f1Diff;
    private double[] pathLen;
    private double logPhi0;
    private double noiseScale;
    private long prevStep = Long.MIN_VALUE;
    private double prevLoss;
    private double prevGradSq;
    private long observed;
    private boolean timeAxis;

    NguyenMondelliMonitor(CertificateReport r, CertificateContext ctx, int exactEvery, double monitorTolerance) {
        depth = ctx.spec().depth();
        alpha0 = Reports.value(r, "alpha0");
        lambdaF = Reports.value(r, "lambdaF");
        lbar = new double[depth + 1];
        lam = new double[depth + 1];
        budget = new double[depth + 1];
        pathBound = new double[depth + 1];
        boolean flow = ctx.axis() == Axis.TIME;
        for (int l = 1; l <= depth; l++) {
            lbar[l] = Reports.value(r, "lambdaBar" + l);
            lam[l] = l >= 3 ? Reports.value(r, "lambda" + l) : Double.NaN;
            budget[l] = Reports.value(r, "B" + l);
            pathBound[l] = Reports.value(r, "D" + l) / (flow ? 2 : 1);
        }
        c = ctx.reduction().gradientMultiplier(ctx.samples(), ctx.spec().outputDim());
        certified = r.verdict() == Verdict.CERTIFIED;
        verdictWord = r.verdict().name();
        double eps = Math.ulp(1.0);
        tol = monitorTolerance > 0 ? monitorTolerance
                : Math.max(1e-9, 100.0 * ctx.samples() * ctx.spec().outputDim() * eps);
        this.exactEvery = Math.max(1, exactEvery);
        columns.add("nm_bound");
        columns.add("nm_loss_ratio");
        for (int l = 1; l <= depth; l++) {
            columns.add("nm_move" + l);
        }
        for (int l = 1; l <= depth; l++) {
            columns.add("nm_path" + l);
        }
        columns.add("nm_feature");
        columns.add("nm_sigma_f1");
        columns.add("nm_invariants");
        columns.add("nm_pl");
        columns.add("nm_pl_measured");
        columns.add("nm_descent");
        loss = new CheckTracker("nguyen_mondelli: loss bound (7)", MonitorCheck.Kind.BOUND, tol, flow
                ? "Φ(θ(t)) <= e^{−2α_0 t}Φ(θ(0)) (spec §7.1), bound in log space, ratio Φ/(bound + rounding allowance)"
                : "Φ(θ_k) <= (1 − ηα_0)^k Φ(θ_0), bound in log space, ratio Φ/(bound + rounding allowance)");
        move = new CheckTracker("nguyen_mondelli: movement ‖W_l − W_l^0‖_F <= B_l", MonitorCheck.Kind.REGIME, tol,
                "worst layer's displacement over its budget (1 for l <= 2, λ_l/2 for l >= 3)");
        path = new CheckTracker("nguyen_mondelli: path length <= D_l", MonitorCheck.Kind.REGIME, tol,
                "Σ‖W_l^{s+1} − W_l^s‖_F between recorded iterates (a lower bound of the path length) over D_l"
                        + (flow ? "/2 (flow)" : ""));
        feature = new CheckTracker("nguyen_mondelli: feature drift ‖F_1 − F_1^0‖_F <= λ_F/2",
                MonitorCheck.Kind.REGIME, tol, "cheap Weyl surrogate of σ_N(F_1^k) >= λ_F/2");
        invariants = new CheckTracker("nguyen_mondelli: invariants (21)", MonitorCheck.Kind.REGIME, tol,
                "σ_N(F_1^k) >= λ_F/2, ‖W_l^k‖_2 <= (3/2)λ̄_l, σ_min(W_l^k) >= λ_l/2 (l >= 3), every "
                        + this.exactEvery + " recorded iterates (implied by Weyl whenever the movement and drift checks hold); "
                        + "worst ratio over the three");
        pl = new CheckTracker("nguyen_mondelli: PL ‖∇_{W_2}Φ‖² >= 2α_0Φ", MonitorCheck.Kind.REGIME, tol,
                "ratio 2α_0Φ/‖∇_{W_2}Φ‖²");
        descent = new CheckTracker("nguyen_mondelli: descent lemma", MonitorCheck.Kind.REGIME, tol,
                "Φ_{k+1} <= Φ_k − (η/2)‖∇Φ_k‖² on consecutive recorded steps, ratio (Φ_{k+1} + (η/2)‖∇Φ_k‖²)/Φ_k "
                        + "with the rounding allowance on both losses");
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
        Matrix f1 = it.forward().features(1);
        f1Initial = backend.zeros(f1.rows(), f1.cols());
        backend.copy(f1, f1Initial);
        f1Diff = backend.zeros(f1.rows(), f1.cols());
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
        // M1
        double logBound;
        if (timeAxis) {
            logBound = logPhi0 - 2 * alpha0 * c * it.time();
        } else {
            double lr = eta * alpha0 < 1 ? Math.log1p(-eta * alpha0) : Double.NaN;
            logBound = logPhi0 + it.step() * lr;
        }
        out[col++] = Math.exp(logBound);
        double noise = RoundingNoise.of(noiseScale, phi);
        double lossRatio = phi == 0 ? 0 : phi / (Math.exp(logBound) + noise);
        out[col++] = lossRatio;
        loss.record(pos, lossRatio);
        // M2
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
        boolean consecutive = !timeAxis && it.step() == prevStep + 1;
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
        // M3
        Matrix f1 = it.forward().features(1);
        backend.sub(f1, f1Initial, f1Diff);
        double fr = Math.sqrt(backend.sumOfSquares(f1Diff)) / (lambdaF / 2);
        out[col++] = fr;
        feature.record(pos, fr);
        // M4 every m recorded iterates
        if (observed % exactEvery == 0) {
            double sn = Spectral.sigmaN(backend, f1).value();
            double worst = (lambdaF / 2) / sn;
            for (int l = 1; l <= depth; l++) {
                double nrm = Spectral.sigmaMax(backend, theta.weight(l)).value();
                worst = Math.max(worst, nrm / (1.5 * lbar[l]));
                if (l >= 3) {
                    worst = Math.max(worst, (lam[l] / 2) / Spectral.sigmaMin(backend, theta.weight(l)).value());
                }
            }
            out[col] = sn;
            out[col + 1] = worst;
            invariants.record(pos, worst);
        }
        col += 2;
        // M5, M6
        it.network().gradient(it.forward(), grad);
        double g2 = backend.sumOfSquares(grad.weight(2));
        double gAll = grad.normSquared();
        double plRatio = phi == 0 ? 0 : 2 * alpha0 * phi / g2;
        out[col++] = plRatio;
        out[col++] = phi == 0 ? Double.NaN : g2 / (2 * phi);
        pl.record(pos, plRatio);
        if (consecutive && prevLoss > 0) {
            double dr = (phi + 0.5 * eta * prevGradSq) / (prevLoss + noise + RoundingNoise.of(noiseScale, prevLoss));
            out[col] = dr;
            descent.record(pos, dr);
        }
        prevStep = it.step();
        prevLoss = phi;
        prevGradSq = gAll;
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
            out.add(descent.toCheck(prefix + (descent.evaluated() == 0
                    ? "needs consecutive recorded steps; " : "")));
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "nguyen_mondelli monitor (α_0 = %.4g, λ_F = %.4g)", alpha0, lambdaF);
    }
}
