package org.gdcert.certificates.song;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gdcert.certificates.song.SongFixtureBTest.value;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.ParamValue;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;
import org.junit.jupiter.api.Test;

/**
 * P9 (activation constants, §3.6), P10 (Khatri–Rao powers, §1.3) and P11 (Figure 1's grid, §6.3)
 * of spec certificates-song.md §7.
 */
class SongConstantsTest {
    /** The table's precision (§7 P9). */
    static final double TABLE = 1e-10;

    private static ActivationConstants constants(Activation a) {
        return ActivationConstants.of(a, SongSettings.defaults().quadrature());
    }

    /** P9: φ̇_max and φ̈_max as declared and as sampled, against the table's closed forms. */
    @Test
    void derivativeSupsOfTheTable() {
        record Row(Activation a, double dot, double ddot, double phi0) {
        }
        for (Row row : List.of(new Row(SongTestActivations.GELU, 1.128904145185, 0.797884560803, 0),
                new Row(SongTestActivations.TANH, 1, 0.769800358919, 0),
                new Row(SongTestActivations.SIGMOID, 0.25, 0.0962250449, 0.5),
                new Row(SongTestActivations.SOFTPLUS, 1, 0.25, Math.log(2)))) {
            ActivationConstants c = constants(row.a());
            assertThat(c.dotMax()).isCloseTo(row.dot(), within(TABLE));
            assertThat(c.ddotMax()).isCloseTo(row.ddot(), within(TABLE));
            assertThat(c.sampledDotMax()).isCloseTo(row.dot(), within(TABLE));
            assertThat(c.sampledDdotMax()).isCloseTo(row.ddot(), within(TABLE));
            assertThat(c.phiAtZero()).isCloseTo(row.phi0(), within(1e-15));
            assertThat(c.declaredBoundsHold()).isTrue();
        }
        // GeLU's φ̇ peaks at √2 and φ̈ at 0 (§3.6)
        ActivationConstants g = constants(SongTestActivations.GELU);
        assertThat(Math.abs(g.dotArgmax())).isCloseTo(Math.sqrt(2), within(1e-6));
        assertThat(g.ddotArgmax()).isCloseTo(0, within(1e-6));
        assertThat(constants(SongTestActivations.TANH_WRONG_BOUND).declaredBoundsHold()).isFalse();
        ActivationConstants relu = constants(SongTestActivations.RELU);
        assertThat(relu.finite()).isFalse();
    }

    /** P9: Hermite coefficients, E[φ²] and c_∞² of the table (shifted where φ(0) ≠ 0). */
    @Test
    void hermiteCoefficientsOfTheTable() {
        ActivationConstants g = constants(SongTestActivations.GELU);
        double sqrtPi = Math.sqrt(Math.PI);
        assertThat(g.c(0)).isCloseTo(1 / (2 * sqrtPi), within(TABLE));
        assertThat(g.c(1)).isCloseTo(0.5, within(TABLE));
        assertThat(g.c(2)).isCloseTo(3 / (4 * sqrtPi), within(TABLE));
        for (int i = 3; i <= 11; i += 2) {
            assertThat(g.c(i)).as("c_%d(GeLU)", i).isCloseTo(0, within(1e-12));
        }
        assertThat(g.c(4)).isCloseTo(-0.3526184897, within(TABLE));
        assertThat(g.c(6)).isCloseTo(0.7404988284, within(TABLE));
        assertThat(g.c(8)).isCloseTo(-2.380174806, within(TABLE * 10));
        assertThat(g.c(10)).isCloseTo(10.18185889, within(TABLE * 100));
        assertThat(g.secondMoment()).isCloseTo(1.0 / 3 + 1 / (2 * Math.sqrt(3) * Math.PI), within(TABLE));
        assertThat(g.cInfinitySquared()).isCloseTo(0.0956440110, within(TABLE));
        ActivationConstants t = constants(SongTestActivations.TANH);
        assertThat(t.c(0)).isCloseTo(0, within(1e-14));
        assertThat(t.c(1)).isCloseTo(0.6057055096, within(TABLE));
        assertThat(t.c(3)).isCloseTo(-0.3635953763, within(TABLE));
        assertThat(t.c(5)).isCloseTo(0.6851737935, within(TABLE));
        assertThat(t.cInfinitySquared()).isCloseTo(0.0274153260, within(TABLE));
        assertThat(t.secondMoment()).isCloseTo(0.3942944904, within(TABLE));
        ActivationConstants s = constants(SongTestActivations.SIGMOID);
        assertThat(s.shiftedC0()).isCloseTo(0, within(1e-14));
        assertThat(s.c(1)).isCloseTo(0.2066209641, within(TABLE));
        assertThat(s.cInfinitySquared()).isCloseTo(0.000686813, within(1e-9));
        assertThat(s.shiftedSecondMoment()).isCloseTo(0.0433790359, within(TABLE));
        ActivationConstants sp = constants(SongTestActivations.SOFTPLUS);
        assertThat(sp.shiftedC0()).isCloseTo(0.1129120028, within(TABLE));
        assertThat(sp.c(1)).isCloseTo(0.5, within(TABLE));
        assertThat(sp.cInfinitySquared()).isCloseTo(0.0215145018, within(TABLE));
        assertThat(sp.shiftedSecondMoment()).isCloseTo(0.2842636222, within(TABLE));
    }

