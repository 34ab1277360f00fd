package org.gdcert.certificates.du;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gdcert.core.spi.Activation;
import org.gdcert.core.testing.TestActivations;
import org.junit.jupiter.api.Test;

/**
 * Golden values of spec certificates-du.md §7.2 (T1–T8) and the kernel identities of §7.3 (T12,
 * T12b). Expected numbers come from {@code shared/specs/certificates-du-scripts/du_reference.py}
 * (sections in brackets; its output is kept in src/test/resources/du_reference_output.txt).
 */
class LimitKernelsTest {
    /** Closed forms (§7.2). */
    private static final double CLOSED = 1e-12;
    /** Gauss–Hermite with N ≥ 96 (§7.2). */
    private static final double GH = 1e-10;
    /** c_σ is printed with 12 significant digits. */
    private static final double CSIGMA = 2e-11;
    private static final int N = 128;

    static final double[][] D3 = {{1, 0, 0}, {Math.cos(2.5), Math.sin(2.5), 0}, {0, 0.6, 0.8}};

    static double[][] d2(double theta) {
        return new double[][] {{1, 0}, {Math.cos(theta), Math.sin(theta)}};
    }

    private static GaussianExpectations e(Activation a) {
        return new GaussianExpectations(a, N);
    }

    private static LimitKernels.Result fc(double[][] x, int h, Activation a) {
        return LimitKernels.fullyConnected(x, h, e(a), LimitKernels.Variant.CORRECTED);
    }

    private static LimitKernels.Result res(double[][] x, int h, double cres, Activation a) {
        return LimitKernels.resnet(x, h, cres, e(a), LimitKernels.Variant.CORRECTED);
    }

    private static double lambda0(LimitKernels.Result r) {
        return SymmetricSpectrum.of(r.gram()).min();
    }

    @Test
    void t1CSigmaTable() {
        assertThat(e(DuTestActivations.SOFTPLUS).cSigma()).isCloseTo(1.08548650299, within(CSIGMA));
        assertThat(e(DuTestActivations.TANH).cSigma()).isCloseTo(2.53617543322, within(CSIGMA));
        assertThat(e(DuTestActivations.ERF).cSigma()).isCloseTo(2.15257886061, within(CSIGMA));
        assertThat(e(DuTestActivations.SIN).cSigma()).isCloseTo(2.31303528550, within(CSIGMA));
        assertThat(e(DuTestActivations.COS).cSigma()).isCloseTo(1.76159415596, within(CSIGMA));
        assertThat(e(DuTestActivations.SIGMOID).cSigma()).isCloseTo(3.40855984162, within(CSIGMA));
        assertThat(e(DuTestActivations.GELU).cSigma()).isCloseTo(2.35171561407, within(CSIGMA));
        assertThat(e(DuTestActivations.SILU).cSigma()).isCloseTo(2.81076112407, within(CSIGMA));
        // the closed forms of erf, sin, cos against their exact c_σ
        assertThat(e(DuTestActivations.ERF).cSigma()).isCloseTo(Math.PI / (2 * Math.asin(2.0 / 3)), within(CLOSED));
        assertThat(e(DuTestActivations.SIN).cSigma()).isCloseTo(2 / (1 - Math.exp(-2)), within(CLOSED));
        assertThat(e(DuTestActivations.COS).cSigma()).isCloseTo(2 / (1 + Math.exp(-2)), within(CLOSED));
        // and quadrature without the closed forms agrees
        assertThat(new GaussianExpectations(TestActivations.scalarOnly(DuTestActivations.COS), N).cSigma())
                .isCloseTo(2 / (1 + Math.exp(-2)), within(CLOSED));
    }

    @Test
    void t1MeansOfTheActivations() {
        assertThat(e(DuTestActivations.SOFTPLUS).mean(1)).isCloseTo(0.806059183347, within(1e-11));
        assertThat(e(DuTestActivations.COS).mean(1)).isCloseTo(Math.exp(-0.5), within(CLOSED));
        assertThat(e(DuTestActivations.GELU).mean(1)).isCloseTo(1 / (2 * Math.sqrt(Math.PI)), within(1e-11));
    }

