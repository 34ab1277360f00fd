package org.gdcert.backend.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gdcert.core.random.Rng;
import org.junit.jupiter.api.Test;

/**
 * The elementwise kernels on sub-ranges whose ends are not multiples of the vector length (the
 * scalar tails and the unaligned starts that {@code Parallel} hands out), against plain loops; the
 * entries outside the range must stay as they were. Reductions are compared with sums in double.
 */
class VectorOpsTest {
    private static final double TOL = 1e-15;
    private static final int N = 203;
    private static final int[][] RANGES = {{0, N}, {3, 200}, {5, 6}, {7, 7}, {1, 66}, {64, 203}};

    @Test
    void doubleKernelsOnRanges() {
        Rng rng = Rng.of(21).stream("ops");
        double[] x = VectorGemmKernelTest.random(rng, N);
        double[] y = VectorGemmKernelTest.random(rng, N);
        for (int[] r : RANGES) {
            double[] o = VectorGemmKernelTest.random(rng, N);
            double[] h = o.clone();
            double[] d = o.clone();
            double[] ax = o.clone();
            double[] a0 = o.clone();
            double[] a1 = o.clone();
            VectorOps.hadamard(x, y, h, r[0], r[1]);
            VectorOps.sub(x, y, d, r[0], r[1]);
            VectorOps.axpby(0.75, x, -1.25, ax, r[0], r[1]);
            VectorOps.axpby(0.75, x, 0, a0, r[0], r[1]);
            VectorOps.axpby(0.75, x, 1, a1, r[0], r[1]);
            double dot = 0;
            for (int i = 0; i < N; i++) {
                boolean in = i >= r[0] && i < r[1];
                assertThat(h[i]).isCloseTo(in ? x[i] * y[i] : o[i], within(TOL));
                assertThat(d[i]).isCloseTo(in ? x[i] - y[i] : o[i], within(TOL));
                assertThat(ax[i]).isCloseTo(in ? 0.75 * x[i] - 1.25 * o[i] : o[i],
                        within(4 * TOL));
                assertThat(a0[i]).isCloseTo(in ? 0.75 * x[i] : o[i], within(TOL));
                assertThat(a1[i]).isCloseTo(in ? 0.75 * x[i] + o[i] : o[i],
                        within(4 * TOL));
                if (in) {
                    dot += x[i] * y[i];
                }
            }
            assertThat(VectorOps.dot(x, y, r[0], r[1])).isCloseTo(dot,
                    within(TOL * N));
        }
    }

    @Test
    void floatKernelsOnRangesAndReductionsInDouble() {
        Rng rng = Rng.of(22).stream("float ops");
        float[] x = VectorGemmKernelTest.toFloat(VectorGemmKernelTest.random(rng, N));
        float[] y = VectorGemmKernelTest.toFloat(VectorGemmKernelTest.random(rng, N));
        for (int[] r : RANGES) {
            float[] o = VectorGemmKernelTest.toFloat(VectorGemmKernelTest.random(rng, N));
            float[] h = o.clone();
            float[] d = o.clone();
            float[] ax = o.clone();
            VectorOps.hadamard(x, y, h, r[0], r[1]);
            VectorOps.sub(x, y, d, r[0], r[1]);
            VectorOps.axpby(0.75f, x, -1.25f, ax, r[0], r[1]);
            double dot = 0;
            for (int i = 0; i < N; i++) {
                boolean in = i >= r[0] && i < r[1];
                assertThat(h[i]).isEqualTo(in ? x[i] * y[i] : o[i]);
                assertThat(d[i]).isEqualTo(in ? x[i] - y[i] : o[i]);
                assertThat((double) ax[i]).isCloseTo(in ? 0.75 * x[i] - 1.25 * o[i] : o[i],
                        within(1e-6));
                if (in) {
                    dot += (double) x[i] * y[i];
                }
            }
            // products of floats are exact in double, so only the order of the double sums differs
            assertThat(VectorOps.dot(x, y, r[0], r[1])).isCloseTo(dot,
                    within(TOL * N));
        }
    }
}