    /** P10: σ_min(X^{*t}) via the Hadamard power of XᵀX equals the explicit Khatri–Rao construction. */
    @Test
    void khatriRaoViaHadamardPower() {
        for (int d0 : new int[] {2, 3}) {
            for (int n : new int[] {3, 5, 7}) {
                SongFixtures.Paper p = SongFixtures.random(100 + 10L * d0 + n, n, d0, 4, 1, 1, 1);
                ShallowNet net = ShallowNet.columnMajor(p.x(), p.y(), p.w(), p.v(), SongTestActivations.TANH);
                NearIsometry.Paper lemma = NearIsometry.paper(net, 1, SongSettings.defaults());
                TheoremThree.Estimate e = TheoremThree.estimate(net, lemma, constants(SongTestActivations.TANH), 1, 1,
                        "test", SongSettings.defaults());
                for (int t = 1; t <= 3; t++) {
                    int rows = (int) Math.pow(d0, t);
                    double[] kr = new double[rows * n];
                    for (int a = 0; a < n; a++) {
                        for (int r = 0; r < rows; r++) {
                            double prod = 1;
                            int idx = r;
                            for (int f = 0; f < t; f++) {
                                prod *= p.x().get(idx % d0, a);
                                idx /= d0;
                            }
                            kr[r * n + a] = prod;
                        }
                    }
                    double explicit;
                    if (rows < n) {
                        explicit = 0; // an operator from ℝⁿ into a smaller space is not injective (§1.3)
                    } else {
                        double[] sv = SingularOps_DDRM.singularValues(new DMatrixRMaj(rows, n, true, kr));
                        explicit = java.util.Arrays.stream(sv).min().orElseThrow();
                    }
                    double viaHadamard = e.sigmaMinKr()[t - 1];
                    assertThat(viaHadamard).as("d0=%d n=%d t=%d", d0, n, t).isCloseTo(explicit, within(1e-7));
                    double[] g = SongSpectra.innerGram(kr, rows, n);
                    double lmin = SongSpectra.eigenvalues(g, n)[0];
                    assertThat(e.lambdaMinKr()[t - 1]).isCloseTo(lmin, within(1e-12));
                }
            }
        }
    }

    /** The song initializer's schema, as the initializers module declares it (certificates cannot depend on it). */
    private static final ParameterSchema SONG = ParameterSchema.of(
            ParameterSpec.real("product", 0, "P").positive().withSymbols("he", "lecun").withSymbolDefault("he"),
            ParameterSpec.real("ratio", 0, "r").positive().withSymbols("fanin").withSymbolDefault("fanin"),
            ParameterSpec.real("omega2", 0, "w2").positive().withSymbols("auto").withSymbolDefault("auto"));

    private static Configured<Initializer> song(Argument... args) {
        ValidatedParams p = SONG.validateOrThrow("song", List.of(args));
        return new Configured<>("song", p, (layer, w, rng) -> { });
    }

