package org.gdcert.certificates.kernels;

import org.gdcert.core.backend.Parallel;

/**
 * C := α·op(A)·op(B) + β·C on row-major double arrays, cache-blocked and split over rows of C.
 * op(B) is packed panel by panel (kc × nc, contiguous) and op(A) row block by row block, so the
 * inner loop is a contiguous four-term AXPY the JIT vectorises.
 */
final class HostGemm {
    private static final int KC = 256;
    private static final int NC = 1024;
    private static final int MC = 64;

    private HostGemm() {
    }

    static void gemm(Parallel par, boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a,
            int lda, double[] b, int ldb, double beta, double[] c, int ldc) {
        // scale C by beta first
        for (int i = 0; i < m; i++) {
            int o = i * ldc;
            if (beta == 0) {
                java.util.Arrays.fill(c, o, o + n, 0);
            } else if (beta != 1) {
                for (int j = 0; j < n; j++) {
                    c[o + j] *= beta;
                }
            }
        }
        if (k == 0 || alpha == 0) {
            return;
        }
        double[] bp = new double[Math.min(KC, k) * Math.min(NC, n)];
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                packB(transB, b, ldb, pc, kc, jc, nc, bp);
                final int fjc = jc;
                final int fpc = pc;
                int blocks = (m + MC - 1) / MC;
                par.forRange(blocks, 1, (from, to) -> {
                    double[] ap = new double[MC * kc];
                    for (int blk = from; blk < to; blk++) {
                        int i0 = blk * MC;
                        int mc = Math.min(MC, m - i0);
                        packA(transA, a, lda, i0, mc, fpc, kc, alpha, ap);
                        kernel(ap, mc, kc, bp, nc, c, ldc, i0, fjc);
                    }
                });
            }
        }
    }

    /** bp[p*nc + j] = op(B)[pc+p, jc+j]. */
    private static void packB(boolean transB, double[] b, int ldb, int pc, int kc, int jc, int nc, double[] bp) {
        for (int p = 0; p < kc; p++) {
            int o = p * nc;
            if (transB) {
                for (int j = 0; j < nc; j++) {
                    bp[o + j] = b[(jc + j) * ldb + pc + p];
                }
            } else {
                System.arraycopy(b, (pc + p) * ldb + jc, bp, o, nc);
            }
        }
    }

    /** ap[i*kc + p] = α·op(A)[i0+i, pc+p]. */
    private static void packA(boolean transA, double[] a, int lda, int i0, int mc, int pc, int kc, double alpha,
            double[] ap) {
        for (int i = 0; i < mc; i++) {
            int o = i * kc;
            for (int p = 0; p < kc; p++) {
                double v = transA ? a[(pc + p) * lda + i0 + i] : a[(i0 + i) * lda + pc + p];
                ap[o + p] = alpha * v;
            }
        }
    }

    private static void kernel(double[] ap, int mc, int kc, double[] bp, int nc, double[] c, int ldc, int i0, int jc) {
        for (int i = 0; i < mc; i++) {
            int co = (i0 + i) * ldc + jc;
            int ao = i * kc;
            int p = 0;
            for (; p + 3 < kc; p += 4) {
                double a0 = ap[ao + p];
                double a1 = ap[ao + p + 1];
                double a2 = ap[ao + p + 2];
                double a3 = ap[ao + p + 3];
                int b0 = p * nc;
                int b1 = b0 + nc;
                int b2 = b1 + nc;
                int b3 = b2 + nc;
                for (int j = 0; j < nc; j++) {
                    c[co + j] += a0 * bp[b0 + j] + a1 * bp[b1 + j] + a2 * bp[b2 + j] + a3 * bp[b3 + j];
                }
            }
            for (; p < kc; p++) {
                double a0 = ap[ao + p];
                int b0 = p * nc;
                for (int j = 0; j < nc; j++) {
                    c[co + j] += a0 * bp[b0 + j];
                }
            }
        }
    }
}
