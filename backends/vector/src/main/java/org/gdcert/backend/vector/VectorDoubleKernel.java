package org.gdcert.backend.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.gdcert.core.backend.DoubleGemmKernel;
import org.gdcert.core.backend.GemmBlocking;
import org.gdcert.core.backend.GemmPacking;

/**
 * The Vector API double GEMM kernel: a register-blocked micro-kernel of {@link #MR} rows of op(A)
 * times {@link #NV} vectors of columns of op(B), with the {@link #MR}·{@link #NV} accumulators held
 * in vector registers for a whole depth block and one FMA per accumulator and depth.
 *
 * <p>Packed formats: Â is one depth-major panel ({@code a[p·MR + r]}, {@link GemmPacking#packPanel});
 * B̂ is cut into strips of {@link #NR} = {@link #NV} · lanes columns, each strip depth-major
 * ({@code b[s·kc·NR + p·NR + j]}), the last strip padded with zero columns. For each strip the
 * micro-kernel loads {@link #NV} vectors of B̂, broadcasts the {@link #MR} entries of Â at that depth
 * and updates every accumulator; at the end it spills the tile to a small buffer from which
 * {@link Tiles} writes C with α and β (and any edge, stride or transposition).
 *
 * <p>The species is {@link DoubleVector#SPECIES_PREFERRED}, chosen by the JVM at start-up (512 bits
 * with AVX-512, 256 with AVX2, 128 with NEON or SSE). With 512-bit vectors (AVX-512: 32 vector
 * registers) the tile is 8 × 3 vectors, 24 accumulators; with narrower vectors (16 registers on
 * AVX2) it is 4 × 3, 12 accumulators, so that nothing spills.
 */
final class VectorDoubleKernel implements DoubleGemmKernel {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Whether the 8-row tile is used (32 vector registers are assumed only with 512-bit vectors). */
    static final boolean WIDE = S.vectorBitSize() >= 512;
    static final int MR = WIDE ? 8 : 4;
    static final int NV = 3;
    static final int NR = NV * L;
    /** Depth of a packed block: a panel of Â (MR·KC, 16 KiB with AVX-512 in double) stays in L1. */
    static final int KC = 256;
    /**
     * Columns of a packed block (a multiple of NR). Each panel of Â is packed once per block of
     * columns, so wide blocks save packing (13% faster than 240 columns on the AVX-512 machine the
     * benchmarks ran on); B̂ (KC·NC doubles, 1.9 MiB with AVX-512) then streams from L3, not L2.
     */
    static final int NC = Math.max(1, 960 / NR) * NR;
    private static final GemmBlocking BLOCKING = new GemmBlocking(MR, KC, NC, 1, NR);

    @Override
    public GemmBlocking blocking() {
        return BLOCKING;
    }

    @Override
    public Worker newWorker() {
        return new VectorWorker();
    }

    /** Packing buffers and the tile buffer of one thread. */
    private static final class VectorWorker implements Worker {
        private final double[] bPacked = new double[KC * NC];
        private final double[] aPanel = new double[MR * KC];
        private final double[] tile = new double[MR * NR];

        @Override
        public void packB(boolean transB, double[] b, int ldb, int p0, int j0, int kc, int nc) {
            packStrips(transB, b, ldb, p0, j0, kc, nc, bPacked);
        }

        @Override
        public void packA(boolean transA, double[] a, int lda, int i0, int p0, int rows, int kc) {
            GemmPacking.packPanel(transA, a, lda, i0, p0, rows, kc, MR, kc, aPanel);
        }

        @Override
        public void multiply(int rows, int nc, int kc, double alpha, double beta, double[] c, int cOff, int rs,
                int cs) {
            for (int j = 0, bo = 0; j < nc; j += NR, bo += kc * NR) {
                if (WIDE) {
                    kernel8x3(kc, aPanel, bPacked, bo, tile);
                } else {
                    kernel4x3(kc, aPanel, bPacked, bo, tile);
                }
                Tiles.store(tile, NR, rows, Math.min(NR, nc - j), alpha, beta, c, cOff + j * cs, rs, cs);
            }
        }
    }

