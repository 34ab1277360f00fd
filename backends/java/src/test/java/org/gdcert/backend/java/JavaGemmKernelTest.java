package org.gdcert.backend.java;

import static org.assertj.core.api.Assertions.assertThat;

import org.gdcert.core.backend.BlockedGemm;
import org.gdcert.core.backend.Parallel;
import org.gdcert.core.backend.ReferenceGemm;
import org.gdcert.core.random.Rng;
import org.junit.jupiter.api.Test;

/**
 * The java kernels through {@link BlockedGemm} on sub-matrices of larger arrays (leading dimensions
 * above the widths, as the driver's contract allows), checked against {@link ReferenceGemm}; the
 * entries outside C's window must stay as they were.
 */
class JavaGemmKernelTest {
    private static final double TOL = 1e-12;
    private static final double FLOAT_TOL = 1e-5;
    private static final int PAD = 5;

    @Test
    void honoursLeadingDimensionsInEveryCase() {
        Rng rng = Rng.of(11).stream("leading dimensions");
        int[][] shapes = {{67, 131, 29}, {389, 23, 250}, {40, 300, 260}, {6, 6, 6}, {1, 50, 20}};
        try (Parallel parallel = new Parallel(2)) {
            BlockedGemm gemm = new BlockedGemm(parallel, new JavaDoubleKernel(), new JavaFloatKernel());
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

    private static double[] random(Rng rng, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = rng.nextDouble(-1, 1);
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
