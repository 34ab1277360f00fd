package org.gdcert.core.backend;

/**
 * Direct loops for products too small to repay packing, and for matrix–vector shapes. Same
 * contract as {@link HostBackend}'s GEMM hook: row-major, op(A) m×k, op(B) k×n, C m×n with leading
 * dimension ldc; with beta == 0 the old C is ignored.
 */
public final class SmallGemm {
    private SmallGemm() {
    }

    /** Below this many columns of C the axpy form gives way to dot products. */
    private static final int AXPY_MIN_COLS = 8;

    /**
     * C := alpha·op(A)·op(B) + beta·C, double. The loop order reads the long operands along their
     * rows: Aᵀ·B as a sum of outer products of rows, A·B as row combinations of B (dot products when
     * C has few columns), A·Bᵀ and Aᵀ·Bᵀ as dot products.
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int lda,
            double[] b, int ldb, double beta, double[] c, int ldc) {
        for (int i = 0; i < m; i++) {
            scaleRow(c, i * ldc, n, beta);
        }
        if (transA && !transB) {
            for (int p = 0; p < k; p++) {
                int ao = p * lda;
                int bo = p * ldb;
                if (n >= AXPY_MIN_COLS) {
                    for (int i = 0; i < m; i++) {
                        double av = alpha * a[ao + i];
                        int ci = i * ldc;
                        for (int j = 0; j < n; j++) {
                            c[ci + j] += av * b[bo + j];
                        }
                    }
                } else {
                    for (int j = 0; j < n; j++) {
                        double bv = alpha * b[bo + j];
                        for (int i = 0, ci = j; i < m; i++, ci += ldc) {
                            c[ci] += a[ao + i] * bv;
                        }
                    }
                }
            }
        } else if (!transA && !transB && n >= AXPY_MIN_COLS) {
            for (int i = 0; i < m; i++) {
                int ci = i * ldc;
                int ao = i * lda;
                for (int p = 0; p < k; p++) {
                    double av = alpha * a[ao + p];
                    int bo = p * ldb;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += av * b[bo + j];
                    }
                }
            }
        } else {
            int as = transA ? lda : 1;
            int bs = transB ? 1 : ldb;
            for (int i = 0; i < m; i++) {
                int ai = transA ? i : i * lda;
                for (int j = 0; j < n; j++) {
                    int bj = transB ? j * ldb : j;
                    double s = 0;
                    for (int p = 0, ao = ai, bo = bj; p < k; p++, ao += as, bo += bs) {
                        s += a[ao] * b[bo];
                    }
                    c[i * ldc + j] += alpha * s;
                }
            }
        }
    }

    /** Float version; dot products accumulate in double. */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int lda,
            float[] b, int ldb, float beta, float[] c, int ldc) {
        for (int i = 0; i < m; i++) {
            scaleRow(c, i * ldc, n, beta);
        }
        if (transA && !transB) {
            for (int p = 0; p < k; p++) {
                int ao = p * lda;
                int bo = p * ldb;
                if (n >= AXPY_MIN_COLS) {
                    for (int i = 0; i < m; i++) {
                        float av = alpha * a[ao + i];
                        int ci = i * ldc;
                        for (int j = 0; j < n; j++) {
                            c[ci + j] += av * b[bo + j];
                        }
                    }
                } else {
                    for (int j = 0; j < n; j++) {
                        float bv = alpha * b[bo + j];
                        for (int i = 0, ci = j; i < m; i++, ci += ldc) {
                            c[ci] += a[ao + i] * bv;
                        }
                    }
                }
            }
        } else if (!transA && !transB && n >= AXPY_MIN_COLS) {
            for (int i = 0; i < m; i++) {
                int ci = i * ldc;
                int ao = i * lda;
                for (int p = 0; p < k; p++) {
                    float av = alpha * a[ao + p];
                    int bo = p * ldb;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += av * b[bo + j];
                    }
                }
            }
        } else {
            int as = transA ? lda : 1;
            int bs = transB ? 1 : ldb;
            for (int i = 0; i < m; i++) {
                int ai = transA ? i : i * lda;
                for (int j = 0; j < n; j++) {
                    int bj = transB ? j * ldb : j;
                    double s = 0;
                    for (int p = 0, ao = ai, bo = bj; p < k; p++, ao += as, bo += bs) {
                        s += (double) a[ao] * b[bo];
                    }
                    c[i * ldc + j] += (float) (alpha * s);
                }
            }
        }
    }

    /** c[off .. off+n) := beta · c (zero when beta == 0, whatever c held). */
    static void scaleRow(double[] c, int off, int n, double beta) {
        if (beta == 0) {
            java.util.Arrays.fill(c, off, off + n, 0);
        } else if (beta != 1) {
            for (int j = off; j < off + n; j++) {
                c[j] *= beta;
            }
        }
    }

    /** Float version of {@link #scaleRow(double[], int, int, double)}. */
    static void scaleRow(float[] c, int off, int n, float beta) {
        if (beta == 0) {
            java.util.Arrays.fill(c, off, off + n, 0);
        } else if (beta != 1) {
            for (int j = off; j < off + n; j++) {
                c[j] *= beta;
            }
        }
    }
}
