package org.gdcert.certificates.nguyen;

import java.util.List;
import java.util.Locale;
import org.gdcert.certificates.kernels.CheckTracker;
import org.gdcert.certificates.kernels.Spectral;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.CertificateReport;
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
    private final String prefix;
    private final int exactEvery;
    private final List<String> columns;
    private final Measures measures;
    private final CheckTracker loss;
    private final CheckTracker move;
    private final CheckTracker path;
    private final CheckTracker feature;
    private final CheckTracker invariants;
    private final CheckTracker pl;
    private final CheckTracker descent;
    private Backend backend;
    private ParameterSet grad;
    private long prevStep = Long.MIN_VALUE;
    private double prevLoss;
    private double prevGradSq;
    private long observed;
    private boolean timeAxis;

    NguyenMondelliMonitor(CertificateReport r, CertificateContext ctx, int exactEvery, double monitorTolerance) {
        depth = ctx.spec().depth();
        alpha0 = Reports.value(r, "alpha0");
        lambdaF = Reports.value(r, "lambdaF");
        lbar = Reports.perLayer(r, "lambdaBar", depth);
        lam = new double[depth + 1];
        for (int l = 1; l <= depth; l++) {
            lam[l] = l >= 3 ? Reports.value(r, "lambda" + l) : Double.NaN;
        }
        budget = Reports.perLayer(r, "B", depth);
        pathBound = Reports.perLayer(r, "D", depth);
        boolean flow = ctx.axis() == Axis.TIME;
        for (int l = 1; l <= depth; l++) {
            pathBound[l] /= flow ? 2 : 1;
        }
        c = ctx.reduction().gradientMultiplier(ctx.samples(), ctx.spec().outputDim());
        prefix = Measures.detailPrefix(r);
        double tol = Measures.tolerance(ctx, monitorTolerance);
        this.exactEvery = Math.max(1, exactEvery);
        measures = new Measures(depth, 1);
        columns = Measures.leadingColumns("nm", depth);
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
        measures.start(it);
        grad = it.network().parameters().zerosLike();
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
            logBound = measures.logPhi0() - 2 * alpha0 * c * it.time();
        } else {
            double lr = eta * alpha0 < 1 ? Math.log1p(-eta * alpha0) : Double.NaN;
            logBound = measures.logPhi0() + it.step() * lr;
        }
        out[col++] = Math.exp(logBound);
        double noise = measures.noise(phi);
        double lossRatio = measures.lossRatio(phi, logBound);
        out[col++] = lossRatio;
        loss.record(pos, lossRatio);
        // M2
        ParameterSet theta = it.network().parameters();
        move.record(pos, measures.displacement(theta, budget, out, col));
        col += depth;
        boolean consecutive = !timeAxis && it.step() == prevStep + 1;
        path.record(pos, measures.pathLength(theta, pathBound, out, col));
        col += depth;
        // M3
        Matrix f1 = it.forward().features(1);
        double fr = measures.featureDrift(f1) / (lambdaF / 2);
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
            double dr = (phi + 0.5 * eta * prevGradSq) / (prevLoss + noise + measures.noise(prevLoss));
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
        return Measures.checks(prefix, timeAxis, descent, loss, move, path, feature, invariants, pl);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "nguyen_mondelli monitor (α_0 = %.4g, λ_F = %.4g)", alpha0, lambdaF);
    }
}
