package org.gdcert.core.spectral;

import java.util.concurrent.atomic.AtomicInteger;
import org.gdcert.core.backend.Parallel;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.linalg.Vectors;

/**
 * The dense kernels of the spectral toolkit on row-major arrays: a blocked, multi-threaded
 * symmetric rank-k update (the Gram product and the Cholesky trailing update), a transpose, and
 * symmetric matrix-vector products. Inner loops run over contiguous rows so that the JIT
 * vectorizes them.
 */
final class Kernels {
    /** Rows of C per task. */
    private static final int IB = 32;
    /** Depth (k) of one panel. */
    private static final int KC = 128;
    /** Columns of C per panel. */
    private static final int JC = 512;

    private Kernels() {
    }

    /**
     * The rows×cols row-major matrix {@code a} (wrapped, not copied) as an operator whose products
     * are split over {@code par}'s threads when large enough ({@code par} may be null: one thread).
     */
    static LinearOperator operator(HostMatrix a, Parallel par) {
        int m = a.rows();
        int n = a.cols();
        double[] d = a.data();
        return new LinearOperator() {
            @Override
            public int rows() {
                return m;
            }

            @Override
            public int cols() {
                return n;
            }

            @Override
            public void apply(double[] x, double[] y) {
                gemv(d, m, n, x, y, par);
            }

            @Override
            public void applyTranspose(double[] y, double[] x) {
                gemvTranspose(d, m, n, y, x, par);
            }

            @Override
            public String toString() {
                return "LinearOperator[" + m + "x" + n + " explicit]";
            }
        };
    }

