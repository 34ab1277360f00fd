package org.gdcert.initializers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.ParamValue;
import org.junit.jupiter.api.Test;

/** The seeds' constructions: nm20 (seed 000), n21 (seed 001), song (seed 003), shallow_gaussian (seed 004). */
class SeedConstructionsTest {

    /** Tolerance: rounding of values around 0.05. */
    private static final double ROUNDING_TINY = 1e-17;
    /** Tolerance: rounding of values below 1 (an ulp or two). */
    private static final double ROUNDING = 1e-16;
    /** Tolerance: derived quantities that lose a few digits (ratios, square roots of Gram eigenvalues). */
    private static final double LOOSE = 1e-12;
    /** Tolerance: constants printed with 10 significant digits. */
    private static final double SPEC_10_DIGITS = 1e-10;
    /** Tolerance: constants printed with 9-10 significant digits. */
    private static final double SPEC_9_DIGITS = 1e-9;

    /** Extreme eigenvalues of the smaller Gram WᵀW or WWᵀ by EJML's symmetric eigensolver (not the SVD used inside). */
    private static double[] extremeSingularValuesByGram(HostMatrix w) {
        HostMatrix g = w.rows() >= w.cols() ? w.transpose().times(w) : w.times(w.transpose());
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(g.rows(), false, true);
        assertThat(eig.decompose(new DMatrixRMaj(g.rows(), g.cols(), true, g.data().clone()))).isTrue();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
            double v = eig.getEigenvalue(i).getReal();
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new double[] {Math.sqrt(lo), Math.sqrt(hi)};
    }

    private static void assertMeetsSection31(HostMatrix w, double c, double margin) {
        double[] ext = extremeSingularValuesByGram(w);
        double lambda = ext[0];
        double norm = ext[1];
        assertThat(lambda).as("lambda_l >= 1").isGreaterThanOrEqualTo(1.0);
        assertThat(lambda * lambda).as("lambda_l^2 >= c ||W||").isGreaterThanOrEqualTo(c * norm);
        // the binding inequality holds with exactly the requested slack (SVD of the result)
        double[] sv = Spectra.singularValues(w);
        double a = sv[sv.length - 1];
        double b = sv[0];
        assertThat(Math.min(a, a * a / (c * b))).isCloseTo(1 + margin, offset(LOOSE));
    }

    @Test
    void autoscaleMeetsItsTwoInequalitiesExactly() {
        for (double c : new double[] {1.01, 2, 10}) {
            for (double margin : new double[] {1e-9, 0.01}) {
                Initializer init = Contexts.create(new Nm20AutoscaleProvider(), Argument.named("c", c),
                        Argument.named("margin", margin));
                for (int[] shape : new int[][] {{60, 40}, {41, 40}, {40, 60}, {30, 30}, {5, 1}}) {
                    HostMatrix w = Contexts.single(init, shape[0], shape[1], 3 + shape[0]);
                    assertMeetsSection31(w, c, margin);
                }
            }
        }
    }

    @Test
    void autoscaleScalesTheLecunDrawOnly() {
        // W = s·G with G the LeCun draw of the same seed: all ratios W_ij / G_ij equal
        HostMatrix w = Contexts.single(Contexts.create(new Nm20AutoscaleProvider()), 20, 10, 8);
        HostMatrix g = Contexts.single(Contexts.create(new LecunProvider()), 20, 10, 8);
        double s = w.get(0, 0) / g.get(0, 0);
        assertThat(s).isGreaterThan(1);
        for (int i = 0; i < 200; i++) {
            assertThat(w.data()[i] / g.data()[i]).isCloseTo(s, offset(1e-14 * s));
        }
    }

    @Test
    void pyramidalBuildsTheWholeSection31Construction() {
        int[] widths = {5, 40, 16, 12, 3};
        for (String scheme : List.of("autoscale", "identity", "gaussian")) {
            Initializer init = Contexts.create(new Nm20PyramidalProvider(), Argument.named("c", 3.0),
                    Argument.named("scheme", new ParamValue.Word(scheme)));
            List<HostMatrix> ws = Contexts.network(init, widths, 21);
            // W1 LeCun (rough check on 200 entries), W2 = 0 (v = 0)
            assertThat(Stats.meanSquare(ws.get(0).data())).isCloseTo(1.0 / 5, offset(0.1));
            assertThat(ws.get(1).data()).containsOnly(0.0);
            for (int l = 3; l <= 4; l++) {
                HostMatrix w = ws.get(l - 1);
                switch (scheme) {
                    case "autoscale" -> assertMeetsSection31(w, 3.0, 0.01);
                    case "identity" -> {
                        assertThat(w.get(0, 0)).isEqualTo(3.0 * 1.01);
                        assertMeetsSection31(w, 3.0, 0.01);
                    }
                    default -> assertThat(Math.sqrt(Stats.meanSquare(w.data())))
                            .isCloseTo(600 / Math.sqrt(widths[l - 1]), offset(0.5 * 600 / Math.sqrt(widths[l - 1])));
                }
            }
        }
        // v > 0: W2 ~ N(0, v)
        Initializer withV = Contexts.create(new Nm20PyramidalProvider(), Argument.named("v", 0.04));
        HostMatrix w2 = Contexts.network(withV, new int[] {3, 600, 500, 2}, 2).get(1);
        assertThat(Stats.meanSquare(w2.data()) / 0.04 - 1).isBetween(-Stats.varianceTolerance(300_000, 3),
                Stats.varianceTolerance(300_000, 3));
    }

