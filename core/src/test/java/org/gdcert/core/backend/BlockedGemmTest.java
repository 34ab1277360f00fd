package org.gdcert.core.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.gdcert.core.random.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The driver with a plain scalar kernel on tiny blocks, so that every block edge (partial row
 * panels, padded depths, several column and depth blocks, transposed C) is crossed many times;
 * checked against {@link ReferenceGemm}.
 */
class BlockedGemmTest {
    private static final double TOL = 1e-12;
    private static final double FLOAT_TOL = 1e-5;
    private static final GemmBlocking TINY = new GemmBlocking(3, 4, 24, 2, 2);

    /** Packs with {@link GemmPacking} and multiplies with scalar loops. */
    private static final class ScalarDouble implements DoubleGemmKernel {
        @Override
        public GemmBlocking blocking() {
            return TINY;
        }

        @Override
        public Worker newWorker() {
            return new Worker() {
                final double[][] bRows = new double[TINY.kc()][TINY.nc()];
                final double[] aPanel = new double[TINY.mr() * TINY.kc()];

                @Override
                public void packB(boolean transB, double[] b, int ldb, int p0, int j0, int kc, int nc) {
                    GemmPacking.packRows(transB, b, ldb, p0, j0, kc, nc, GemmBlocking.roundUp(kc, 2), bRows);
                }

                @Override
                public void packA(boolean transA, double[] a, int lda, int i0, int p0, int rows, int kc) {
                    GemmPacking.packPanel(transA, a, lda, i0, p0, rows, kc, 3, GemmBlocking.roundUp(kc, 2), aPanel);
                }

                @Override
                public void multiply(int rows, int nc, int kc, double alpha, double beta, double[] c, int cOff,
                        int rs, int cs) {
                    double[] t = new double[nc];
                    for (int r = 0; r < rows; r++) {
                        Arrays.fill(t, 0);
                        for (int p = 0; p < GemmBlocking.roundUp(kc, 2); p++) {
                            for (int j = 0; j < nc; j++) {
                                t[j] += aPanel[p * 3 + r] * bRows[p][j];
                            }
                        }
                        GemmPacking.storeRow(t, nc, alpha, beta, c, cOff + r * rs, cs);
                    }
                }
            };
        }
    }

    /** Float twin of {@link ScalarDouble}. */
    private static final class ScalarFloat implements FloatGemmKernel {
        @Override
        public GemmBlocking blocking() {
            return TINY;
        }

        @Override
        public Worker newWorker() {
            return new Worker() {
                final float[][] bRows = new float[TINY.kc()][TINY.nc()];
                final float[] aPanel = new float[TINY.mr() * TINY.kc()];

                @Override
                public void packB(boolean transB, float[] b, int ldb, int p0, int j0, int kc, int nc) {
                    GemmPacking.packRows(transB, b, ldb, p0, j0, kc, nc, GemmBlocking.roundUp(kc, 2), bRows);
                }

                @Override
                public void packA(boolean transA, float[] a, int lda, int i0, int p0, int rows, int kc) {
                    GemmPacking.packPanel(transA, a, lda, i0, p0, rows, kc, 3, GemmBlocking.roundUp(kc, 2), aPanel);
                }

                @Override
                public void multiply(int rows, int nc, int kc, float alpha, float beta, float[] c, int cOff,
                        int rs, int cs) {
                    float[] t = new float[nc];
                    for (int r = 0; r < rows; r++) {
                        Arrays.fill(t, 0);
                        for (int p = 0; p < GemmBlocking.roundUp(kc, 2); p++) {
                            for (int j = 0; j < nc; j++) {
                                t[j] += aPanel[p * 3 + r] * bRows[p][j];
                            }
                        }
                        GemmPacking.storeRow(t, nc, alpha, beta, c, cOff + r * rs, cs);
                    }
                }
            };
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5})
    void matchesReferenceOnEveryShapeAndTranspose(int threads) {
        Rng rng = Rng.of(7).stream("blocked " + threads);
        int[][] shapes = {
            {1, 1, 1}, {3, 5, 4}, {3, 9, 5}, {1, 30, 40}, {40, 41, 37}, {9, 130, 41}, {130, 9, 41}, {64, 64, 64},
            {33, 2, 500},
        };
        double[][] ab = {{1, 0}, {-0.5, 1}, {2, -0.25}};
        assertThat(BlockedGemm.transposeC(130, 9, TINY)).as("the 130x9 shape takes the transposed path").isTrue();
        assertThat(BlockedGemm.isSmall(40, 41, 37)).as("the 40x41x37 shape is blocked").isFalse();
        try (Parallel parallel = new Parallel(threads)) {
            BlockedGemm gemm = new BlockedGemm(parallel, new ScalarDouble(), new ScalarFloat());
            for (int[] s : shapes) {
                int m = s[0];
                int n = s[1];
                int k = s[2];
                for (int t = 0; t < 4; t++) {
                    boolean ta = (t & 2) != 0;
                    boolean tb = (t & 1) != 0;
                    double[] a = random(rng, m * k);
                    double[] b = random(rng, k * n);
                    for (double[] x : ab) {
                        double[] c = random(rng, m * n);
                        if (x[1] == 0) {
                            Arrays.fill(c, Double.NaN);
                        }
                        double[] expected = c.clone();
                        ReferenceGemm.gemm(ta, tb, m, n, k, x[0], a, ta ? m : k, b, tb ? k : n, x[1], expected, n);
                        gemm.gemm(ta, tb, m, n, k, x[0], a, ta ? m : k, b, tb ? k : n, x[1], c, n);
                        assertThat(worst(c, expected)).as("double, %d threads, m=%d n=%d k=%d case %d", threads, m,
                                n, k, t).isLessThanOrEqualTo(TOL * (k + 1));
                        float[] cf = toFloat(c);
                        float[] ef = toFloat(expected);
                        Arrays.fill(cf, x[1] == 0 ? Float.NaN : 0);
                        Arrays.fill(ef, 0);
                        ReferenceGemm.gemm(ta, tb, m, n, k, (float) x[0], toFloat(a), ta ? m : k, toFloat(b),
                                tb ? k : n, 0f, ef, n);
                        gemm.gemm(ta, tb, m, n, k, (float) x[0], toFloat(a), ta ? m : k, toFloat(b), tb ? k : n,
                                0f, cf, n);
                        assertThat(worst(toDouble(cf), toDouble(ef))).as("float, %d threads, m=%d n=%d k=%d case %d",
                                threads, m, n, k, t).isLessThanOrEqualTo(FLOAT_TOL * (k + 1));
                    }
                }
            }
        }
    }