    /**
     * The n×n symmetric row-major matrix {@code s} (wrapped, not copied, not checked) as an
     * operator, as {@link #operator}.
     */
    static SymmetricOperator symmetricOperator(double[] s, int n, Parallel par) {
        return new SymmetricOperator() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public void apply(double[] x, double[] y) {
                symv(s, n, x, y, par);
            }

            @Override
            public String toString() {
                return "SymmetricOperator[" + n + "x" + n + " explicit]";
            }
        };
    }

    /**
     * C[i][j] += alpha · Σ_k T[k][i] · T[k][j] for 0 ≤ j ≤ i &lt; n (the lower triangle), k over
     * [0, kd). T starts at {@code tOff} with row stride {@code ldt}; C starts at {@code cOff} with
     * row stride {@code ldc}. Each entry is a sum of kd products (in blocks of four, ascending k).
     * Rows are processed in groups of four that run to the diagonal of the group's last row, so
     * entries of the strict upper triangle at most three places right of the diagonal may be
     * updated too; callers must not rely on them.
     */
    static void syrkLower(double[] t, int tOff, int ldt, int kd, int n, double alpha, double[] c, int cOff, int ldc,
            Parallel par) {
        if (n == 0 || kd == 0) {
            return;
        }
        int blocks = (n + IB - 1) / IB;
        AtomicInteger next = new AtomicInteger();
        int workers = par == null ? 1 : Math.min(par.threads(), blocks);
        Parallel.RangeBody body = (from, to) -> {
            for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                // the last blocks have the longest rows: hand them out first
                int blk = blocks - 1 - b;
                int i0 = blk * IB;
                int i1 = Math.min(n, i0 + IB);
                syrkRows(t, tOff, ldt, kd, i0, i1, alpha, c, cOff, ldc);
            }
        };
        if (workers <= 1) {
            body.run(0, 1);
        } else {
            par.forChunks(workers, workers, body);
        }
    }

    private static void syrkRows(double[] t, int tOff, int ldt, int kd, int i0, int i1, double alpha, double[] c,
            int cOff, int ldc) {
        for (int k0 = 0; k0 < kd; k0 += KC) {
            int k1 = Math.min(kd, k0 + KC);
            for (int j0 = 0; j0 < i1; j0 += JC) {
                int j1 = Math.min(i1, j0 + JC);
                int i = Math.max(i0, j0);
                for (; i + 3 < i1; i += 4) {
                    fourRows(t, tOff, ldt, k0, k1, i, j0, Math.min(j1, i + 4), alpha, c, cOff, ldc);
                }
                for (; i < i1; i++) {
                    oneRow(t, tOff, ldt, k0, k1, i, j0, Math.min(j1, i + 1), alpha, c, cOff, ldc);
                }
            }
        }
    }

    /** Rows i..i+3 of C over columns [j0, jEnd): the four rows share every load of T. */
    private static void fourRows(double[] t, int tOff, int ldt, int k0, int k1, int i, int j0, int jEnd,
            double alpha, double[] c, int cOff, int ldc) {
        int c0 = cOff + i * ldc;
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        int k = k0;
        for (; k + 3 < k1; k += 4) {
            int r0 = tOff + k * ldt;
            int r1 = r0 + ldt;
            int r2 = r1 + ldt;
            int r3 = r2 + ldt;
            double a00 = alpha * t[r0 + i];
            double a01 = alpha * t[r1 + i];
            double a02 = alpha * t[r2 + i];
            double a03 = alpha * t[r3 + i];
            double a10 = alpha * t[r0 + i + 1];
            double a11 = alpha * t[r1 + i + 1];
            double a12 = alpha * t[r2 + i + 1];
            double a13 = alpha * t[r3 + i + 1];
            double a20 = alpha * t[r0 + i + 2];
            double a21 = alpha * t[r1 + i + 2];
            double a22 = alpha * t[r2 + i + 2];
            double a23 = alpha * t[r3 + i + 2];
            double a30 = alpha * t[r0 + i + 3];
            double a31 = alpha * t[r1 + i + 3];
            double a32 = alpha * t[r2 + i + 3];
            double a33 = alpha * t[r3 + i + 3];
            for (int j = j0; j < jEnd; j++) {
                double x0 = t[r0 + j];
                double x1 = t[r1 + j];
                double x2 = t[r2 + j];
                double x3 = t[r3 + j];
                c[c0 + j] += a00 * x0 + a01 * x1 + a02 * x2 + a03 * x3;
                c[c1 + j] += a10 * x0 + a11 * x1 + a12 * x2 + a13 * x3;
                c[c2 + j] += a20 * x0 + a21 * x1 + a22 * x2 + a23 * x3;
                c[c3 + j] += a30 * x0 + a31 * x1 + a32 * x2 + a33 * x3;
            }
        }
        for (; k < k1; k++) {
            int r0 = tOff + k * ldt;
            double a0 = alpha * t[r0 + i];
            double a1 = alpha * t[r0 + i + 1];
            double a2 = alpha * t[r0 + i + 2];
            double a3 = alpha * t[r0 + i + 3];
            for (int j = j0; j < jEnd; j++) {
                double x0 = t[r0 + j];
                c[c0 + j] += a0 * x0;
                c[c1 + j] += a1 * x0;
                c[c2 + j] += a2 * x0;
                c[c3 + j] += a3 * x0;
            }
        }
    }

    private static void oneRow(double[] t, int tOff, int ldt, int k0, int k1, int i, int j0, int jEnd, double alpha,
            double[] c, int cOff, int ldc) {
        int ci = cOff + i * ldc;
        int k = k0;
        for (; k + 3 < k1; k += 4) {
            int r0 = tOff + k * ldt;
            int r1 = r0 + ldt;
            int r2 = r1 + ldt;
            int r3 = r2 + ldt;
            double a0 = alpha * t[r0 + i];
            double a1 = alpha * t[r1 + i];
            double a2 = alpha * t[r2 + i];
            double a3 = alpha * t[r3 + i];
            for (int j = j0; j < jEnd; j++) {
                c[ci + j] += a0 * t[r0 + j] + a1 * t[r1 + j] + a2 * t[r2 + j] + a3 * t[r3 + j];
            }
        }
        for (; k < k1; k++) {
            int r0 = tOff + k * ldt;
            double a0 = alpha * t[r0 + i];
            for (int j = j0; j < jEnd; j++) {
                c[ci + j] += a0 * t[r0 + j];
            }
        }
    }

    /** Copies the lower triangle of the n×n row-major {@code c} onto its upper triangle. */
    static void mirrorLower(double[] c, int n) {
        for (int b0 = 0; b0 < n; b0 += 64) {
            int b1 = Math.min(n, b0 + 64);
            for (int i = b0; i < n; i++) {
                int jEnd = Math.min(i, b1);
                for (int j = b0; j < jEnd; j++) {
                    c[j * n + i] = c[i * n + j];
                }
            }
        }
    }

    /** The rows×cols row-major {@code a} transposed into a new cols×rows array (cache-blocked). */
    static double[] transpose(double[] a, int rows, int cols) {
        double[] t = new double[a.length];
        final int bs = 32;
        for (int i0 = 0; i0 < rows; i0 += bs) {
            int i1 = Math.min(rows, i0 + bs);
            for (int j0 = 0; j0 < cols; j0 += bs) {
                int j1 = Math.min(cols, j0 + bs);
                for (int i = i0; i < i1; i++) {
                    int ai = i * cols;
                    for (int j = j0; j < j1; j++) {
                        t[j * rows + i] = a[ai + j];
                    }
                }
            }
        }
        return t;
    }

    /** y := S x for the n×n row-major S (full storage), rows split over the threads. */
    static void symv(double[] s, int n, double[] x, double[] y, Parallel par) {
        if (par == null || par.threads() == 1 || (long) n * n < (1 << 16)) {
            gemvRows(s, n, x, y, 0, n);
            return;
        }
        par.forRange(n, 64, (from, to) -> gemvRows(s, n, x, y, from, to));
    }

    /** y[i] := Σ_j a[i][j]·x[j] for rows [from, to) of the row-major a with {@code cols} columns. */
    static void gemvRows(double[] a, int cols, double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = Vectors.dot(a, i * cols, x, 0, cols);
        }
    }

    /** x := Aᵀ y for the rows×cols row-major a. */
    static void gemvTranspose(double[] a, int rows, int cols, double[] y, double[] x) {
        java.util.Arrays.fill(x, 0, cols, 0);
        for (int i = 0; i < rows; i++) {
            double yi = y[i];
            if (yi == 0) {
                continue;
            }
            int ai = i * cols;
            for (int j = 0; j < cols; j++) {
                x[j] += yi * a[ai + j];
            }
        }
    }

    /** x := Aᵀ y for the rows×cols row-major a, columns split over the threads. */
    static void gemvTranspose(double[] a, int rows, int cols, double[] y, double[] x, Parallel par) {
        if (par == null || par.threads() == 1 || (long) rows * cols < (1 << 16)) {
            gemvTranspose(a, rows, cols, y, x);
            return;
        }
        par.forRange(cols, 256, (from, to) -> {
            java.util.Arrays.fill(x, from, to, 0);
            int len = to - from;
            for (int i = 0; i < rows; i++) {
                double yi = y[i];
                if (yi != 0) {
                    axpy(len, yi, a, i * cols + from, x, from);
                }
            }
        });
    }

    /** y := A x for the rows×cols row-major a, rows split over the threads. */
    static void gemv(double[] a, int rows, int cols, double[] x, double[] y, Parallel par) {
        if (par == null || par.threads() == 1 || (long) rows * cols < (1 << 16)) {
            gemvRows(a, cols, x, y, 0, rows);
            return;
        }
        par.forRange(rows, 16, (from, to) -> gemvRows(a, cols, x, y, from, to));
    }

    /**
     * x := (L Lᵀ)⁻¹ x for the n×n lower triangular row-major L: forward substitution with L (row
     * dot products), then backward substitution with Lᵀ (row axpys).
     */
    static void solveLowerThenTranspose(double[] l, int n, double[] x) {
        for (int i = 0; i < n; i++) {
            int r = i * n;
            x[i] = (x[i] - Vectors.dot(l, r, x, 0, i)) / l[r + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            int r = i * n;
            double yi = x[i] / l[r + i];
            x[i] = yi;
            axpy(i, -yi, l, r, x, 0);
        }
    }

    /** y[yOff..] += alpha · x[xOff..] over n entries. */
    static void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        for (int k = 0; k < n; k++) {
            y[yOff + k] += alpha * x[xOff + k];
        }
    }

    /** The Euclidean norm of x, scaled against overflow. */
    static double norm(double[] x) {
        double scale = 0;
        for (double v : x) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double s = 0;
        for (double v : x) {
            double w = v / scale;
            s += w * w;
        }
        return scale * Math.sqrt(s);
    }
}
