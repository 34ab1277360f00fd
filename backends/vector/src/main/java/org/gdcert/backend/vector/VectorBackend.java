package org.gdcert.backend.vector;

import java.util.Locale;
import java.util.Optional;
import org.gdcert.core.backend.BlockedGemm;
import org.gdcert.core.backend.DenseMatrix;
import org.gdcert.core.backend.HostBackend;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ClosedForm;
import org.gdcert.core.spi.Matrix;

/**
 * The Vector API backend: {@link HostBackend}'s storage with a register-blocked FMA GEMM
 * ({@link BlockedGemm} driving {@link VectorDoubleKernel} and {@link VectorFloatKernel}) and
 * vectorised elementwise kernels and reductions ({@link VectorOps}). Activations that declare a
 * {@link ClosedForm} (softplus, sigmoid, tanh, ReLU, leaky ReLU, identity) are evaluated by
 * {@link VectorActivations}; any other runs the activation plugin's bulk kernels on all threads
 * ({@link HostBackend#activation}).
 */
public final class VectorBackend extends HostBackend {
    private final BlockedGemm blocked;

    /**
     * @param precision storage precision
     * @param threads worker threads, at least 1
     */
    public VectorBackend(Precision precision, int threads) {
        super(VectorBackendProvider.NAME, precision, threads);
        this.blocked = new BlockedGemm(parallel, new VectorDoubleKernel(), new VectorFloatKernel());
    }

    /** The SIMD shape in use, e.g. {@code "512-bit vectors (8 doubles), 8x3 FMA tile"}. */
    public static String species(Precision precision) {
        boolean f = precision == Precision.FLOAT;
        int bits = f ? VectorFloatKernel.S.vectorBitSize() : VectorDoubleKernel.S.vectorBitSize();
        int lanes = f ? VectorFloatKernel.L : VectorDoubleKernel.L;
        int mr = f ? VectorFloatKernel.MR : VectorDoubleKernel.MR;
        return String.format(Locale.ROOT, "%d-bit vectors (%d %s), %dx%d FMA tile", bits, lanes,
                f ? "floats" : "doubles", mr, f ? VectorFloatKernel.NV : VectorDoubleKernel.NV);
    }

    @Override
    public String describe() {
        return name() + " (" + precision().name().toLowerCase(Locale.ROOT) + ", " + threads() + " threads, "
                + species(precision()) + ")";
    }

    @Override
    protected void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int lda,
            double[] b, int ldb, double beta, double[] c, int ldc) {
        blocked.gemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    @Override
    protected void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int lda,
            float[] b, int ldb, float beta, float[] c, int ldc) {
        blocked.gemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    private static void sameShape(Matrix a, Matrix b, String op) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalArgumentException(op + ": shape mismatch " + a.rows() + "x" + a.cols() + " vs "
                    + b.rows() + "x" + b.cols());
        }
    }

    @Override
    public void activation(Activation sigma, Matrix in, Matrix value, Matrix derivative) {
        Optional<ClosedForm> form = VectorActivations.usable(sigma);
        if (form.isEmpty()) {
            super.activation(sigma, in, value, derivative);
            return;
        }
        ClosedForm f = form.get();
        DenseMatrix x = dense(in);
        DenseMatrix v = value == null ? null : dense(value);
        DenseMatrix d = derivative == null ? null : dense(derivative);
        if (v != null) {
            sameShape(in, value, "activation");
        }
        if (d != null) {
            sameShape(in, derivative, "activation");
        }
        if (v == null && d == null) {
            return;
        }
        if (isFloat()) {
            parallel.forRange(x.length(), ELEMENTWISE_GRAIN / 4, (from, to) -> VectorActivations.apply(f,
                    x.floats(), v == null ? null : v.floats(), d == null ? null : d.floats(), from, to));
        } else {
            parallel.forRange(x.length(), ELEMENTWISE_GRAIN / 4, (from, to) -> VectorActivations.apply(f,
                    x.doubles(), v == null ? null : v.doubles(), d == null ? null : d.doubles(), from, to));
        }
    }

    @Override
    public void hadamard(Matrix a, Matrix b, Matrix out) {
        sameShape(a, b, "hadamard");
        sameShape(a, out, "hadamard");
        DenseMatrix x = dense(a);
        DenseMatrix y = dense(b);
        DenseMatrix o = dense(out);
        if (isFloat()) {
            parallel.forRange(x.length(), ELEMENTWISE_GRAIN,
                    (from, to) -> VectorOps.hadamard(x.floats(), y.floats(), o.floats(), from, to));
        } else {
            parallel.forRange(x.length(), ELEMENTWISE_GRAIN,
                    (from, to) -> VectorOps.hadamard(x.doubles(), y.doubles(), o.doubles(), from, to));
        }
    }

    @Override
    public void sub(Matrix a, Matrix b, Matrix out) {
        sameShape(a, b, "sub");
        sameShape(a, out, "sub");
        DenseMatrix x = dense(a);
        DenseMatrix y = dense(b);
        DenseMatrix o = dense(out);
        if (isFloat()) {
            parallel.forRange(x.length(), ELEMENTWISE_GRAIN,
                    (from, to) -> VectorOps.sub(x.floats(), y.floats(), o.floats(), from, to));
        } else {
            parallel.forRange(x.length(), ELEMENTWISE_GRAIN,
                    (from, to) -> VectorOps.sub(x.doubles(), y.doubles(), o.doubles(), from, to));
        }
    }

    @Override
    public void axpby(double alpha, Matrix x, double beta, Matrix y) {
        sameShape(x, y, "axpby");
        DenseMatrix dx = dense(x);
        DenseMatrix dy = dense(y);
        if (isFloat()) {
            float a = (float) alpha;
            float b = (float) beta;
            parallel.forRange(dx.length(), ELEMENTWISE_GRAIN,
                    (from, to) -> VectorOps.axpby(a, dx.floats(), b, dy.floats(), from, to));
        } else {
            parallel.forRange(dx.length(), ELEMENTWISE_GRAIN,
                    (from, to) -> VectorOps.axpby(alpha, dx.doubles(), beta, dy.doubles(), from, to));
        }
    }

    @Override
    public double dot(Matrix a, Matrix b) {
        sameShape(a, b, "dot");
        DenseMatrix x = dense(a);
        DenseMatrix y = dense(b);
        if (isFloat()) {
            return reduce(x.length(), (from, to) -> VectorOps.dot(x.floats(), y.floats(), from, to));
        }
        return reduce(x.length(), (from, to) -> VectorOps.dot(x.doubles(), y.doubles(), from, to));
    }

    @Override
    public double sumOfSquares(Matrix a) {
        DenseMatrix x = dense(a);
        if (isFloat()) {
            return reduce(x.length(), (from, to) -> VectorOps.dot(x.floats(), x.floats(), from, to));
        }
        return reduce(x.length(), (from, to) -> VectorOps.dot(x.doubles(), x.doubles(), from, to));
    }
}
