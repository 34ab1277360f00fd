package org.gdcert.core.backend;

/**
 * Straightforward GEMM loops for every transpose case: the reference other kernels are tested
 * against, and the kernel of small products. Not fast.
 */
public final class ReferenceGemm {
    private ReferenceGemm() {
    }

    /** See {@link HostBackend}: row-major, op(A) m×k, op(B) k×n, C m×n. */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int lda,
            double[] b, int ldb, double beta, double[] c, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double av = transA ? a[p * lda + i] : a[i * lda + p];
                    double bv = transB ? b[j * ldb + p] : b[p * ldb + j];
                    s += av * bv;
                }
                int ci = i * ldc + j;
                c[ci] = beta == 0 ? alpha * s : alpha * s + beta * c[ci];
            }
        }
    }

    /** Float version; accumulates in double. */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int lda,
            float[] b, int ldb, float beta, float[] c, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double av = transA ? a[p * lda + i] : a[i * lda + p];
                    double bv = transB ? b[j * ldb + p] : b[p * ldb + j];
                    s += av * bv;
                }
                int ci = i * ldc + j;
                c[ci] = (float) (beta == 0 ? alpha * s : alpha * s + beta * c[ci]);
            }
        }
    }
}
