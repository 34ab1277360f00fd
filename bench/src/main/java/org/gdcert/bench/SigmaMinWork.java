package org.gdcert.bench;

import java.nio.file.Path;
import org.gdcert.certificates.kernels.Grams;
import org.gdcert.certificates.kernels.Spectral;
import org.gdcert.core.io.Npy;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.Matrix;

/**
 * The certificate-side spectral work of {@code nguyen_mondelli} on the certificates issue's setting:
 * λ_F = σ_N(F_1) for F_1 = σ(X W_1) ∈ R^{N×n_1}, N = 2000, d = 784, n_1 = 4000, X with rows on the
 * sphere of radius √d, W_1 LeCun-normal, σ = smoothrelu(γ = 0.5, β = 1), computed exactly as the
 * checker does ({@link Spectral#sigmaN}: the Gram matrix F_1 F_1ᵀ by the backend's GEMM, then
 * shift-inverted Lanczos verified by a Cholesky factorisation).
 */
public final class SigmaMinWork implements AutoCloseable {
    private final Backend backend;
    private final Matrix f1;

    /**
     * @param backend computes F_1 and the Gram matrix (not closed here)
     * @param n samples N
     * @param d input dimension
     * @param width n_1 ≥ N
     */
    public SigmaMinWork(Backend backend, int n, int d, int width, long seed) {
        this.backend = backend;
        Rng rng = Rng.of(seed);
        HostMatrix x = new HostMatrix(n, d);
        rng.stream("X").fillGaussian(x.data(), 1);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += x.get(i, j) * x.get(i, j);
            }
            double scale = Math.sqrt(d / s);
            for (int j = 0; j < d; j++) {
                x.set(i, j, x.get(i, j) * scale);
            }
        }
        HostMatrix w = new HostMatrix(d, width);
        rng.stream("W1").fillGaussian(w.data(), 1 / Math.sqrt(d));
        Configured<Activation> sigma = Backends.activation("smoothrelu", Argument.named("gamma", 0.5),
                Argument.named("beta", 1.0));
        try (Matrix mx = backend.upload(x); Matrix mw = backend.upload(w)) {
            f1 = backend.zeros(n, width);
            backend.gemm(false, false, 1, mx, mw, 0, f1);
            backend.activation(sigma.instance(), f1, f1, null);
        }
    }

    /** The reference size: N = 2000, 784 → 4000. */
    public static SigmaMinWork reference(Backend backend) {
        return new SigmaMinWork(backend, 2000, 784, 4000, 20240611L);
    }

    /** Writes F_1 as a float64 .npy for the NumPy peer. */
    public void writeFeatures(Path file) {
        Npy.write(file, backend.download(f1));
    }

    /** σ_N(F_1) as the certificate computes it, with how it was obtained. */
    public Spectral.Value sigmaN() {
        return Spectral.sigmaN(backend, f1);
    }

    /** Seconds to form the Gram matrix F_1 F_1ᵀ on the backend alone (the part the backend does). */
    public double gramSeconds() {
        long t0 = System.nanoTime();
        HostMatrix g = Grams.gram(backend, f1, true);
        double s = (System.nanoTime() - t0) / 1e9;
        if (g.rows() != f1.rows()) {
            throw new IllegalStateException("Gram matrix of the wrong side");
        }
        return s;
    }

    @Override
    public void close() {
        f1.close();
    }
}
