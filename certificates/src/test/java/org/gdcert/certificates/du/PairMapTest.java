package org.gdcert.certificates.du;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The tabulation speed-up of spec certificates-du.md §3.1.3: kernels of many unit-norm samples
 * (tabulated maps) agree entry by entry with kernels of a few of them (every entry direct), because
 * each entry depends only on its own pair and the diagonals.
 */
class PairMapTest {
    private static final double TOL = 1e-12;
    private static final int[] SUBSET = {0, 17, 33};

    private static double[][] subset(double[][] x) {
        double[][] s = new double[SUBSET.length][];
        for (int i = 0; i < SUBSET.length; i++) {
            s[i] = x[SUBSET[i]];
        }
        return s;
    }

    private static void assertSameEntries(double[][] full, double[][] small) {
        for (int i = 0; i < SUBSET.length; i++) {
            for (int j = 0; j < SUBSET.length; j++) {
                assertThat(Math.abs(full[SUBSET[i]][SUBSET[j]] - small[i][j])).isLessThan(TOL);
            }
        }
    }

    @Test
    void tabulatedFullyConnectedKernelMatchesDirectEntries() {
        double[][] x = DuFixtures.sphere(40, 5, 21);
        GaussianExpectations e = new GaussianExpectations(DuTestActivations.SOFTPLUS, 128);
        LimitKernels.Result full = LimitKernels.fullyConnected(x, 3, e, LimitKernels.Variant.CORRECTED);
        LimitKernels.Result small = LimitKernels.fullyConnected(subset(x), 3, e, LimitKernels.Variant.CORRECTED);
        assertThat(full.tabulatedMaps()).isPositive();
        assertThat(small.tabulatedMaps()).isZero();
        assertThat(full.tabulationError()).isLessThan(TOL);
        assertSameEntries(full.gram(), small.gram());
        assertSameEntries(full.feature(2), small.feature(2));
    }

    @Test
    void tabulatedResNetKernelMatchesDirectEntries() {
        double[][] x = DuFixtures.sphere(40, 5, 22);
        GaussianExpectations e = new GaussianExpectations(DuTestActivations.TANH, 128);
        LimitKernels.Result full = LimitKernels.resnet(x, 4, 0.5, e, LimitKernels.Variant.CORRECTED);
        LimitKernels.Result small = LimitKernels.resnet(subset(x), 4, 0.5, e, LimitKernels.Variant.CORRECTED);
        assertThat(full.tabulatedMaps()).isPositive();
        assertThat(full.tabulationError()).isLessThan(TOL);
        assertSameEntries(full.gram(), small.gram());
        assertSameEntries(full.feature(3), small.feature(3));
    }

    @Test
    void nonConstantDiagonalsAreNotTabulated() {
        double[][] x = DuFixtures.sphere(30, 4, 23);
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < 4; k++) {
                x[i][k] *= 1 + 0.01 * i;
            }
        }
        LimitKernels.Result r = LimitKernels.fullyConnected(x, 2, new GaussianExpectations(DuTestActivations.SOFTPLUS,
                64), LimitKernels.Variant.CORRECTED);
        assertThat(r.tabulatedMaps()).isZero();
    }

    @Test
    void barycentricInterpolationIsExactOnPolynomials() {
        double[] nodes = new double[PairMap.POINTS];
        double[] values = new double[PairMap.POINTS];
        for (int p = 0; p < nodes.length; p++) {
            nodes[p] = Math.cos(Math.PI * p / (nodes.length - 1));
            values[p] = 3 * Math.pow(nodes[p], 5) - nodes[p] + 0.25;
        }
        for (double t = -1; t <= 1; t += 0.0137) {
            assertThat(PairMap.interpolate(nodes, values, t)).isCloseTo(3 * Math.pow(t, 5) - t + 0.25,
                    org.assertj.core.api.Assertions.within(1e-13));
        }
    }
}