    /** P11: Figure 1's grid (§6.3) and the He product 0.0022587698 (paper: 0.002259). */
    @Test
    void figureOneGrid() {
        double he = InitFamily.heProduct(784, 1000);
        assertThat(he).isCloseTo(0.0022587698, within(1e-10));
        assertThat(Math.round(he * 1e6) / 1e6).isEqualTo(0.002259);
        double[][] geo = InitFamily.figureOneGrid(he, 0.002, 0.1, 10, true);
        double[] w2 = {0.002, 0.0030889, 0.0047707, 0.0073681, 0.0113796, 0.0175753, 0.0271442, 0.0419229, 0.0647479,
            0.1};
        double[] w1 = {1.12938, 0.731253, 0.473471, 0.306562, 0.198493, 0.12852, 0.0832138, 0.0538792, 0.0348856,
            0.0225877};
        double[] r = {0.001771, 0.004224, 0.01008, 0.02403, 0.05733, 0.1368, 0.3262, 0.7781, 1.856, 4.427};
        for (int i = 0; i < 10; i++) {
            assertThat(geo[i][0]).isCloseTo(w2[i], within(6e-8));
            assertThat(geo[i][1]).isCloseTo(w1[i], within(6e-6 * w1[i]));
            assertThat(geo[i][2]).isCloseTo(r[i], within(6e-4 * r[i]));
        }
        double[][] lin = InitFamily.figureOneGrid(he, 0.002, 0.1, 10, false);
        double[] lin2 = {0.002, 0.0128889, 0.0237778, 0.0346667, 0.0455556, 0.0564444, 0.0673333, 0.0782222,
            0.0891111, 0.1};
        for (int i = 0; i < 10; i++) {
            assertThat(lin[i][0]).isCloseTo(lin2[i], within(6e-8));
        }
        // song(product=he, ratio=fanin) is He: ω1 = √(2/784), ω2 = √(2/1000); omega2=0.1 gives ω1 = P/0.1
        double[] omegas = InitFamily.songOmegas(song().params(), 784, 1000);
        assertThat(omegas[0]).isCloseTo(0.0505076272, within(1e-10));
        assertThat(omegas[1]).isCloseTo(0.0447213595, within(1e-10));
        assertThat(omegas[1] / omegas[0]).isCloseTo(0.885438, within(1e-6));
        Configured<Initializer> sweep = song(Argument.named("omega2", ParamValue.Num.of(0.1)));
        assertThat(InitFamily.declared(sweep, 1, 784, 1000, 10).orElseThrow().omega()).isCloseTo(0.0225877,
                within(1e-7));
        assertThat(InitFamily.declared(sweep, 2, 784, 1000, 10).orElseThrow().omega()).isEqualTo(0.1);
        Configured<Initializer> lecun = song(Argument.named("product", new ParamValue.Word("lecun")));
        double[] lw = InitFamily.songOmegas(lecun.params(), 784, 1000);
        assertThat(lw[0] * lw[1]).isCloseTo(1 / Math.sqrt(784 * 1000.0), within(1e-15));
    }

    /** The report reads ω1, ω2 from the initializers and places the run in Figure 1's family. */
    @Test
    void reportPlacesTheInitializationInTheFamily() {
        SongFixtures.Paper p = SongFixtures.random(21, 6, 4, 10, 1, 0.5, 0.2);
        SongFixtures.Ctx c = new SongFixtures.Ctx(p, "gelu", SongTestActivations.GELU);
        c.initializers = List.of(song(Argument.named("omega2", ParamValue.Num.of(0.2)),
                Argument.named("product", ParamValue.Num.of(0.1))), song(Argument.named("omega2",
                ParamValue.Num.of(0.2)), Argument.named("product", ParamValue.Num.of(0.1))));
        CertificateReport r = new SongCertificate(SongSettings.defaults()).assess(c.build());
        assertThat(value(r, "omega1")).isCloseTo(0.5, within(1e-15));
        assertThat(value(r, "omega2")).isCloseTo(0.2, within(1e-15));
        assertThat(value(r, "omegaRatio")).isCloseTo(0.4, within(1e-15));
        assertThat(value(r, "initProductScaled")).isCloseTo(0.1 * Math.sqrt(40), within(1e-12));
        assertThat(value(r, "omega1Empirical")).isBetween(0.3, 0.7);
        HostMatrix x = p.x();
        assertThat(x.rows()).isEqualTo(4);
        // unknown initializers: the ω's are estimated from θ0 and said so
        CertificateReport u = new SongCertificate(SongSettings.defaults()).assess(new SongFixtures.Ctx(p, "gelu",
                SongTestActivations.GELU).build());
        assertThat(u.quantity("omega1")).isEmpty();
        assertThat(u.quantity("omegaRatio").orElseThrow().note()).contains("estimated from θ0");
    }

    /** App. G's shape (784–1000–10) with He through song(): the report places the run on Figure 1's axis. */
    @Test
    void appGShapeIsPlacedOnFigureOne() {
        SongFixtures.Paper p = SongFixtures.random(22, 6, 784, 1000, 10, Math.sqrt(2.0 / 784), Math.sqrt(2.0 / 1000));
        SongFixtures.Ctx c = new SongFixtures.Ctx(p, "gelu", SongTestActivations.GELU);
        c.initializers = List.of(song(), song());
        CertificateReport r = new SongCertificate(SongSettings.defaults()).assess(c.build());
        assertThat(value(r, "omegaRatio")).isCloseTo(0.8854377448, within(1e-9));
        assertThat(value(r, "heProduct")).isCloseTo(0.0022587698, within(1e-10));
        assertThat(value(r, "initProductScaled")).isCloseTo(2, within(1e-12));
        assertThat(r.notes()).anyMatch(n -> n.topic().equals("figure1") && n.text().contains("0.002, 0.0030889, 0.0047707"));
    }
}
