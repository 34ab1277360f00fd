package org.gdcert.backend.java;

import org.gdcert.core.backend.BlockedGemm;
import org.gdcert.core.backend.HostBackend;
import org.gdcert.core.linalg.Precision;

/**
 * The pure-Java backend: {@link HostBackend}'s storage and elementwise kernels with a cache-blocked,
 * packed, multi-threaded GEMM ({@link BlockedGemm} with the kernels {@link JavaDoubleKernel} and
 * {@link JavaFloatKernel}).
 */
public final class JavaBackend extends HostBackend {
    private final BlockedGemm blocked;

    /**
     * @param precision storage precision
     * @param threads worker threads, at least 1
     */
    public JavaBackend(Precision precision, int threads) {
        super(JavaBackendProvider.NAME, precision, threads);
        this.blocked = new BlockedGemm(parallel, new JavaDoubleKernel(), new JavaFloatKernel());
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
}
