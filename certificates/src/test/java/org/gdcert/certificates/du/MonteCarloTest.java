package org.gdcert.certificates.du;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Matrix;
import org.junit.jupiter.api.Test;

/**
 * Monte Carlo tests of spec certificates-du.md §7.4 (seeded, statistical): the mean of the finite
 * Grams over S independent initializations against the corrected limit, with the error bound
 * 6·sd/√S + C/m per entry; the paper-literal variants must miss it. These tests are the defence
 * against the typos of spec §8. Sizes are smaller than the script's §F (m = 1024, S = 300–400) to
 * keep the suite fast (m = 256, S = 100–300); the bound scales accordingly, and the
 * non-unit rows of the pairing case are stretched (norms 0.3, 2, 1) to keep the paper's pairing
 * clearly outside it.
 */
class MonteCarloTest {
    /**
     * C of the finite-width bias term C/m, calibrated once on these cases: with C = 1 the corrected
     * formulas use at most a quarter of the bound (worst ratios 0.18–0.25 at m = 256).
     */
    private static final double BIAS_CONSTANT = 1.0;
    private static final double SIGMAS = 6;

    /** Per-entry mean and standard deviation of a matrix statistic over S seeds. */
    private static double[][][] meanAndSd(NetworkSpec spec, double[][] x, int seeds, long base,
            Function<GramProbe.Snapshot, double[][]> stat) {
        int n = x.length;
        double[][] sum = new double[n][n];
        double[][] sum2 = new double[n][n];
        for (int s = 0; s < seeds; s++) {
            List<HostMatrix> w = DuFixtures.gaussianWeights(spec, base + s, 1);
            List<HostMatrix> b = new ArrayList<>();
            for (int l = 0; l < spec.depth(); l++) {
                b.add(null);
            }
            Network net = new Network(ParameterSet.upload(spec, DuFixtures.BACKEND, w, b));
            double[][] v;
            try (Matrix mx = DuFixtures.BACKEND.upload(HostMatrix.of(x)); ForwardPass fp = net.newForwardPass(n);
                    GramProbe p = new GramProbe(net, n)) {
                net.forward(mx, fp);
                v = stat.apply(p.measure(fp));
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    sum[i][j] += v[i][j];
                    sum2[i][j] += v[i][j] * v[i][j];
                }
            }
        }
        double[][] mean = new double[n][n];
        double[][] sd = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                mean[i][j] = sum[i][j] / seeds;
                sd[i][j] = Math.sqrt(Math.max(0, sum2[i][j] / seeds - mean[i][j] * mean[i][j]));
            }
        }
        return new double[][][] {mean, sd};
    }

    /** Largest |mean − K| / (6 sd/√S + C/m) over the entries: ≤ 1 passes the spec's bound. */
    private static double worstRatio(double[][][] ms, double[][] k, int seeds, int m) {
        double worst = 0;
        for (int i = 0; i < k.length; i++) {
            for (int j = 0; j < k.length; j++) {
                double bound = SIGMAS * ms[1][i][j] / Math.sqrt(seeds) + BIAS_CONSTANT / m;
                worst = Math.max(worst, Math.abs(ms[0][i][j] - k[i][j]) / bound);
            }
        }
        return worst;
    }

    @Test
    void fullyConnectedIndexCorrection() {
        int m = 256;
        int seeds = 200;
        Activation sp = DuTestActivations.SOFTPLUS;
        NetworkSpec spec = DuFixtures.fc(3, m, 2, "softplus", sp);
        GaussianExpectations e = new GaussianExpectations(sp, 128);
        double[][] corrected = LimitKernels.fullyConnected(LimitKernelsTest.D3, 2, e,
                LimitKernels.Variant.CORRECTED).gram();
        double[][] literal = LimitKernels.fullyConnected(LimitKernelsTest.D3, 2, e,
                LimitKernels.Variant.LITERAL_INDEX).gram();
        double[][][] ms = meanAndSd(spec, LimitKernelsTest.D3, seeds, 1000, s -> s.layer(2));
        assertThat(worstRatio(ms, corrected, seeds, m)).isLessThanOrEqualTo(1);
        assertThat(worstRatio(ms, literal, seeds, m)).isGreaterThan(1);
    }

    @Test
    void resNetPairingCorrection() {
        int m = 256;
        int seeds = 300;
        double cres = 0.9;
        Activation cos = DuTestActivations.COS;
        // non-unit-norm rows (the pairing matters only there); norms 0.3, 2, 1 as a stronger version of §F2
        double[][] x = {{0.3, 0, 0}, {2 * Math.cos(2.0), 2 * Math.sin(2.0), 0}, {0, 0.6, 0.8}};
        NetworkSpec spec = DuFixtures.resnet(3, m, 3, cres, "cos", cos);
        GaussianExpectations e = new GaussianExpectations(cos, 128);
        LimitKernels.Result derived = LimitKernels.resnet(x, 3, cres, e, LimitKernels.Variant.CORRECTED);
        LimitKernels.Result paper = LimitKernels.resnet(x, 3, cres, e, LimitKernels.Variant.PAPER_PAIRING);
        double[][][] feature = meanAndSd(spec, x, seeds, 5000, s -> s.feature(2));
        assertThat(worstRatio(feature, derived.feature(2), seeds, m)).isLessThanOrEqualTo(1);
        assertThat(worstRatio(feature, paper.feature(2), seeds, m)).isGreaterThan(1);
    }

    @Test
    void resNetIndexCorrection() {
        int m = 256;
        int seeds = 100;
        double cres = 0.9;
        Activation cos = DuTestActivations.COS;
        double[][] x = {{0.5, 0, 0}, {1.5 * Math.cos(2.0), 1.5 * Math.sin(2.0), 0}, {0, 0.6, 0.8}};
        NetworkSpec spec = DuFixtures.resnet(3, m, 2, cres, "cos", cos);
        GaussianExpectations e = new GaussianExpectations(cos, 128);
        double[][] derived = LimitKernels.resnet(x, 2, cres, e, LimitKernels.Variant.CORRECTED).gram();
        double[][] literal = LimitKernels.resnet(x, 2, cres, e, LimitKernels.Variant.LITERAL_INDEX).gram();
        double[][][] gram = meanAndSd(spec, x, seeds, 7000, s -> s.layer(2));
        assertThat(worstRatio(gram, derived, seeds, m)).isLessThanOrEqualTo(1);
        assertThat(worstRatio(gram, literal, seeds, m)).isGreaterThan(1);
    }
}