    @Test
    void t2aFullyConnectedSinClosedForm() {
        double[][] x = d2(Math.PI / 3);
        double[] k12 = {0.479758687834, 0.415008191763, 0.357198164190};
        double[] l0 = {0.833276597666, 0.898027093736, 0.955837121309};
        for (int h = 1; h <= 3; h++) {
            LimitKernels.Result r = fc(x, h, DuTestActivations.SIN);
            assertThat(r.gram()[0][0]).isCloseTo(1.313035285499, within(CLOSED));
            assertThat(r.gram()[0][0]).isCloseTo(Math.cosh(1) / Math.sinh(1), within(CLOSED));
            assertThat(r.gram()[0][1]).isCloseTo(k12[h - 1], within(CLOSED));
            assertThat(lambda0(r)).isCloseTo(l0[h - 1], within(CLOSED));
            // the same recursion by quadrature
            LimitKernels.Result q = LimitKernels.fullyConnected(x, h,
                    new GaussianExpectations(DuTestActivations.SIN, N, false), LimitKernels.Variant.CORRECTED);
            assertThat(KernelSolver.maxAbsDiff(q.gram(), r.gram())).isLessThan(CLOSED);
        }
        // the spec's scalar closed form ρ^(h) = sinh(ρ^(h−1))/sinh 1, K12 = ρ cosh ρ / sinh 1
        double rho = 0.5;
        for (int h = 1; h <= 3; h++) {
            assertThat(fc(x, h, DuTestActivations.SIN).gram()[0][1])
                    .isCloseTo(rho * Math.cosh(rho) / Math.sinh(1), within(CLOSED));
            rho = Math.sinh(rho) / Math.sinh(1);
        }
    }

    @Test
    void t2bFullyConnectedErfClosedForm() {
        double[][] x = d2(Math.PI / 3);
        double[] k12 = {0.484500467505, 0.447576654509, 0.412762922107};
        double[] l0 = {0.741199536281, 0.778123349277, 0.812937081679};
        for (int h = 1; h <= 3; h++) {
            LimitKernels.Result r = fc(x, h, DuTestActivations.ERF);
            assertThat(r.gram()[0][0]).isCloseTo(1.225700003786, within(CLOSED));
            assertThat(r.gram()[0][1]).isCloseTo(k12[h - 1], within(CLOSED));
            assertThat(lambda0(r)).isCloseTo(l0[h - 1], within(CLOSED));
        }
    }

    @Test
    void t3ReluClosedFormAndTheTwoLayerKernel() {
        double[][] x = d2(Math.PI / 3);
        LimitKernels.Result r1 = fc(x, 1, DuTestActivations.RELU);
        assertThat(r1.gram()[0][0]).isCloseTo(1, within(CLOSED));
        assertThat(r1.gram()[0][1]).isCloseTo(1.0 / 3, within(CLOSED));
        assertThat(lambda0(r1)).isCloseTo(2.0 / 3, within(CLOSED));
        // K^(1) = c_σ H^∞ with H^∞_12 = ρ(π − arccos ρ)/(2π) (A7)
        double rho = 0.5;
        assertThat(r1.gram()[0][1]).isCloseTo(2 * rho * (Math.PI - Math.acos(rho)) / (2 * Math.PI), within(CLOSED));
        assertThat(fc(x, 2, DuTestActivations.RELU).gram()[0][1]).isCloseTo(0.431431185713, within(CLOSED));
        assertThat(fc(x, 3, DuTestActivations.RELU).gram()[0][1]).isCloseTo(0.505898701220, within(CLOSED));
    }