    @Test
    void gridCoversEveryEntryOnceOnAlignedBoundaries() {
        GemmBlocking bl = new GemmBlocking(4, 240, 256, 2, 8);
        int[][] shapes = {{1024, 1024}, {2000, 64}, {64, 2000}, {5, 1000}, {1000, 9}, {17, 17}};
        for (int[] s : shapes) {
            for (int threads = 1; threads <= 16; threads++) {
                int m = s[0];
                int n = s[1];
                BlockedGemm.Grid g = BlockedGemm.Grid.of(m, n, 1 << 20, threads, bl);
                assertThat(g.tasks()).isBetween(1, threads * BlockedGemm.TASKS_PER_THREAD);
                int[] hits = new int[m * n];
                for (int t = 0; t < g.tasks(); t++) {
                    assertThat(g.rowStart(t) % 4 == 0 || g.rowStart(t) == m).isTrue();
                    assertThat(g.colStart(t) % 8 == 0 || g.colStart(t) == n).isTrue();
                    for (int i = g.rowStart(t); i < g.rowEnd(t); i++) {
                        for (int j = g.colStart(t); j < g.colEnd(t); j++) {
                            hits[i * n + j]++;
                        }
                    }
                }
                assertThat(Arrays.stream(hits).allMatch(h -> h == 1)).as("%dx%d with %d threads", m, n, threads)
                        .isTrue();
            }
        }
    }

    @Test
    void gridGivesEveryThreadSeveralTasksOnLargeProductsAndOneTaskToSmallOnes() {
        GemmBlocking bl = new GemmBlocking(4, 240, 256, 2, 8);
        for (int threads : new int[] {2, 3, 4, 16}) {
            BlockedGemm.Grid g = BlockedGemm.Grid.of(1024, 1024, 1024, threads, bl);
            assertThat(g.tasks()).as("tasks for %d threads", threads)
                    .isGreaterThanOrEqualTo(threads * BlockedGemm.TASKS_PER_THREAD / 2)
                    .isLessThanOrEqualTo(threads * BlockedGemm.TASKS_PER_THREAD);
            assertThat(g.tasks() % threads).isZero();
        }
        assertThat(BlockedGemm.Grid.of(1024, 1024, 1024, 1, bl).tasks()).isEqualTo(1);
        assertThat(BlockedGemm.Grid.of(2000, 64, 2000, 4, bl)).satisfies(g -> {
            assertThat(g.gn()).as("a tall C is cut into row bands").isEqualTo(1);
            assertThat(g.gm()).isEqualTo(16);
        });
        assertThat(BlockedGemm.Grid.of(64, 64, 64, 2, bl).tasks()).isEqualTo(1);
        assertThat(BlockedGemm.Grid.of(4, 16, 1 << 20, 16, bl).tasks()).as("one row panel, two column groups")
                .isEqualTo(2);
    }

    @Test
    void depthBlocksDependOnDepthOnly() {
        GemmBlocking bl = new GemmBlocking(4, 240, 256, 3, 8);
        for (int k = 1; k < 2000; k++) {
            int d = bl.depthBlock(k);
            assertThat(d).isLessThanOrEqualTo(240).isPositive();
            assertThat(d % 3).isZero();
            assertThat((k + d - 1) / d).as("blocks for k=%d", k).isEqualTo((k + 239) / 240);
        }
        for (int w = 1; w < 2000; w++) {
            int c = bl.columnBlock(w);
            assertThat(c).isLessThanOrEqualTo(256).isPositive();
            assertThat(c % 8 == 0 || c == 256).isTrue();
        }
    }

    private static double[] random(Rng rng, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = rng.nextDouble(-1, 1);
        }
        return d;
    }

    /** Largest |x − y|, infinite where exactly one is NaN. */
    private static double worst(double[] x, double[] y) {
        double w = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) != Double.isNaN(y[i])) {
                return Double.POSITIVE_INFINITY;
            }
            if (!Double.isNaN(x[i])) {
                w = Math.max(w, Math.abs(x[i] - y[i]));
            }
        }
        return w;
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
