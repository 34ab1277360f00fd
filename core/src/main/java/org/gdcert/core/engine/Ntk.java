package org.gdcert.core.engine;

import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;

/**
 * The empirical neural tangent kernel K = J Jᵀ (N·n_L × N·n_L) of the network output with respect
 * to the trainable parameters, used matrix-free through {@link Network#jvp} and {@link Network#vjp}
 * (the Jacobian is never formed), or formed explicitly for small problems (tests, exact spectra).
 */
public final class Ntk {
    private Ntk() {
    }

    /** Result of a power iteration: the estimate and its relative change at the last iteration. */
    public record PowerResult(double value, int iterations, double relativeChange) {
    }

    /**
     * λ_max(J Jᵀ) at the network's current parameters on inputs {@code x}, by power iteration on
     * v ↦ J(Jᵀ v) from a seeded random start, until the Rayleigh quotient changes by less than
     * {@code tolerance} (relative) or {@code maxIterations} pass.
     */
    public static PowerResult lambdaMax(Network net, Matrix x, double tolerance, int maxIterations, long seed) {
        Backend b = net.backend();
        int n = x.rows();
        int k = net.spec().outputDim();
        try (ForwardPass fp = net.newForwardPass(n); Matrix v = b.zeros(n, k); Matrix w = b.zeros(n, k);
                ParameterSet tmp = net.parameters().zerosLike()) {
            net.forward(x, fp);
            HostMatrix start = new HostMatrix(n, k);
            Rng.of(seed).stream("ntk-power").fillGaussian(start.data(), 1);
            b.upload(start, v);
            double norm = Math.sqrt(b.sumOfSquares(v));
            b.scale(1 / norm, v);
            double lambda = 0;
            double change = Double.POSITIVE_INFINITY;
            int it = 0;
            while (it < maxIterations) {
                it++;
                net.vjp(fp, v, tmp);
                net.jvp(fp, tmp, w);
                double rq = b.dot(v, w); // v normalised: Rayleigh quotient = ‖Jᵀv‖²
                double wn = Math.sqrt(b.sumOfSquares(w));
                change = Math.abs(rq - lambda) / Math.max(Math.abs(rq), Double.MIN_NORMAL);
                lambda = rq;
                if (wn == 0 || !Double.isFinite(wn)) {
                    break;
                }
                b.axpby(1 / wn, w, 0, v);
                if (change < tolerance) {
                    break;
                }
            }
            return new PowerResult(lambda, it, change);
        }
    }

    /**
     * The explicit kernel J Jᵀ, rows and columns indexed by (sample i, output j) ↦ i·n_L + j, built
     * column by column from VJPs and JVPs. Cost: N·n_L of each; for small problems only.
     */
    public static HostMatrix explicit(Network net, Matrix x) {
        Backend b = net.backend();
        int n = x.rows();
        int k = net.spec().outputDim();
        int dim = n * k;
        HostMatrix kmat = new HostMatrix(dim, dim);
        try (ForwardPass fp = net.newForwardPass(n); Matrix e = b.zeros(n, k); Matrix col = b.zeros(n, k);
                ParameterSet tmp = net.parameters().zerosLike()) {
            net.forward(x, fp);
            HostMatrix unit = new HostMatrix(n, k);
            for (int c = 0; c < dim; c++) {
                java.util.Arrays.fill(unit.data(), 0);
                unit.data()[c] = 1;
                b.upload(unit, e);
                net.vjp(fp, e, tmp);
                net.jvp(fp, tmp, col);
                HostMatrix h = b.download(col);
                for (int r = 0; r < dim; r++) {
                    kmat.set(r, c, h.data()[r]);
                }
            }
        }
        return kmat;
    }
}