    @Test
    void t4PriceIdentity() {
        GaussianExpectations s = e(DuTestActivations.SOFTPLUS);
        double h = 1e-5;
        double fd = (s.pair(1.3, 0.7, 0.4 + h) - s.pair(1.3, 0.7, 0.4 - h)) / (2 * h);
        double direct = s.derivativePair(1.3, 0.7, 0.4);
        assertThat(direct).isCloseTo(0.2672052757, within(1e-10));
        assertThat(fd).isCloseTo(direct, within(1e-9));
    }

    @Test
    void t5FullyConnectedSoftplusD3() {
        double diag = 0.318458983684;
        double[][] expected = {
            {-0.187363351436, 0, 0.103432160128},
            {0.148211040309, 0.214621630811, 0.249038310898},
            {0.263683800306, 0.285198525077, 0.296268227969}};
        double[] l0 = {0.104442074982, 0.053336298622, 0.017448725695};
        for (int h = 1; h <= 3; h++) {
            LimitKernels.Result r = fc(D3, h, DuTestActivations.SOFTPLUS);
            for (int i = 0; i < 3; i++) {
                assertThat(r.gram()[i][i]).isCloseTo(diag, within(GH));
            }
            assertThat(r.gram()[0][1]).isCloseTo(expected[h - 1][0], within(GH));
            assertThat(r.gram()[0][2]).isCloseTo(expected[h - 1][1], within(GH));
            assertThat(r.gram()[1][2]).isCloseTo(expected[h - 1][2], within(GH));
            assertThat(lambda0(r)).isCloseTo(l0[h - 1], within(GH));
        }
        assertThat(fc(D3, 1, DuTestActivations.SOFTPLUS).gram()[0][2]).isEqualTo(0.0);
        LimitKernels.Result r3 = fc(D3, 3, DuTestActivations.SOFTPLUS);
        assertThat(r3.feature(1)[0][1]).isCloseTo(0.50281310656, within(GH));
        assertThat(r3.feature(1)[0][2]).isCloseTo(0.70527467293, within(GH));
        assertThat(r3.feature(1)[1][2]).isCloseTo(0.805710305858, within(GH));
        assertThat(r3.feature(2)[0][1]).isCloseTo(0.847593335723, within(GH));
        assertThat(r3.feature(2)[0][2]).isCloseTo(0.908236070449, within(GH));
        assertThat(r3.feature(2)[1][2]).isCloseTo(0.939039424763, within(GH));
        // K^(H)_ii = c_σ E[σ'(z)²] (§3.2 identities)
        GaussianExpectations s = e(DuTestActivations.SOFTPLUS);
        assertThat(s.cSigma() * s.derivativeMeanSquare()).isCloseTo(diag, within(GH));
    }

    @Test
    void t5NegativeThePrintedIndexGivesAnotherNumber() {
        LimitKernels.Result literal = LimitKernels.fullyConnected(D3, 2, e(DuTestActivations.SOFTPLUS),
                LimitKernels.Variant.LITERAL_INDEX);
        assertThat(literal.gram()[0][1]).isCloseTo(0.117592834746, within(GH));
        // ... which is not the corrected value (A6)
        assertThat(Math.abs(literal.gram()[0][1] - 0.148211040309)).isGreaterThan(0.03);
    }

