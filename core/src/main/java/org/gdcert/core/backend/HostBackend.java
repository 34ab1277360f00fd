package org.gdcert.core.backend;

import java.util.Locale;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;

/**
 * The shared part of backends that keep matrices in Java arrays ({@link DenseMatrix}, row-major,
 * double or float): storage, copies, and multi-threaded elementwise kernels and reductions.
 * Subclasses supply the GEMM kernels and may override any kernel with a faster one.
 */
public abstract class HostBackend implements Backend {
    /** Below this many entries an elementwise kernel runs on the calling thread. */
    protected static final int ELEMENTWISE_GRAIN = 1 << 15;

    private final String name;
    private final Precision precision;
    protected final Parallel parallel;

    protected HostBackend(String name, Precision precision, int threads) {
        this.name = name;
        this.precision = precision;
        this.parallel = new Parallel(threads);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Precision precision() {
        return precision;
    }

    @Override
    public int threads() {
        return parallel.threads();
    }

    protected final boolean isFloat() {
        return precision == Precision.FLOAT;
    }

    /**
     * C := alpha·op(A)·op(B) + beta·C on row-major arrays: op(A) is m×k, op(B) is k×n, C is m×n,
     * with leading dimensions (row strides) lda, ldb, ldc of the stored (untransposed) arrays.
     * With beta == 0 the old C is ignored.
     */
    protected abstract void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a,
            int lda, double[] b, int ldb, double beta, double[] c, int ldc);

