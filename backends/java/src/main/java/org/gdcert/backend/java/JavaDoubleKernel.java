package org.gdcert.backend.java;

import java.util.Arrays;
import org.gdcert.core.backend.DoubleGemmKernel;
import org.gdcert.core.backend.GemmBlocking;
import org.gdcert.core.backend.GemmPacking;

/**
 * The pure-Java double GEMM kernel: a panel of {@value #MR} rows of op(A) times a block of op(B)
 * packed as one array per depth, accumulated into {@value #MR} row buffers that stay in L1.
 *
 * <p>The inner loop runs along a row of B̂ and updates the {@value #MR} row buffers with
 * {@link #KU} depths at a time. Every array in it is indexed by the loop variable alone, the shape
 * C2's SuperWord pass turns into FMA vector instructions (one B̂ array per depth and one buffer per
 * row keep the accesses comparable: rows of one array at different offsets are not vectorised on
 * JDK 17). C2 cannot keep vector accumulators in registers across an outer loop, so the buffers play
 * that part, and {@link #KU} depths per pass amortise their loads and stores.
 *
 * <p>{@link #KU} is 3 on x86-64, where C2 vectorises the 3-depth loop with 256- and 512-bit vectors
 * (about 30% faster than 2 depths), and 2 elsewhere: with 128-bit vectors (NEON) C2 leaves the
 * 3-depth double loop scalar.
 */
final class JavaDoubleKernel implements DoubleGemmKernel {
    static final int MR = 4;
    /** Depths per pass of the inner loop: 3 on x86-64, 2 elsewhere (see the class comment). */
    static final int KU = "amd64".equals(System.getProperty("os.arch"))
            || "x86_64".equals(System.getProperty("os.arch")) ? 3 : 2;
    static final int KC = 240;
    static final int NC = 256;
    /** Extra entries per row buffer so that the buffers do not sit a multiple of 4 KiB apart. */
    private static final int PAD = 64;
    private static final GemmBlocking BLOCKING = new GemmBlocking(MR, KC, NC, KU, 8);

    @Override
    public GemmBlocking blocking() {
        return BLOCKING;
    }

    @Override
    public Worker newWorker() {
        return new JavaWorker();
    }

    private static final class JavaWorker implements Worker {
        private final double[][] bRows = new double[KC][NC];
        private final double[] aPanel = new double[MR * KC];
        private final double[] t0 = new double[NC + PAD];
        private final double[] t1 = new double[NC + 2 * PAD];
        private final double[] t2 = new double[NC + PAD];
        private final double[] t3 = new double[NC + 2 * PAD];

        @Override
        public void packB(boolean transB, double[] b, int ldb, int p0, int j0, int kc, int nc) {
            GemmPacking.packRows(transB, b, ldb, p0, j0, kc, nc, GemmBlocking.roundUp(kc, KU), bRows);
        }

        @Override
        public void packA(boolean transA, double[] a, int lda, int i0, int p0, int rows, int kc) {
            GemmPacking.packPanel(transA, a, lda, i0, p0, rows, kc, MR, GemmBlocking.roundUp(kc, KU), aPanel);
        }

        @Override
        public void multiply(int rows, int nc, int kc, double alpha, double beta, double[] c, int cOff, int rs,
                int cs) {
            int kp = GemmBlocking.roundUp(kc, KU);
            Arrays.fill(t0, 0, nc, 0);
            Arrays.fill(t1, 0, nc, 0);
            Arrays.fill(t2, 0, nc, 0);
            Arrays.fill(t3, 0, nc, 0);
            if (KU == 3) {
                kernel3(kp, nc, aPanel, bRows, t0, t1, t2, t3);
            } else {
                kernel2(kp, nc, aPanel, bRows, t0, t1, t2, t3);
            }
            if (cs != 1 && rows == MR) {
                storeColumns(nc, alpha, beta, c, cOff, rs, cs);
                return;
            }
            GemmPacking.storeRow(t0, nc, alpha, beta, c, cOff, cs);
            if (rows > 1) {
                GemmPacking.storeRow(t1, nc, alpha, beta, c, cOff + rs, cs);
            }
            if (rows > 2) {
                GemmPacking.storeRow(t2, nc, alpha, beta, c, cOff + 2 * rs, cs);
            }
            if (rows > 3) {
                GemmPacking.storeRow(t3, nc, alpha, beta, c, cOff + 3 * rs, cs);
            }
        }

