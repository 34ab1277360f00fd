package org.gdcert.initializers;

import static org.assertj.core.api.Assertions.assertThat;

import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.ParamValue;
import org.junit.jupiter.api.Test;

/** zero, identity, orthogonal and signs: exact structure. */
class StructuredInitializersTest {

    /** Tolerance: quadrature and series of order-1 quantities. */
    private static final double QUADRATURE = 1e-13;
    /** Tolerance: derived quantities that lose a few digits (ratios, square roots of Gram eigenvalues). */
    private static final double LOOSE = 1e-12;

    /** Householder QR: orthonormality to a few ulps times the dimension. */
    private static final double ORTHO_TOL = 1e-13;

    @Test
    void zeroOverwritesEverything() {
        for (double v : Contexts.single(Contexts.create(new ZeroProvider()), 6, 9, 3).data()) {
            assertThat(v).isEqualTo(0.0);
        }
    }

    @Test
    void identityIsTheScaledRectangularIdentity() {
        Initializer init = Contexts.create(new IdentityProvider(), Argument.named("scale", 2.5));
        for (int[] shape : new int[][] {{5, 3}, {3, 5}, {4, 4}}) {
            HostMatrix w = Contexts.single(init, shape[0], shape[1], 0);
            for (int i = 0; i < shape[0]; i++) {
                for (int j = 0; j < shape[1]; j++) {
                    assertThat(w.get(i, j)).isEqualTo(i == j ? 2.5 : 0.0);
                }
            }
            double[] sv = Spectra.singularValues(w);
            assertThat(sv).hasSize(Math.min(shape[0], shape[1])).containsOnly(2.5);
        }
        // positional: identity(3)
        HostMatrix w = Contexts.single(new IdentityProvider().configure(java.util.List.of(
                Argument.positional(ParamValue.Num.of(3)))).instance(), 2, 2, 0);
        assertThat(w.get(1, 1)).isEqualTo(3.0);
    }

    @Test
    void orthogonalHasOrthonormalColumnsOrRowsAndAllSingularValuesEqualToGain() {
        Initializer unit = Contexts.create(new OrthogonalProvider());
        for (int[] shape : new int[][] {{50, 30}, {30, 50}, {40, 40}, {7, 1}, {1, 7}}) {
            HostMatrix q = Contexts.single(unit, shape[0], shape[1], 11);
            assertThat(Stats.orthonormalityError(q)).as("%sx%s", shape[0], shape[1]).isLessThanOrEqualTo(ORTHO_TOL);
        }
        Initializer scaled = Contexts.create(new OrthogonalProvider(), Argument.named("gain", 2.0));
        HostMatrix w = Contexts.single(scaled, 30, 20, 4);
        for (double s : Spectra.singularValues(w)) {
            assertThat(s).isCloseTo(2.0, org.assertj.core.data.Offset.offset(QUADRATURE));
        }
    }

    @Test
    void orthogonalIsHaarNotBiased() {
        // With the sign fix, E[Q_ij] = 0 and E[Q_ij²] = 1/m for an m×n Haar matrix: average over draws.
        Initializer unit = Contexts.create(new OrthogonalProvider());
        int m = 6;
        int n = 3;
        int draws = 4000;
        double[] sum = new double[m * n];
        double sumSq = 0;
        for (int k = 0; k < draws; k++) {
            double[] q = Contexts.single(unit, m, n, 1000 + k).data();
            for (int i = 0; i < q.length; i++) {
                sum[i] += q[i];
                sumSq += q[i] * q[i];
            }
        }
        double sd = Math.sqrt(1.0 / m / draws);
        for (double s : sum) {
            assertThat(Math.abs(s / draws)).isLessThanOrEqualTo(Stats.Z * sd);
        }
        assertThat(sumSq / draws / (m * n)).isCloseTo(1.0 / m, org.assertj.core.data.Offset.offset(LOOSE));
    }

    @Test
    void orthogonalIsTheSignFixedQOfTheGaussianDraw() {
        // Q = G R⁻¹ with diag(R) > 0: QᵀG is upper triangular with a positive diagonal
        int m = 9;
        int n = 4;
        HostMatrix q = Contexts.single(Contexts.create(new OrthogonalProvider()), m, n, 77);
        org.gdcert.core.random.Rng rng = org.gdcert.core.random.Rng.of(77);
        HostMatrix g = new HostMatrix(m, n);
        for (int i = 0; i < m * n; i++) {
            g.data()[i] = rng.nextGaussian();
        }
        HostMatrix r = q.transpose().times(g);
        for (int i = 0; i < n; i++) {
            assertThat(r.get(i, i)).isPositive();
            for (int j = 0; j < i; j++) {
                assertThat(Math.abs(r.get(i, j))).isLessThanOrEqualTo(1e-13);
            }
        }
    }

    @Test
    void signsAreExactAndBalanced() {
        Initializer block = Contexts.create(new SignsProvider());
        Initializer alternate = Contexts.create(new SignsProvider(), Argument.named("arrangement",
                new ParamValue.Word("alternate")));
        for (int n : new int[] {1, 2, 7, 10, 201}) {
            double v = 1 / Math.sqrt(n);
            HostMatrix b = Contexts.single(block, n, 3, 0);
            HostMatrix a = Contexts.single(alternate, n, 3, 0);
            for (int j = 0; j < 3; j++) {
                int plusB = 0;
                int plusA = 0;
                for (int i = 0; i < n; i++) {
                    assertThat(Math.abs(b.get(i, j))).isEqualTo(v);
                    assertThat(Math.abs(a.get(i, j))).isEqualTo(v);
                    plusB += b.get(i, j) > 0 ? 1 : 0;
                    plusA += a.get(i, j) > 0 ? 1 : 0;
                    assertThat(b.get(i, j) > 0).isEqualTo(i < (n + 1) / 2);
                    assertThat(a.get(i, j) > 0).isEqualTo(i % 2 == 0);
                }
                assertThat(plusB).isEqualTo((n + 1) / 2);
                assertThat(plusA).isEqualTo((n + 1) / 2);
            }
        }
    }
}
