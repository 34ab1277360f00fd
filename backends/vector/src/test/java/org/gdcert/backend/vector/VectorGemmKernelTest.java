package org.gdcert.backend.vector;

import static org.assertj.core.api.Assertions.assertThat;

import org.gdcert.core.backend.BlockedGemm;
import org.gdcert.core.backend.GemmPacking;
import org.gdcert.core.backend.Parallel;
import org.gdcert.core.backend.ReferenceGemm;
import org.gdcert.core.random.Rng;
import org.junit.jupiter.api.Test;

/**
 * The vector kernels piece by piece: both micro-kernels (the 8-row tile used with 512-bit vectors
 * and the 4-row tile used with narrower ones, whichever this machine runs) on packed operands
 * against plain sums, the strip packing in both orientations, and the whole GEMM through
 * {@link BlockedGemm} on sub-matrices of larger arrays (leading dimensions above the widths),
 * checked against {@link ReferenceGemm}; entries outside C's window must stay as they were.
 */
class VectorGemmKernelTest {
    private static final double TOL = 1e-12;
    private static final double FLOAT_TOL = 1e-5;
    private static final int PAD = 5;

    @Test
    void bothDoubleMicroKernelsSumTheirPanels() {
        Rng rng = Rng.of(3).stream("micro kernels");
        int nr = VectorDoubleKernel.NR;
        for (int kc : new int[] {1, 2, 7, 256}) {
            for (int mr : new int[] {8, 4}) {
                double[] a = random(rng, mr * kc);
                int bo = 2 * nr; // a strip that does not start the array
                double[] b = random(rng, bo + kc * nr + nr);
                double[] tile = new double[8 * nr];
                java.util.Arrays.fill(tile, Double.NaN);
                if (mr == 8) {
                    VectorDoubleKernel.kernel8x3(kc, a, b, bo, tile);
                } else {
                    VectorDoubleKernel.kernel4x3(kc, a, b, bo, tile);
                }
                for (int r = 0; r < mr; r++) {
                    for (int j = 0; j < nr; j++) {
                        double s = 0;
                        double scale = 0;
                        for (int p = 0; p < kc; p++) {
                            s += a[p * mr + r] * b[bo + p * nr + j];
                            scale += Math.abs(a[p * mr + r] * b[bo + p * nr + j]);
                        }
                        assertThat(Math.abs(tile[r * nr + j] - s)).as("mr=%d kc=%d r=%d j=%d", mr, kc, r, j)
                                .isLessThanOrEqualTo(TOL * scale);
                    }
                }
                if (mr == 4) {
                    for (int i = 4 * nr; i < tile.length; i++) {
                        assertThat(tile[i]).as("rows past the 4-row tile untouched").isNaN();
                    }
                }
            }
        }
    }

    @Test
    void bothFloatMicroKernelsSumTheirPanels() {
        Rng rng = Rng.of(4).stream("float micro kernels");
        int nr = VectorFloatKernel.NR;
        for (int kc : new int[] {1, 3, 256}) {
            for (int mr : new int[] {8, 4}) {
                float[] a = toFloat(random(rng, mr * kc));
                float[] b = toFloat(random(rng, kc * nr));
                float[] tile = new float[8 * nr];
                if (mr == 8) {
                    VectorFloatKernel.kernel8x3(kc, a, b, 0, tile);
                } else {
                    VectorFloatKernel.kernel4x3(kc, a, b, 0, tile);
                }
                for (int r = 0; r < mr; r++) {
                    for (int j = 0; j < nr; j++) {
                        double s = 0;
                        double scale = 0;
                        for (int p = 0; p < kc; p++) {
                            s += (double) a[p * mr + r] * b[p * nr + j];
                            scale += Math.abs((double) a[p * mr + r] * b[p * nr + j]);
                        }
                        assertThat(Math.abs(tile[r * nr + j] - s)).as("float mr=%d kc=%d r=%d j=%d", mr, kc, r, j)
                                .isLessThanOrEqualTo(FLOAT_TOL * scale);
                    }
                }
            }
        }
    }

