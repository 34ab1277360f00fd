package org.gdcert.certificates.generic;

import java.util.List;
import org.gdcert.certificates.kernels.CheckTracker;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.train.Iterate;
import org.gdcert.core.train.MonitorCheck;

/**
 * The NTK spectrum along training, every {@code every} recorded iterates: λ_min, λ_max and the
 * condition number as columns; two INFO checks: whether λ_min(K_k) stayed above half its value at
 * θ0 (the lazy-training regime the proofs rely on) and whether η·λ_max(K_k) stayed below 2 (the
 * stability edge of GD on the linearised model).
 */
final class NtkMonitor implements Monitor {
    private final int explicitMax;
    private final int iterations;
    private final double tolerance;
    private final int every;
    private final double lambdaMin0;
    private final double c;
    private final long seed;
    private final CheckTracker lazy;
    private final CheckTracker edge;
    private long observed;

    NtkMonitor(CertificateReport r, CertificateContext ctx, int explicitMax, int iterations, double tolerance,
            int every) {
        this.explicitMax = explicitMax;
        this.iterations = iterations;
        this.tolerance = tolerance;
        this.every = Math.max(1, every);
        this.lambdaMin0 = r.quantity("lambdaMin").orElseThrow().value();
        this.c = ctx.reduction().gradientMultiplier(ctx.samples(), ctx.spec().outputDim());
        this.seed = ctx.seed();
        lazy = new CheckTracker("ntk: λ_min(K) >= λ_min(K_0)/2", MonitorCheck.Kind.INFO, 1e-9,
                "ratio (λ_min(K_0)/2)/λ_min(K_k) every " + this.every + " recorded iterates (Lanczos estimates of "
                        + "λ_min are upper estimates when N n_L is large)");
        edge = new CheckTracker("ntk: η λ_max(K) < 2", MonitorCheck.Kind.INFO, 0,
                "ratio η λ_max(K_k)/2: above 1 GD on the linearised model is unstable");
    }

    @Override
    public List<String> columns() {
        return List.of("ntk_lambda_min", "ntk_lambda_max", "ntk_cond");
    }

    @Override
    public double[] observe(Iterate it) {
        double[] out = {Double.NaN, Double.NaN, Double.NaN};
        if (observed++ % every != 0) {
            return out;
        }
        NtkSpectrum sp = NtkSpectrum.of(it.network(), it.inputs(), explicitMax, iterations, tolerance, seed);
        out[0] = sp.min();
        out[1] = sp.max();
        out[2] = sp.condition();
        lazy.record(it.position(), (lambdaMin0 / 2) / sp.min());
        if (Double.isFinite(it.stepSize())) {
            edge.record(it.position(), it.stepSize() * c * sp.max() / 2);
        }
        return out;
    }

    @Override
    public List<MonitorCheck> checks() {
        return List.of(lazy.toCheck("diagnostic: "), edge.toCheck("diagnostic: "));
    }
}