    @Test
    void n21ScaledIsBetaTimesLecunWithAZeroOutputLayer() {
        int[] widths = {4, 30, 20, 2};
        List<HostMatrix> base = Contexts.network(Contexts.create(new N21ScaledProvider()), widths, 9);
        List<HostMatrix> scaled = Contexts.network(Contexts.create(new N21ScaledProvider(),
                Argument.named("beta", 7.5)), widths, 9);
        for (int l = 0; l < 2; l++) {
            for (int i = 0; i < base.get(l).data().length; i++) {
                assertThat(scaled.get(l).data()[i]).isCloseTo(7.5 * base.get(l).data()[i],
                        offset(1e-15 * Math.abs(7.5 * base.get(l).data()[i])));
            }
        }
        assertThat(scaled.get(2).data()).containsOnly(0.0);
        // the base weights are LeCun (same draws as lecun itself)
        List<HostMatrix> lecun = Contexts.network(Contexts.create(new LecunProvider()), widths, 9);
        assertThat(base.get(0)).isEqualTo(lecun.get(0));
    }

    @Test
    void n21Cor32ShrinksTheOutputLayer() {
        int[] widths = {10, 50, 1000, 300};
        List<HostMatrix> ws = Contexts.network(Contexts.create(new N21Cor32Provider()), widths, 4);
        double expected = Math.pow(1000, -4.0 / 3);
        assertThat(Stats.meanSquare(ws.get(2).data()) / expected - 1).isBetween(
                -Stats.varianceTolerance(300_000, 3), Stats.varianceTolerance(300_000, 3));
        assertThat(Stats.meanSquare(ws.get(1).data()) * 50).isCloseTo(1.0, offset(0.05));
    }

    @Test
    void songFamilyReproducesHeAndLecunAndTheAppendixGParameterisation() {
        SongProvider.Family he = (SongProvider.Family) Contexts.create(new SongProvider());
        double[] w = he.omegas(784, 1000);
        // certificates-song.md §3.4: He for d0 = 784, d1 = 1000
        assertThat(w[0]).isCloseTo(0.0505076272, offset(SPEC_10_DIGITS));
        assertThat(w[1]).isCloseTo(0.0447213595, offset(SPEC_10_DIGITS));
        assertThat(w[0] * w[1]).isCloseTo(0.0022587698, offset(SPEC_10_DIGITS));
        SongProvider.Family lecun = (SongProvider.Family) Contexts.create(new SongProvider(),
                Argument.named("product", "lecun"));
        double[] l = lecun.omegas(784, 1000);
        assertThat(l[0]).isCloseTo(1 / Math.sqrt(784), offset(ROUNDING));
        assertThat(l[1]).isCloseTo(1 / Math.sqrt(1000), offset(ROUNDING));
        SongProvider.Family byOmega2 = (SongProvider.Family) Contexts.create(new SongProvider(),
                Argument.named("omega2", 0.1));
        double[] g = byOmega2.omegas(784, 1000);
        assertThat(g[1]).isEqualTo(0.1);
        assertThat(g[0]).isCloseTo(0.0022587698 / 0.1, offset(SPEC_9_DIGITS));
        SongProvider.Family byRatio = (SongProvider.Family) Contexts.create(new SongProvider(),
                Argument.named("product", 0.01), Argument.named("ratio", 4.0));
        assertThat(byRatio.omegas(10, 10)[0]).isCloseTo(0.05, offset(ROUNDING_TINY));
        assertThat(byRatio.omegas(10, 10)[1]).isCloseTo(0.2, offset(ROUNDING));
        assertThatThrownBy(() -> new SongProvider().configure(List.of(Argument.named("ratio", 2.0),
                Argument.named("omega2", 0.1)))).hasMessageContaining("give ratio or omega2, not both");
    }

    @Test
    void songDrawsBothLayersFromTheLayerSizes() {
        int[] widths = {400, 900, 3};
        List<HostMatrix> ws = Contexts.network(Contexts.create(new SongProvider()), widths, 12);
        assertThat(Stats.meanSquare(ws.get(0).data()) / (2.0 / 400) - 1).isBetween(
                -Stats.varianceTolerance(360_000, 3), Stats.varianceTolerance(360_000, 3));
        assertThat(Stats.meanSquare(ws.get(1).data()) / (2.0 / 900) - 1).isBetween(-0.3, 0.3);
        assertThatThrownBy(() -> Contexts.network(Contexts.create(new SongProvider()), new int[] {3, 4, 5, 1}, 1))
                .hasMessageContaining("two-layer");
    }

    @Test
    void shallowGaussianDefaultsToLecunAndTakesRho() {
        int[] widths = {300, 2000, 2};
        List<HostMatrix> ws = Contexts.network(Contexts.create(new ShallowGaussianProvider()), widths, 6);
        assertThat(Stats.meanSquare(ws.get(0).data()) * 300 - 1).isBetween(-Stats.varianceTolerance(600_000, 3),
                Stats.varianceTolerance(600_000, 3));
        List<HostMatrix> rho = Contexts.network(Contexts.create(new ShallowGaussianProvider(),
                Argument.named("rho", 2.0), Argument.named("beta_w", 1.0)), new int[] {300, 2000, 200}, 6);
        assertThat(Stats.meanSquare(rho.get(0).data()) - 1).isBetween(-Stats.varianceTolerance(600_000, 3),
                Stats.varianceTolerance(600_000, 3));
        assertThat(Stats.meanSquare(rho.get(1).data()) / Math.pow(2000, -2.0) - 1).isBetween(
                -Stats.varianceTolerance(400_000, 3), Stats.varianceTolerance(400_000, 3));
        assertThatThrownBy(() -> new ShallowGaussianProvider().configure(List.of(Argument.named("rho", 1.0),
                Argument.named("beta_v", 0.1)))).hasMessageContaining("give beta_v or rho, not both");
    }
}
