package org.gdcert.certificates.nguyen;

import java.util.List;
import org.gdcert.certificates.kernels.CheckTracker;
import org.gdcert.certificates.kernels.Spectral;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.CertificateReport;
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
    private final String prefix;
    private final double sigma0;
    private final int exactEvery;
    private final List<String> columns;
    private final Measures measures;
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
    private ParameterSet grad;
    private long prevStep = Long.MIN_VALUE;
    private double prevLoss;
    private long observed;
    private boolean timeAxis;

    NguyenReluMonitor(CertificateReport r, CertificateContext ctx, int exactEvery, double monitorTolerance) {
        depth = ctx.spec().depth();
        alpha0 = Reports.value(r, "alpha0");
        q1 = Reports.value(r, "Q1");
        q2 = Reports.value(r, "Q2");
        lbar = Reports.perLayer(r, "lambdaBar", depth);
        budget = Reports.perLayer(r, "C", depth);
        pathBound = Reports.perLayer(r, "D", depth);
        boolean flow = ctx.axis() == Axis.TIME;
        for (int l = 1; l <= depth; l++) {
            pathBound[l] /= flow ? 4 : 1;
        }
        c = ctx.reduction().gradientMultiplier(ctx.samples(), ctx.spec().outputDim());
        prefix = Measures.detailPrefix(r);
        sigma0 = Reports.value(r, "reluDerivAtZero");
        double tol = Measures.tolerance(ctx, monitorTolerance);
        this.exactEvery = Math.max(1, exactEvery);
        measures = new Measures(depth, depth - 1);
        columns = Measures.leadingColumns("nr", depth);
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
        double logBound;
        if (timeAxis) {
            logBound = measures.logPhi0() - alpha0 * alpha0 / 2 * c * it.time();
        } else {
            double x = eta * alpha0 * alpha0 / 8;
            logBound = measures.logPhi0() + it.step() * (x < 1 ? Math.log1p(-x) : Double.NaN);
        }
        out[col++] = Math.exp(logBound);
        double noise = measures.noise(phi);
        double lr = measures.lossRatio(phi, logBound);
        out[col++] = lr;
        loss.record(pos, lr);
        ParameterSet theta = it.network().parameters();
        move.record(pos, measures.displacement(theta, budget, out, col));
        col += depth;
        path.record(pos, measures.pathLength(theta, pathBound, out, col));
        col += depth;
        Matrix f = it.forward().features(depth - 1);
        double fr = measures.featureDrift(f) / (alpha0 / 2);
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
            double osr = phi / (factor * prevLoss + noise + measures.noise(prevLoss));
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
        List<MonitorCheck> out = Measures.checks(prefix, timeAxis, oneStep, loss, move, path, feature, invariants,
                pl);
        out.add(new MonitorCheck("nguyen_relu: ties at the kink", MonitorCheck.Kind.INFO, true, Double.NaN, ties,
                "pre-activations exactly 0 summed over " + tieChecks + " checked iterates: " + ties
                        + "; σ'(0) convention = " + sigma0 + " (any value in [0, 1] keeps the proof valid, T1.11)"));
        return out;
    }
}
