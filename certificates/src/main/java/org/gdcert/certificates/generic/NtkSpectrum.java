package org.gdcert.certificates.generic;

import java.util.Locale;
import org.gdcert.certificates.kernels.Lanczos;
import org.gdcert.certificates.kernels.Spectral;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.Ntk;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;

/**
 * Extreme eigenvalues of the empirical NTK K = J Jᵀ (N·n_L square) at the network's current
 * parameters: explicitly (core's {@link Ntk#explicit} and a full symmetric eigen-decomposition)
 * when N·n_L is small, otherwise matrix-free by Lanczos on v ↦ J(Jᵀv) with one VJP and one JVP per
 * product on the run's backend (the Jacobian is never formed).
 *
 * @param min λ_min (explicit: exact to rounding; Lanczos: the smallest Ritz value, an upper
 *     estimate that converges slowly)
 * @param max λ_max (explicit: exact; Lanczos: the largest Ritz value, a lower estimate)
 * @param minResidual ‖K s − θ s‖ of the smallest Ritz pair (0 when explicit)
 * @param maxResidual the same for the largest
 * @param products products with K spent (N·n_L when explicit)
 * @param explicit whether K was formed
 * @param method one line for the report
 */
public record NtkSpectrum(double min, double max, double minResidual, double maxResidual, int products,
        boolean explicit, String method) {

    /**
     * @param explicitMax form K when N·n_L ≤ this
     * @param iterations the most Lanczos steps (products with K)
     * @param tolerance relative residual at which λ_max counts as converged
     */
    public static NtkSpectrum of(Network net, Matrix x, int explicitMax, int iterations, double tolerance, long seed) {
        int n = x.rows();
        int k = net.spec().outputDim();
        int dim = n * k;
        if (dim <= explicitMax) {
            HostMatrix kmat = Ntk.explicit(net, x);
            double[] ev = Spectral.eigenvalues(symmetrize(kmat));
            return new NtkSpectrum(ev[0], ev[dim - 1], 0, 0, dim, true, String.format(Locale.ROOT,
                    "explicit J Jᵀ (%d x %d, %d VJP/JVP pairs) and a full symmetric eigen-decomposition", dim, dim,
                    dim));
        }
        Backend b = net.backend();
        try (ForwardPass fp = net.newForwardPass(n); Matrix v = b.zeros(n, k); Matrix w = b.zeros(n, k);
                ParameterSet tmp = net.parameters().zerosLike()) {
            net.forward(x, fp);
            HostMatrix hv = new HostMatrix(n, k);
            HostMatrix hw = new HostMatrix(n, k);
            Lanczos.Operator op = Lanczos.Operator.of(dim, (in, out) -> {
                System.arraycopy(in, 0, hv.data(), 0, dim);
                b.upload(hv, v);
                net.vjp(fp, v, tmp);
                net.jvp(fp, tmp, w);
                b.download(w, hw);
                System.arraycopy(hw.data(), 0, out, 0, dim);
            });
            Lanczos.Result r = Lanczos.run(op, Lanczos.Target.BOTH, tolerance, iterations, seed);
            return new NtkSpectrum(r.min(), r.max(), r.minResidual(), r.maxResidual(), r.iterations(), false,
                    String.format(Locale.ROOT, "matrix-free Lanczos on v -> J(Jᵀv), %d products (one VJP + one JVP "
                            + "each, full reorthogonalisation); λ_max residual %.2e, λ_min residual %.2e",
                            r.iterations(), r.maxResidual(), r.minResidual()));
        }
    }

    /** λ_max/λ_min (+∞ when λ_min ≤ 0). */
    public double condition() {
        return min > 0 ? max / min : Double.POSITIVE_INFINITY;
    }

    private static HostMatrix symmetrize(HostMatrix m) {
        int n = m.rows();
        double[] d = m.data();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0.5 * (d[i * n + j] + d[j * n + i]);
                d[i * n + j] = s;
                d[j * n + i] = s;
            }
        }
        return m;
    }
}