    @Test
    void stripsHoldOpBDepthMajorWithZeroPadding() {
        Rng rng = Rng.of(5).stream("strips");
        int nr = VectorDoubleKernel.NR;
        int kc = 5;
        int nc = 2 * nr + 3;
        int ldb = 4 * nr;
        int strips = 3;
        for (boolean trans : new boolean[] {false, true}) {
            double[] b = random(rng, ldb * ldb);
            double[] dst = new double[strips * kc * nr];
            java.util.Arrays.fill(dst, Double.NaN);
            VectorDoubleKernel.packStrips(trans, b, ldb, 2, 1, kc, nc, dst);
            for (int s = 0; s < strips; s++) {
                for (int p = 0; p < kc; p++) {
                    for (int j = 0; j < nr; j++) {
                        int col = s * nr + j;
                        double want = col >= nc ? 0 : trans ? b[(1 + col) * ldb + 2 + p] : b[(2 + p) * ldb + 1 + col];
                        assertThat(dst[s * kc * nr + p * nr + j]).as("trans=%s s=%d p=%d j=%d", trans, s, p, j)
                                .isEqualTo(want);
                    }
                }
            }
        }
        double[] a = random(rng, 40 * 40);
        double[] panel = new double[VectorDoubleKernel.MR * kc];
        GemmPacking.packPanel(true, a, 40, 3, 4, 2, kc, VectorDoubleKernel.MR, kc, panel);
        assertThat(panel[VectorDoubleKernel.MR + 1]).isEqualTo(a[5 * 40 + 4]);
    }

    @Test
    void honoursLeadingDimensionsInEveryCase() {
        Rng rng = Rng.of(11).stream("leading dimensions");
        int[][] shapes = {{67, 131, 29}, {389, 23, 250}, {40, 300, 260}, {6, 6, 6}, {1, 50, 20}, {9, 600, 513},
            {17, 2000, 30}};
        try (Parallel parallel = new Parallel(2)) {
            BlockedGemm gemm = new BlockedGemm(parallel, new VectorDoubleKernel(), new VectorFloatKernel());
            for (int[] s : shapes) {
                int m = s[0];
                int n = s[1];
                int k = s[2];
                for (int t = 0; t < 4; t++) {
                    boolean ta = (t & 2) != 0;
                    boolean tb = (t & 1) != 0;
                    int aRows = ta ? k : m;
                    int lda = (ta ? m : k) + PAD;
                    int bRows = tb ? n : k;
                    int ldb = (tb ? k : n) + PAD;
                    int ldc = n + PAD;
                    double[] a = random(rng, aRows * lda);
                    double[] b = random(rng, bRows * ldb);
                    double[] c = random(rng, m * ldc);
                    double[] expected = c.clone();
                    ReferenceGemm.gemm(ta, tb, m, n, k, -0.5, a, lda, b, ldb, 1.5, expected, ldc);
                    gemm.gemm(ta, tb, m, n, k, -0.5, a, lda, b, ldb, 1.5, c, ldc);
                    for (int i = 0; i < c.length; i++) {
                        boolean inside = i % ldc < n;
                        double tol = inside ? TOL * (k + 2) : 0;
                        assertThat(Math.abs(c[i] - expected[i])).as("double m=%d n=%d k=%d case %d entry %d", m, n,
                                k, t, i).isLessThanOrEqualTo(tol);
                    }

                    float[] cf = toFloat(c);
                    float[] ef = cf.clone();
                    ReferenceGemm.gemm(ta, tb, m, n, k, 2f, toFloat(a), lda, toFloat(b), ldb, 0f, ef, ldc);
                    for (int i = 0; i < cf.length; i++) {
                        if (i % ldc < n) {
                            cf[i] = Float.NaN;
                        }
                    }
                    float[] outside = cf.clone();
                    gemm.gemm(ta, tb, m, n, k, 2f, toFloat(a), lda, toFloat(b), ldb, 0f, cf, ldc);
                    for (int i = 0; i < cf.length; i++) {
                        boolean inside = i % ldc < n;
                        double want = inside ? ef[i] : outside[i];
                        double tol = inside ? FLOAT_TOL * (k + 2) : 0;
                        assertThat(Math.abs(cf[i] - want)).as("float m=%d n=%d k=%d case %d entry %d", m, n, k, t, i)
                                .isLessThanOrEqualTo(tol);
                    }
                }
            }
        }
    }

    static double[] random(Rng rng, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = rng.nextDouble(-1, 1);
        }
        return d;
    }

    static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