    @Test
    void t6ResNetCosClosedForm() {
        LimitKernels.Result r2 = res(D3, 2, 0.5, DuTestActivations.COS);
        assertThat(r2.gram()[0][0]).isCloseTo(0.027020772399, within(CLOSED));
        assertThat(r2.gram()[0][1]).isCloseTo(0.019550933878, within(CLOSED));
        assertThat(r2.gram()[0][2]).isCloseTo(0.010346476962, within(CLOSED));
        assertThat(r2.gram()[1][2]).isCloseTo(0.011846797663, within(CLOSED));
        assertThat(lambda0(r2)).isCloseTo(7.385536623079e-3, within(CLOSED));
        LimitKernels.Result r3 = res(D3, 3, 0.5, DuTestActivations.COS);
        assertThat(r3.gram()[0][0]).isCloseTo(0.014818322524, within(CLOSED));
        assertThat(r3.gram()[0][1]).isCloseTo(0.011115379653, within(CLOSED));
        assertThat(r3.gram()[0][2]).isCloseTo(0.006470372578, within(CLOSED));
        assertThat(r3.gram()[1][2]).isCloseTo(0.007238727690, within(CLOSED));
        assertThat(lambda0(r3)).isCloseTo(3.660402784702e-3, within(CLOSED));
        LimitKernels.Result r5 = res(D3, 5, 0.5, DuTestActivations.COS);
        assertThat(r5.gram()[0][0]).isCloseTo(0.006100834543, within(CLOSED));
        assertThat(lambda0(r5)).isCloseTo(1.409042166847e-3, within(CLOSED));
    }

    @Test
    void t7ResNetSoftplus() {
        LimitKernels.Result r2 = res(D3, 2, 0.5, DuTestActivations.SOFTPLUS);
        assertThat(r2.gram()[0][0]).isCloseTo(0.018336189741, within(GH));
        assertThat(r2.gram()[0][1]).isCloseTo(0.008533675908, within(GH));
        assertThat(lambda0(r2)).isCloseTo(3.070990431180e-3, within(GH));
        LimitKernels.Result r3 = res(D3, 3, 0.5, DuTestActivations.SOFTPLUS);
        assertThat(r3.gram()[0][0]).isCloseTo(0.010452895359, within(GH));
        assertThat(r3.gram()[0][1]).isCloseTo(0.005834523305, within(GH));
        assertThat(r3.gram()[0][2]).isCloseTo(0.007642338285, within(GH));
        assertThat(r3.gram()[1][2]).isCloseTo(0.008575840513, within(GH));
        assertThat(lambda0(r3)).isCloseTo(1.451011677363e-3, within(GH));
        LimitKernels.Result r5 = res(D3, 5, 0.5, DuTestActivations.SOFTPLUS);
        assertThat(lambda0(r5)).isCloseTo(5.447084514956e-4, within(GH));
        // H² λ_0 / c_res² is roughly constant in H (§7.1 (c))
        assertThat(lambda0(r2) * 4 / 0.25).isCloseTo(0.0491358469, within(1e-9));
        assertThat(lambda0(r3) * 9 / 0.25).isCloseTo(0.0522364204, within(1e-9));
        assertThat(lambda0(r5) * 25 / 0.25).isCloseTo(0.0544708451, within(1e-9));
        double[] kappa = {1, 1, 1.144599180093, 1.305570947013, 1.483981399912};
        for (int h = 0; h <= 4; h++) {
            for (int i = 0; i < 3; i++) {
                assertThat(r5.feature(h)[i][i]).isCloseTo(kappa[h], within(GH));
            }
        }
        double[] b = {0.839806330608, 0.920412248943, 1.002496112453, 1.086189642571};
        for (int h = 1; h <= 4; h++) {
            assertThat(r5.means().get(h)[0]).isCloseTo(b[h - 1], within(GH));
        }
    }

