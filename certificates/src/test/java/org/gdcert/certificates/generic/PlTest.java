package org.gdcert.certificates.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gdcert.certificates.nguyen.NguyenMondelliProvider;
import org.gdcert.certificates.testing.Acts;
import org.gdcert.certificates.testing.Ctx;
import org.gdcert.certificates.testing.FixturePlugins;
import org.gdcert.certificates.testing.Fixtures;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.run.DataSpec;
import org.gdcert.core.run.PluginChoice;
import org.gdcert.core.run.RunResult;
import org.gdcert.core.run.RunSpec;
import org.gdcert.core.run.Runner;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.testing.ReferenceBackend;
import org.gdcert.core.train.MonitorCheck;
import org.gdcert.core.train.StopRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlTest {
    @TempDir
    Path tmp;

    /** fixtures.py at k = 0: ‖∇_{W_2}Φ‖²/(2Φ) = 489.22 (and W_2 = 0 makes ∇_{W_1}Φ vanish). */
    @Test
    void fixtureF0RatioAtThetaZero() {
        NetworkSpec spec = Ctx.mlp(2, new int[] {4, 1}, Acts.smoothRelu(0.5, 1.0));
        CertificateContext ctx = Ctx.of(new ReferenceBackend(), spec, Fixtures.x(), Fixtures.y(),
                Fixtures.weights(14), OptionalDouble.of(1e-5));
        CertificateReport r = new PlCertificate().assess(ctx);
        assertThat(r.verdict()).isEqualTo(Verdict.CONDITIONAL);
        assertThat(r.stepSizeBound()).isEmpty();
        assertThat(NtkTest.q(r, "plRatioLayer2")).isCloseTo(489.22, within(0.005));
        assertThat(NtkTest.q(r, "plRatioLayer1")).isZero();
        assertThat(NtkTest.q(r, "plRatio")).isCloseTo(NtkTest.q(r, "plRatioLayer2"), within(1e-12));
        assertThat(NtkTest.q(r, "impliedRate")).isCloseTo(1 - 1e-5 * NtkTest.q(r, "plRatio"), within(1e-15));
    }

    /** The PL ratio is the Rayleigh quotient rᵀKr/‖r‖² of the NTK: it lies in [λ_min(K), λ_max(K)]. */
    @Test
    void ratioLiesInTheNtkSpectrum() {
        HostMatrix x = Ctx.sphere(14, 5, 60);
        int[] widths = {11, 2};
        CertificateContext ctx = Ctx.of(new ReferenceBackend(), Ctx.mlp(5, widths, Acts.tanh()), x,
                new HostMatrix(14, 2), Ctx.lecun(5, widths, 61), OptionalDouble.empty());
        // targets 0, random-ish outputs: r = F_L
        double mu = NtkTest.q(new PlCertificate().assess(ctx), "plRatio");
        CertificateReport k = new NtkCertificate(512, 100, 1e-12, 10).assess(ctx);
        assertThat(mu).isBetween(NtkTest.q(k, "lambdaMin"), NtkTest.q(k, "lambdaMax"));
    }

    /** Along the certified F0 trajectory the measured ratio never drops below the certified α_0 = 122.30. */
    @Test
    void measuredRatioStaysAboveTheCertifiedConstant() {
        Plugins plugins = FixturePlugins.of(Fixtures.x(), Fixtures.y(), Fixtures.weights(14),
                new NguyenMondelliProvider(), new PlProvider(), new NtkProvider());
        NetworkSpec net = Ctx.mlp(2, new int[] {4, 1}, Acts.smoothRelu(0.5, 1.0));
        RunSpec spec = RunSpec.builder("pl").data(new DataSpec(PluginChoice.defaults(plugins.dataSources()
                .get("fixeddata")), Optional.empty(), tmp)).network(net)
                .initializer(PluginChoice.defaults(plugins.initializers().get("fixed")))
                .optimizer(PluginChoice.of(plugins.optimizers().get("gd"), List.of(Argument.named("eta",
                        "certified"))))
                .backend(PluginChoice.defaults(plugins.backends().get("reference")))
                .certificate(PluginChoice.defaults(plugins.certificates().get("nguyen_mondelli")))
                .certificate(PluginChoice.defaults(plugins.certificates().get("pl")))
                .certificate(PluginChoice.defaults(plugins.certificates().get("ntk")))
                .stop(StopRules.DEFAULT.withMaxSteps(300)).outputRoot(tmp.resolve("runs")).build();
        RunResult r = new Runner(plugins).run(spec);
        assertThat(r.certificates()).extracting(CertificateReport::verdict).containsExactly(Verdict.CERTIFIED,
                Verdict.CONDITIONAL, Verdict.CONDITIONAL);
        MonitorCheck min = r.checks().stream().filter(c -> c.name().equals("pl: smallest measured PL ratio"))
                .findFirst().orElseThrow();
        assertThat(min.worstRatio()).isGreaterThanOrEqualTo(122.3038474);
        double[] observed = r.trajectory().column("pl_rate_observed");
        double certified = r.certificates().get(0).rate().getAsDouble();
        for (int k = 1; k < observed.length; k++) {
            if (r.trajectory().column("loss")[k] > 1e-20) {
                assertThat(observed[k]).isLessThanOrEqualTo(certified);
            }
        }
        assertThat(r.trajectory().columns()).contains("ntk_lambda_min", "ntk_lambda_max", "pl_ratio");
        assertThat(r.checks()).filteredOn(c -> c.name().startsWith("ntk:")).hasSize(2)
                .allMatch(c -> c.kind() == MonitorCheck.Kind.INFO && c.held());
    }
}