        /**
         * The transposed write-back (C's columns are the panel's rows): the {@value #MR} entries of one
         * row of C are written together, so each cache line of C is touched once.
         */
        private void storeColumns(int nc, double alpha, double beta, double[] c, int cOff, int rs, int cs) {
            if (beta == 0) {
                for (int j = 0, o = cOff; j < nc; j++, o += cs) {
                    c[o] = alpha * t0[j];
                    c[o + rs] = alpha * t1[j];
                    c[o + 2 * rs] = alpha * t2[j];
                    c[o + 3 * rs] = alpha * t3[j];
                }
            } else {
                for (int j = 0, o = cOff; j < nc; j++, o += cs) {
                    c[o] = alpha * t0[j] + beta * c[o];
                    c[o + rs] = alpha * t1[j] + beta * c[o + rs];
                    c[o + 2 * rs] = alpha * t2[j] + beta * c[o + 2 * rs];
                    c[o + 3 * rs] = alpha * t3[j] + beta * c[o + 3 * rs];
                }
            }
        }
    }

    /** t_r[j] += Σ_{p &lt; kp} ap[p·MR + r] · bp[p][j] for r &lt; 4, j &lt; nc, two depths per pass. */
    static void kernel2(int kp, int nc, double[] ap, double[][] bp, double[] t0, double[] t1, double[] t2,
            double[] t3) {
        for (int p = 0, o = 0; p < kp; p += 2, o += 2 * MR) {
            double a00 = ap[o];
            double a10 = ap[o + 1];
            double a20 = ap[o + 2];
            double a30 = ap[o + 3];
            double a01 = ap[o + 4];
            double a11 = ap[o + 5];
            double a21 = ap[o + 6];
            double a31 = ap[o + 7];
            double[] b0 = bp[p];
            double[] b1 = bp[p + 1];
            for (int j = 0; j < nc; j++) {
                double v0 = b0[j];
                double v1 = b1[j];
                t0[j] = Math.fma(a01, v1, Math.fma(a00, v0, t0[j]));
                t1[j] = Math.fma(a11, v1, Math.fma(a10, v0, t1[j]));
                t2[j] = Math.fma(a21, v1, Math.fma(a20, v0, t2[j]));
                t3[j] = Math.fma(a31, v1, Math.fma(a30, v0, t3[j]));
            }
        }
    }

    /** As {@link #kernel2} with three depths per pass. */
    static void kernel3(int kp, int nc, double[] ap, double[][] bp, double[] t0, double[] t1, double[] t2,
            double[] t3) {
        for (int p = 0, o = 0; p < kp; p += 3, o += 3 * MR) {
            double a00 = ap[o];
            double a10 = ap[o + 1];
            double a20 = ap[o + 2];
            double a30 = ap[o + 3];
            double a01 = ap[o + 4];
            double a11 = ap[o + 5];
            double a21 = ap[o + 6];
            double a31 = ap[o + 7];
            double a02 = ap[o + 8];
            double a12 = ap[o + 9];
            double a22 = ap[o + 10];
            double a32 = ap[o + 11];
            double[] b0 = bp[p];
            double[] b1 = bp[p + 1];
            double[] b2 = bp[p + 2];
            for (int j = 0; j < nc; j++) {
                double v0 = b0[j];
                double v1 = b1[j];
                double v2 = b2[j];
                t0[j] = Math.fma(a02, v2, Math.fma(a01, v1, Math.fma(a00, v0, t0[j])));
                t1[j] = Math.fma(a12, v2, Math.fma(a11, v1, Math.fma(a10, v0, t1[j])));
                t2[j] = Math.fma(a22, v2, Math.fma(a21, v1, Math.fma(a20, v0, t2[j])));
                t3[j] = Math.fma(a32, v2, Math.fma(a31, v1, Math.fma(a30, v0, t3[j])));
            }
        }
    }
}