    @Test
    void t8ResNetPairingWithNonUnitRows() {
        double[] scale = {0.5, 1.5, 1.0};
        double[][] x = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                x[i][k] = scale[i] * D3[i][k];
            }
        }
        LimitKernels.Result r = res(x, 3, 0.9, DuTestActivations.COS);
        assertThat(r.gram()[0][1]).isCloseTo(0.020369823166, within(CLOSED));
        assertThat(r.gram()[0][2]).isCloseTo(0.042260252591, within(CLOSED));
        assertThat(r.gram()[1][2]).isCloseTo(0.012730725626, within(CLOSED));
        assertThat(r.gram()[0][0]).isCloseTo(0.079223240069, within(CLOSED));
        assertThat(r.gram()[1][1]).isCloseTo(0.044463329232, within(CLOSED));
        assertThat(r.gram()[2][2]).isCloseTo(0.056368900844, within(CLOSED));
        LimitKernels.Result paper = LimitKernels.resnet(x, 3, 0.9, e(DuTestActivations.COS),
                LimitKernels.Variant.PAPER_PAIRING);
        assertThat(paper.gram()[0][1]).isCloseTo(0.018766753129, within(CLOSED));
        // under unit-norm data the two pairings coincide exactly (§3.3 correction 1)
        LimitKernels.Result unitPaper = LimitKernels.resnet(D3, 3, 0.9, e(DuTestActivations.COS),
                LimitKernels.Variant.PAPER_PAIRING);
        assertThat(KernelSolver.maxAbsDiff(unitPaper.gram(), res(D3, 3, 0.9, DuTestActivations.COS).gram()))
                .isLessThan(1e-15);
    }

    @Test
    void t12SymmetryPsdPermutationAndRotation() {
        for (Activation a : new Activation[] {DuTestActivations.SOFTPLUS, DuTestActivations.COS}) {
            LimitKernels.Result fc = fc(D3, 3, a);
            LimitKernels.Result rs = res(D3, 3, 0.5, a);
            for (LimitKernels.Result r : new LimitKernels.Result[] {fc, rs}) {
                for (int h = 0; h <= 3; h++) {
                    assertSymmetricPsd(h < 3 ? r.feature(h) : r.gram());
                }
            }
            int[] perm = {2, 0, 1};
            double[][] xp = new double[3][];
            for (int i = 0; i < 3; i++) {
                xp[i] = D3[perm[i]];
            }
            double[][] rotated = rotate(D3);
            for (boolean resnet : new boolean[] {false, true}) {
                double[][] k = resnet ? res(D3, 3, 0.5, a).gram() : fc(D3, 3, a).gram();
                double[][] kp = resnet ? res(xp, 3, 0.5, a).gram() : fc(xp, 3, a).gram();
                double[][] kr = resnet ? res(rotated, 3, 0.5, a).gram() : fc(rotated, 3, a).gram();
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        assertThat(kp[i][j]).isCloseTo(k[perm[i]][perm[j]], within(1e-14));
                        assertThat(kr[i][j]).isCloseTo(k[i][j], within(1e-13));
                    }
                }
            }
        }
    }

    @Test
    void t12bUnitNormFeatureKernelsHaveUnitDiagonal() {
        LimitKernels.Result r = fc(D3, 4, DuTestActivations.SOFTPLUS);
        for (int h = 0; h <= 4; h++) {
            for (int i = 0; i < 3; i++) {
                assertThat(r.feature(h)[i][i]).isCloseTo(1, within(1e-13));
            }
        }
    }

    private static void assertSymmetricPsd(double[][] k) {
        for (int i = 0; i < k.length; i++) {
            for (int j = 0; j < k.length; j++) {
                assertThat(k[i][j]).isEqualTo(k[j][i]);
            }
        }
        assertThat(SymmetricSpectrum.of(k).min()).isGreaterThan(-1e-14);
    }

    /** Rows times a fixed orthogonal matrix (a rotation about a skew axis). */
    private static double[][] rotate(double[][] x) {
        double c = Math.cos(0.7);
        double s = Math.sin(0.7);
        double[][] r1 = {{c, -s, 0}, {s, c, 0}, {0, 0, 1}};
        double c2 = Math.cos(-1.1);
        double s2 = Math.sin(-1.1);
        double[][] r2 = {{1, 0, 0}, {0, c2, -s2}, {0, s2, c2}};
        double[][] out = new double[x.length][3];
        for (int i = 0; i < x.length; i++) {
            double[] t = new double[3];
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    t[a] += r1[a][b] * x[i][b];
                }
            }
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    out[i][a] += r2[a][b] * t[b];
                }
            }
        }
        return out;
    }
}