    /** The float version of {@link #gemm(boolean, boolean, int, int, int, double, double[], int, double[], int, double, double[], int)}. */
    protected abstract void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a,
            int lda, float[] b, int ldb, float beta, float[] c, int ldc);

    /** The matrix as this backend's storage; rejects matrices of other backends. */
    protected final DenseMatrix dense(Matrix m) {
        if (m instanceof DenseMatrix dm && dm.owner() == this) {
            return dm;
        }
        if (m instanceof DenseMatrix dm && dm.isFloat() == isFloat()) {
            return dm;
        }
        throw new IllegalArgumentException("matrix " + m + " does not belong to backend " + describe());
    }

    private static void sameShape(Matrix a, Matrix b, String op) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalArgumentException(op + ": shape mismatch " + a.rows() + "x" + a.cols() + " vs "
                    + b.rows() + "x" + b.cols());
        }
    }

    @Override
    public Matrix zeros(int rows, int cols) {
        return new DenseMatrix(this, rows, cols, isFloat());
    }

    @Override
    public Matrix upload(HostMatrix m) {
        Matrix r = zeros(m.rows(), m.cols());
        upload(m, r);
        return r;
    }

    @Override
    public void upload(HostMatrix src, Matrix dst) {
        DenseMatrix d = dense(dst);
        if (src.rows() != d.rows() || src.cols() != d.cols()) {
            throw new IllegalArgumentException("upload: shape mismatch");
        }
        if (d.isFloat()) {
            double[] s = src.data();
            float[] t = d.floats();
            for (int i = 0; i < s.length; i++) {
                t[i] = (float) s[i];
            }
        } else {
            System.arraycopy(src.data(), 0, d.doubles(), 0, d.length());
        }
    }

    @Override
    public HostMatrix download(Matrix m) {
        HostMatrix h = new HostMatrix(m.rows(), m.cols());
        download(m, h);
        return h;
    }

    @Override
    public void download(Matrix m, HostMatrix dst) {
        DenseMatrix d = dense(m);
        if (dst.rows() != d.rows() || dst.cols() != d.cols()) {
            throw new IllegalArgumentException("download: shape mismatch");
        }
        if (d.isFloat()) {
            float[] s = d.floats();
            double[] t = dst.data();
            for (int i = 0; i < s.length; i++) {
                t[i] = s[i];
            }
        } else {
            System.arraycopy(d.doubles(), 0, dst.data(), 0, d.length());
        }
    }

    @Override
    public void copy(Matrix src, Matrix dst) {
        sameShape(src, dst, "copy");
        DenseMatrix s = dense(src);
        DenseMatrix t = dense(dst);
        if (s == t) {
            return;
        }
        if (isFloat()) {
            System.arraycopy(s.floats(), 0, t.floats(), 0, s.length());
        } else {
            System.arraycopy(s.doubles(), 0, t.doubles(), 0, s.length());
        }
    }

    @Override
    public void fill(Matrix m, double value) {
        DenseMatrix d = dense(m);
        if (isFloat()) {
            java.util.Arrays.fill(d.floats(), (float) value);
        } else {
            java.util.Arrays.fill(d.doubles(), value);
        }
    }

    @Override
    public void gemm(boolean transA, boolean transB, double alpha, Matrix a, Matrix b, double beta, Matrix c) {
        int m = transA ? a.cols() : a.rows();
        int k = transA ? a.rows() : a.cols();
        int kb = transB ? b.cols() : b.rows();
        int n = transB ? b.rows() : b.cols();
        if (k != kb || c.rows() != m || c.cols() != n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "gemm shape mismatch: op(A) %dx%d, op(B) %dx%d, C %dx%d", m, k, kb, n, c.rows(), c.cols()));
        }
        DenseMatrix da = dense(a);
        DenseMatrix db = dense(b);
        DenseMatrix dc = dense(c);
        if (dc == da || dc == db) {
            throw new IllegalArgumentException("gemm: C must not alias A or B");
        }
        if (m == 0 || n == 0) {
            return;
        }
        if (isFloat()) {
            gemm(transA, transB, m, n, k, (float) alpha, da.floats(), a.cols(), db.floats(), b.cols(), (float) beta,
                    dc.floats(), n);
        } else {
            gemm(transA, transB, m, n, k, alpha, da.doubles(), a.cols(), db.doubles(), b.cols(), beta, dc.doubles(), n);
        }
    }

    @Override
    public void activation(Activation sigma, Matrix in, Matrix value, Matrix derivative) {
        DenseMatrix x = dense(in);
        DenseMatrix v = value == null ? null : dense(value);
        DenseMatrix dv = derivative == null ? null : dense(derivative);
        if (v != null) {
            sameShape(in, value, "activation");
        }
        if (dv != null) {
            sameShape(in, derivative, "activation");
        }
        int n = x.length();
        parallel.forRange(n, ELEMENTWISE_GRAIN / 8, (from, to) -> {
            int len = to - from;
            if (isFloat()) {
                if (v != null && dv != null) {
                    sigma.applyWithDerivative(x.floats(), from, v.floats(), dv.floats(), from, len);
                } else if (v != null) {
                    sigma.apply(x.floats(), from, v.floats(), from, len);
                } else if (dv != null) {
                    sigma.applyDerivative(x.floats(), from, dv.floats(), from, len);
                }
            } else {
                if (v != null && dv != null) {
                    sigma.applyWithDerivative(x.doubles(), from, v.doubles(), dv.doubles(), from, len);
                } else if (v != null) {
                    sigma.apply(x.doubles(), from, v.doubles(), from, len);
                } else if (dv != null) {
                    sigma.applyDerivative(x.doubles(), from, dv.doubles(), from, len);
                }
            }
        });
    }

    @Override
    public void activationSecondDerivative(Activation sigma, Matrix in, Matrix out) {
        sameShape(in, out, "activationSecondDerivative");
        DenseMatrix x = dense(in);
        DenseMatrix o = dense(out);
        parallel.forRange(x.length(), ELEMENTWISE_GRAIN / 8, (from, to) -> {
            if (isFloat()) {
                float[] xs = x.floats();
                float[] os = o.floats();
                for (int i = from; i < to; i++) {
                    os[i] = (float) sigma.secondDerivative(xs[i]);
                }
            } else {
                double[] xs = x.doubles();
                double[] os = o.doubles();
                for (int i = from; i < to; i++) {
                    os[i] = sigma.secondDerivative(xs[i]);
                }
            }
        });
    }

    @Override
    public void hadamard(Matrix a, Matrix b, Matrix out) {
        sameShape(a, b, "hadamard");
        sameShape(a, out, "hadamard");
        DenseMatrix x = dense(a);
        DenseMatrix y = dense(b);
        DenseMatrix o = dense(out);
        parallel.forRange(x.length(), ELEMENTWISE_GRAIN, (from, to) -> {
            if (isFloat()) {
                float[] xs = x.floats();
                float[] ys = y.floats();
                float[] os = o.floats();
                for (int i = from; i < to; i++) {
                    os[i] = xs[i] * ys[i];
                }
            } else {
                double[] xs = x.doubles();
                double[] ys = y.doubles();
                double[] os = o.doubles();
                for (int i = from; i < to; i++) {
                    os[i] = xs[i] * ys[i];
                }
            }
        });
    }

    @Override
    public void axpy(double alpha, Matrix x, Matrix y) {
        axpby(alpha, x, 1, y);
    }

    @Override
    public void axpby(double alpha, Matrix x, double beta, Matrix y) {
        sameShape(x, y, "axpby");
        DenseMatrix dx = dense(x);
        DenseMatrix dy = dense(y);
        parallel.forRange(dx.length(), ELEMENTWISE_GRAIN, (from, to) -> {
            if (isFloat()) {
                float[] xs = dx.floats();
                float[] ys = dy.floats();
                float a = (float) alpha;
                float b = (float) beta;
                if (beta == 0) {
                    for (int i = from; i < to; i++) {
                        ys[i] = a * xs[i];
                    }
                } else if (beta == 1) {
                    for (int i = from; i < to; i++) {
                        ys[i] += a * xs[i];
                    }
                } else {
                    for (int i = from; i < to; i++) {
                        ys[i] = a * xs[i] + b * ys[i];
                    }
                }
            } else {
                double[] xs = dx.doubles();
                double[] ys = dy.doubles();
                if (beta == 0) {
                    for (int i = from; i < to; i++) {
                        ys[i] = alpha * xs[i];
                    }
                } else if (beta == 1) {
                    for (int i = from; i < to; i++) {
                        ys[i] += alpha * xs[i];
                    }
                } else {
                    for (int i = from; i < to; i++) {
                        ys[i] = alpha * xs[i] + beta * ys[i];
                    }
                }
            }
        });
    }

    @Override
    public void scale(double alpha, Matrix x) {
        axpby(0, x, alpha, x);
    }

    @Override
    public void sub(Matrix a, Matrix b, Matrix out) {
        sameShape(a, b, "sub");
        sameShape(a, out, "sub");
        DenseMatrix x = dense(a);
        DenseMatrix y = dense(b);
        DenseMatrix o = dense(out);
        parallel.forRange(x.length(), ELEMENTWISE_GRAIN, (from, to) -> {
            if (isFloat()) {
                float[] xs = x.floats();
                float[] ys = y.floats();
                float[] os = o.floats();
                for (int i = from; i < to; i++) {
                    os[i] = xs[i] - ys[i];
                }
            } else {
                double[] xs = x.doubles();
                double[] ys = y.doubles();
                double[] os = o.doubles();
                for (int i = from; i < to; i++) {
                    os[i] = xs[i] - ys[i];
                }
            }
        });
    }

    @Override
    public double dot(Matrix a, Matrix b) {
        sameShape(a, b, "dot");
        DenseMatrix x = dense(a);
        DenseMatrix y = dense(b);
        return reduce(x.length(), (from, to) -> {
            double s = 0;
            if (isFloat()) {
                float[] xs = x.floats();
                float[] ys = y.floats();
                for (int i = from; i < to; i++) {
                    s += (double) xs[i] * ys[i];
                }
            } else {
                double[] xs = x.doubles();
                double[] ys = y.doubles();
                for (int i = from; i < to; i++) {
                    s += xs[i] * ys[i];
                }
            }
            return s;
        });
    }

    @Override
    public double sumOfSquares(Matrix a) {
        DenseMatrix x = dense(a);
        return reduce(x.length(), (from, to) -> {
            double s = 0;
            if (isFloat()) {
                float[] xs = x.floats();
                for (int i = from; i < to; i++) {
                    double v = xs[i];
                    s += v * v;
                }
            } else {
                double[] xs = x.doubles();
                for (int i = from; i < to; i++) {
                    double v = xs[i];
                    s += v * v;
                }
            }
            return s;
        });
    }

    /** A partial sum over a range. */
    @FunctionalInterface
    protected interface RangeSum {
        double sum(int from, int to);
    }

    /** Σ of partial sums over [0, n), in fixed chunks so the result does not depend on timing. */
    protected final double reduce(int n, RangeSum body) {
        int chunks = Math.min(threads(), Math.max(1, n / ELEMENTWISE_GRAIN));
        if (chunks <= 1) {
            return body.sum(0, n);
        }
        double[] parts = new double[chunks];
        parallel.forChunks(chunks, chunks, (c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                int from = (int) ((long) n * c / chunks);
                int to = (int) ((long) n * (c + 1) / chunks);
                parts[c] = body.sum(from, to);
            }
        });
        double s = 0;
        for (double p : parts) {
            s += p;
        }
        return s;
    }

    @Override
    public void columnSums(Matrix a, Matrix out) {
        if (out.rows() != 1 || out.cols() != a.cols()) {
            throw new IllegalArgumentException("columnSums: output must be 1x" + a.cols());
        }
        DenseMatrix x = dense(a);
        DenseMatrix o = dense(out);
        int rows = a.rows();
        int cols = a.cols();
        if (isFloat()) {
            double[] acc = new double[cols];
            float[] xs = x.floats();
            for (int i = 0; i < rows; i++) {
                int off = i * cols;
                for (int j = 0; j < cols; j++) {
                    acc[j] += xs[off + j];
                }
            }
            float[] os = o.floats();
            for (int j = 0; j < cols; j++) {
                os[j] = (float) acc[j];
            }
        } else {
            double[] os = o.doubles();
            java.util.Arrays.fill(os, 0);
            double[] xs = x.doubles();
            for (int i = 0; i < rows; i++) {
                int off = i * cols;
                for (int j = 0; j < cols; j++) {
                    os[j] += xs[off + j];
                }
            }
        }
    }

    @Override
    public void addRowVector(Matrix row, Matrix a) {
        if (row.rows() != 1 || row.cols() != a.cols()) {
            throw new IllegalArgumentException("addRowVector: row must be 1x" + a.cols());
        }
        DenseMatrix r = dense(row);
        DenseMatrix x = dense(a);
        int cols = a.cols();
        parallel.forRange(a.rows(), Math.max(1, ELEMENTWISE_GRAIN / Math.max(1, cols)), (from, to) -> {
            for (int i = from; i < to; i++) {
                int off = i * cols;
                if (isFloat()) {
                    float[] xs = x.floats();
                    float[] rs = r.floats();
                    for (int j = 0; j < cols; j++) {
                        xs[off + j] += rs[j];
                    }
                } else {
                    double[] xs = x.doubles();
                    double[] rs = r.doubles();
                    for (int j = 0; j < cols; j++) {
                        xs[off + j] += rs[j];
                    }
                }
            }
        });
    }

    @Override
    public void gatherRows(Matrix src, int[] rows, Matrix dst) {
        if (dst.rows() != rows.length || dst.cols() != src.cols()) {
            throw new IllegalArgumentException("gatherRows: output must be " + rows.length + "x" + src.cols());
        }
        DenseMatrix s = dense(src);
        DenseMatrix t = dense(dst);
        int cols = src.cols();
        for (int k = 0; k < rows.length; k++) {
            int r = rows[k];
            if (r < 0 || r >= src.rows()) {
                throw new IndexOutOfBoundsException("row " + r + " of " + src.rows());
            }
            if (isFloat()) {
                System.arraycopy(s.floats(), r * cols, t.floats(), k * cols, cols);
            } else {
                System.arraycopy(s.doubles(), r * cols, t.doubles(), k * cols, cols);
            }
        }
    }

    @Override
    public void close() {
        parallel.close();
    }
}
