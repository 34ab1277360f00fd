package org.gdcert.core.backend;

/**
 * Direct loops for products too small to repay packing (and for matrix–vector shapes). Same
 * contract as {@link HostBackend}'s GEMM hook: row-major, op(A) m×k, op(B) k×n, C m×n with leading
 * dimension ldc; with beta == 0 the old C is ignored.
 */
public final class SmallGemm {
    private SmallGemm() {
    }

    /** C := alpha·op(A)·op(B) + beta·C, double. */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int lda,
            double[] b, int ldb, double beta, double[] c, int ldc) {
        for (int i = 0; i < m; i++) {
            int ci = i * ldc;
            scaleRow(c, ci, n, beta);
            if (transB) {
                for (int j = 0; j < n; j++) {
                    int bo = j * ldb;
                    double s = 0;
                    if (transA) {
                        for (int p = 0; p < k; p++) {
                            s += a[p * lda + i] * b[bo + p];
                        }
                    } else {
                        int ao = i * lda;
                        for (int p = 0; p < k; p++) {
                            s += a[ao + p] * b[bo + p];
                        }
                    }
                    c[ci + j] += alpha * s;
                }
            } else {
                for (int p = 0; p < k; p++) {
                    double av = alpha * (transA ? a[p * lda + i] : a[i * lda + p]);
                    int bo = p * ldb;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += av * b[bo + j];
                    }
                }
            }
        }
    }

    /** C := alpha·op(A)·op(B) + beta·C, float (dot products accumulate in double). */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int lda,
            float[] b, int ldb, float beta, float[] c, int ldc) {
        for (int i = 0; i < m; i++) {
            int ci = i * ldc;
            scaleRow(c, ci, n, beta);
            if (transB) {
                for (int j = 0; j < n; j++) {
                    int bo = j * ldb;
                    double s = 0;
                    if (transA) {
                        for (int p = 0; p < k; p++) {
                            s += (double) a[p * lda + i] * b[bo + p];
                        }
                    } else {
                        int ao = i * lda;
                        for (int p = 0; p < k; p++) {
                            s += (double) a[ao + p] * b[bo + p];
                        }
                    }
                    c[ci + j] += (float) (alpha * s);
                }
            } else {
                for (int p = 0; p < k; p++) {
                    float av = alpha * (transA ? a[p * lda + i] : a[i * lda + p]);
                    int bo = p * ldb;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += av * b[bo + j];
                    }
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
