package org.gdcert.certificates.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import org.gdcert.certificates.kernels.HostDoubleBackend;
import org.gdcert.certificates.kernels.Spectral;
import org.gdcert.certificates.testing.Acts;
import org.gdcert.certificates.testing.Ctx;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.Ntk;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.testing.ReferenceBackend;
import org.junit.jupiter.api.Test;

class NtkTest {
    private final ReferenceBackend b = new ReferenceBackend();

    static double q(CertificateReport r, String name) {
        return r.quantity(name).orElseThrow(() -> new AssertionError("no quantity " + name)).value();
    }

    /**
     * Independent truth for a two-layer net with one output: K = F_1F_1ᵀ + (XXᵀ) ∘ (B Bᵀ),
     * B_i = σ'(g_i) ∘ W_2ᵀ (spec §1.6 "optional NTK").
     */
    private static HostMatrix closedFormKernel(HostMatrix x, HostMatrix w1, HostMatrix w2, Activation s) {
        HostMatrix g = x.times(w1);
        int n = x.rows();
        int h = w1.cols();
        HostMatrix f = new HostMatrix(n, h);
        HostMatrix bm = new HostMatrix(n, h);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < h; j++) {
                f.set(i, j, s.value(g.get(i, j)));
                bm.set(i, j, s.derivative(g.get(i, j)) * w2.get(j, 0));
            }
        }
        HostMatrix ff = f.times(f.transpose());
        HostMatrix xx = x.times(x.transpose());
        HostMatrix bb = bm.times(bm.transpose());
        HostMatrix k = new HostMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                k.set(i, j, ff.get(i, j) + xx.get(i, j) * bb.get(i, j));
            }
        }
        return k;
    }

    @Test
    void explicitSpectrumMatchesTheClosedFormKernel() {
        HostMatrix x = Ctx.sphere(12, 4, 31);
        int[] widths = {16, 1};
        List<HostMatrix> ws = Ctx.lecun(4, widths, 32);
        CertificateContext ctx = Ctx.of(b, Ctx.mlp(4, widths, Acts.tanh()), x, Ctx.signs(12, 33), ws,
                OptionalDouble.of(0.01));
        CertificateReport r = new NtkCertificate(512, 100, 1e-10, 10).assess(ctx);
        assertThat(r.verdict()).isEqualTo(Verdict.CONDITIONAL);
        assertThat(r.reasons()).singleElement().satisfies(s -> assertThat(s).startsWith("diagnostic, no guarantee"));
        assertThat(r.stepSizeBound()).isEmpty();
        assertThat(r.rate()).isEmpty();
        assertThat(r.lossBound()).isEmpty();
        double[] ev = Spectral.eigenvalues(closedFormKernel(x, ws.get(0), ws.get(1), Acts.tanh().instance()));
        assertThat(q(r, "lambdaMax")).isCloseTo(ev[11], within(1e-10 * ev[11]));
        assertThat(q(r, "lambdaMin")).isCloseTo(ev[0], within(1e-10 * ev[11]));
        assertThat(q(r, "condition")).isCloseTo(ev[11] / ev[0], within(1e-6 * ev[11] / ev[0]));
        assertThat(q(r, "etaAuto")).isCloseTo(1 / ev[11], within(1e-10 / ev[11]));
        // rigorous lower bound from the last layer: λ_min(K) >= λ_min(F_1F_1ᵀ)
        assertThat(q(r, "lambdaMinLowerBound")).isLessThanOrEqualTo(ev[0] * (1 + 1e-12));
        assertThat(q(r, "lambdaMinLowerBound")).isPositive();
    }

    /** Matrix-free Lanczos with as many products as the dimension reproduces the explicit spectrum. */
    @Test
    void matrixFreeLanczosAgreesWithTheExplicitKernel() {
        HostMatrix x = Ctx.sphere(15, 5, 34);
        int[] widths = {9, 6, 3};
        List<HostMatrix> ws = Ctx.lecun(5, widths, 35);
        CertificateContext ctx = Ctx.of(b, Ctx.mlp(5, widths, Acts.softplusLeaky(0.2)), x, new HostMatrix(15, 3),
                ws, OptionalDouble.empty());
        CertificateReport explicit = new NtkCertificate(512, 100, 1e-12, 10).assess(ctx);
        // tolerance 0: never stop early, so 45 products span the whole space (exact Ritz values)
        CertificateReport lanczos = new NtkCertificate(0, 45, 0, 10).assess(ctx);
        assertThat(explicit.notes().get(0).text()).contains("explicit");
        assertThat(lanczos.notes().get(0).text()).contains("Lanczos");
        assertThat(q(lanczos, "lambdaMax")).isCloseTo(q(explicit, "lambdaMax"), within(1e-9 * q(explicit,
                "lambdaMax")));
        assertThat(q(lanczos, "lambdaMin")).isCloseTo(q(explicit, "lambdaMin"), within(1e-7 * q(explicit,
                "lambdaMax")));
        // with few products λ_max is already right, and λ_min is an upper estimate
        CertificateReport few = new NtkCertificate(0, 12, 1e-12, 10).assess(ctx);
        assertThat(q(few, "lambdaMax")).isCloseTo(q(explicit, "lambdaMax"), within(1e-4 * q(explicit, "lambdaMax")));
        assertThat(q(few, "lambdaMin")).isGreaterThanOrEqualTo(q(explicit, "lambdaMin") * (1 - 1e-9));
    }

    /** D4: ‖∇Φ‖² >= 2 λ_min(K) Φ and λ_min(K) >= λ_min(F_{L-1}F_{L-1}ᵀ) at random θ. */
    @Test
    void gradientBoundAndLastLayerLowerBound() {
        for (long seed = 40; seed < 45; seed++) {
            HostMatrix x = Ctx.sphere(10, 4, seed);
            HostMatrix y = Ctx.signs(10, seed + 100);
            int[] widths = {16, 12, 1};
            List<HostMatrix> ws = Ctx.lecun(4, widths, seed + 200);
            CertificateContext ctx = Ctx.of(b, Ctx.mlp(4, widths, Acts.relu()), x, y, ws, OptionalDouble.empty());
            CertificateReport r = new NtkCertificate(512, 100, 1e-12, 10).assess(ctx);
            Network net = ctx.network();
            try (Matrix mx = b.upload(x); Matrix my = b.upload(y); ForwardPass fp = net.newForwardPass(10);
                    ParameterSet g = net.parameters().zerosLike()) {
                net.forward(mx, fp);
                double phi = net.loss(fp, my);
                net.gradient(fp, g);
                assertThat(g.normSquared()).isGreaterThanOrEqualTo(2 * q(r, "lambdaMin") * phi * (1 - 1e-10));
            }
            assertThat(q(r, "lambdaMin")).isGreaterThanOrEqualTo(q(r, "lambdaMinLowerBound") * (1 - 1e-10));
        }
    }

    /** eta=auto's power iteration and this checker agree on λ_max. */
    @Test
    void etaAutoAgreesWithCorePowerIteration() {
        HostMatrix x = Ctx.sphere(20, 6, 50);
        int[] widths = {30, 2};
        CertificateContext ctx = Ctx.of(b, Ctx.mlp(6, widths, Acts.tanh()), x, new HostMatrix(20, 2),
                Ctx.lecun(6, widths, 51), OptionalDouble.empty());
        CertificateReport r = new NtkCertificate(512, 100, 1e-12, 10).assess(ctx);
        try (Matrix mx = b.upload(x)) {
            double power = Ntk.lambdaMax(ctx.network(), mx, 1e-13, 5000, 1).value();
            assertThat(q(r, "lambdaMax")).isCloseTo(power, within(1e-7 * power));
        }
    }

    /** §6.1 practical run (N = 100, d = 10, n = 1000, 20, 1, smoothed ReLU 0.5/1): λ_min 2.18, λ_max 6.45e3. */
    @Test
    void practicalRunOrderOfMagnitude() {
        try (HostDoubleBackend h = new HostDoubleBackend(2)) {
            HostMatrix x = Ctx.sphere(100, 10, 1);
            int[] widths = {1000, 20, 1};
            CertificateContext ctx = Ctx.of(h, Ctx.mlp(10, widths, Acts.smoothRelu(0.5, 1)), x, Ctx.signs(100, 1),
                    Ctx.lecun(10, widths, 3), OptionalDouble.empty());
            CertificateReport r = new NtkCertificate(512, 100, 1e-10, 10).assess(ctx);
            assertThat(Math.abs(Math.log10(q(r, "lambdaMin") / 2.18))).isLessThan(Math.log10(3));
            assertThat(Math.abs(Math.log10(q(r, "lambdaMax") / 6.45e3))).isLessThan(Math.log10(3));
        }
    }
}
