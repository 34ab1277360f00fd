package org.gdcert.core.testing;

import org.gdcert.core.backend.HostBackend;
import org.gdcert.core.backend.ReferenceGemm;
import org.gdcert.core.linalg.Precision;

/**
 * A single-threaded backend with textbook loops: the oracle for backend contract tests and the
 * backend of core's own engine tests (core cannot depend on a backend module).
 */
public final class ReferenceBackend extends HostBackend {

    public ReferenceBackend() {
        this(Precision.DOUBLE);
    }

    public ReferenceBackend(Precision precision) {
        super("reference", precision, 1);
    }

    @Override
    protected void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int lda,
            double[] b, int ldb, double beta, double[] c, int ldc) {
        ReferenceGemm.gemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    @Override
    protected void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int lda,
            float[] b, int ldb, float beta, float[] c, int ldc) {
        ReferenceGemm.gemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }
}