    /**
     * Packs op(B)[p0 .. p0+kc, j0 .. j0+nc] into strips of {@link #NR} columns, each depth-major:
     * {@code dst[s·kc·NR + p·NR + j] = op(B)[p0+p, j0+s·NR+j]}; columns past nc are zero.
     */
    static void packStrips(boolean trans, double[] b, int ldb, int p0, int j0, int kc, int nc, double[] dst) {
        int strips = (nc + NR - 1) / NR;
        int tail = nc - (strips - 1) * NR;
        if (trans) {
            for (int j = 0; j < nc; j++) {
                int src = (j0 + j) * ldb + p0;
                int o = (j / NR) * kc * NR + j % NR;
                for (int p = 0; p < kc; p++, o += NR) {
                    dst[o] = b[src + p];
                }
            }
            if (tail < NR) {
                for (int p = 0, o = (strips - 1) * kc * NR; p < kc; p++, o += NR) {
                    java.util.Arrays.fill(dst, o + tail, o + NR, 0);
                }
            }
        } else {
            for (int p = 0; p < kc; p++) {
                int src = (p0 + p) * ldb + j0;
                int o = p * NR;
                for (int s = 0; s < strips - 1; s++, src += NR, o += kc * NR) {
                    System.arraycopy(b, src, dst, o, NR);
                }
                System.arraycopy(b, src, dst, o, tail);
                if (tail < NR) {
                    java.util.Arrays.fill(dst, o + tail, o + NR, 0);
                }
            }
        }
    }

    /** tile[r·NR + j] := Σ_{p &lt; kc} a[p·8 + r] · b[bo + p·NR + j] for r &lt; 8, j &lt; NR (= 3 vectors). */
    static void kernel8x3(int kc, double[] a, double[] b, int bo, double[] tile) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = c00;
        DoubleVector c02 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c12 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c22 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        DoubleVector c32 = c00;
        DoubleVector c40 = c00;
        DoubleVector c41 = c00;
        DoubleVector c42 = c00;
        DoubleVector c50 = c00;
        DoubleVector c51 = c00;
        DoubleVector c52 = c00;
        DoubleVector c60 = c00;
        DoubleVector c61 = c00;
        DoubleVector c62 = c00;
        DoubleVector c70 = c00;
        DoubleVector c71 = c00;
        DoubleVector c72 = c00;
        for (int p = 0, ao = 0, bi = bo; p < kc; p++, ao += 8, bi += NR) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bi + L);
            DoubleVector b2 = DoubleVector.fromArray(S, b, bi + 2 * L);
            DoubleVector x = DoubleVector.broadcast(S, a[ao]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            x = DoubleVector.broadcast(S, a[ao + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            x = DoubleVector.broadcast(S, a[ao + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            x = DoubleVector.broadcast(S, a[ao + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            x = DoubleVector.broadcast(S, a[ao + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            c42 = x.fma(b2, c42);
            x = DoubleVector.broadcast(S, a[ao + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            c52 = x.fma(b2, c52);
            x = DoubleVector.broadcast(S, a[ao + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            c62 = x.fma(b2, c62);
            x = DoubleVector.broadcast(S, a[ao + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
            c72 = x.fma(b2, c72);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c02.intoArray(tile, 2 * L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c12.intoArray(tile, NR + 2 * L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c22.intoArray(tile, 2 * NR + 2 * L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c32.intoArray(tile, 3 * NR + 2 * L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c42.intoArray(tile, 4 * NR + 2 * L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
        c52.intoArray(tile, 5 * NR + 2 * L);
        c60.intoArray(tile, 6 * NR);
        c61.intoArray(tile, 6 * NR + L);
        c62.intoArray(tile, 6 * NR + 2 * L);
        c70.intoArray(tile, 7 * NR);
        c71.intoArray(tile, 7 * NR + L);
        c72.intoArray(tile, 7 * NR + 2 * L);
    }

    /** As {@link #kernel8x3} with 4 rows (12 accumulators: no spills with 16 vector registers). */
    static void kernel4x3(int kc, double[] a, double[] b, int bo, double[] tile) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = c00;
        DoubleVector c02 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c12 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c22 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        DoubleVector c32 = c00;
        for (int p = 0, ao = 0, bi = bo; p < kc; p++, ao += 4, bi += NR) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bi + L);
            DoubleVector b2 = DoubleVector.fromArray(S, b, bi + 2 * L);
            DoubleVector x = DoubleVector.broadcast(S, a[ao]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            x = DoubleVector.broadcast(S, a[ao + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            x = DoubleVector.broadcast(S, a[ao + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            x = DoubleVector.broadcast(S, a[ao + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c02.intoArray(tile, 2 * L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c12.intoArray(tile, NR + 2 * L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c22.intoArray(tile, 2 * NR + 2 * L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c32.intoArray(tile, 3 * NR + 2 * L);
    }
}
