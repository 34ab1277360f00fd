package org.gdcert.certificates.kernels;

import org.gdcert.core.backend.HostBackend;
import org.gdcert.core.backend.ReferenceGemm;
import org.gdcert.core.linalg.Precision;

/**
 * A double-precision Java-array backend private to the certificates: used where a checker must
 * compute in double although the run's backend is float32 (the certificate numbers of θ0 need
 * float64, spec §6.4), and as the bench's fallback when no backend plugin is on the class path.
 * Its GEMM is a cache-blocked, multi-threaded loop nest ({@link HostGemm}); the backends modules
 * have faster ones.
 */
public final class HostDoubleBackend extends HostBackend {

    public HostDoubleBackend(int threads) {
        super("certificates-host", Precision.DOUBLE, threads);
    }

    @Override
    protected void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int lda,
            double[] b, int ldb, double beta, double[] c, int ldc) {
        HostGemm.gemm(parallel, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    @Override
    protected void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int lda,
            float[] b, int ldb, float beta, float[] c, int ldc) {
        ReferenceGemm.gemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }
}
