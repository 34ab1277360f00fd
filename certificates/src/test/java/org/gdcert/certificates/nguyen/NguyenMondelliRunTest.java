package org.gdcert.certificates.nguyen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.gdcert.certificates.testing.Acts;
import org.gdcert.certificates.testing.Ctx;
import org.gdcert.certificates.testing.FixturePlugins;
import org.gdcert.certificates.testing.Fixtures;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.run.DataSpec;
import org.gdcert.core.run.PluginChoice;
import org.gdcert.core.run.RunResult;
import org.gdcert.core.run.RunSpec;
import org.gdcert.core.run.Runner;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.train.MonitorCheck;
import org.gdcert.core.train.StopRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fixture F0 end to end: certificate, eta=certified, 3000 GD steps, every monitor check (spec §4). */
class NguyenMondelliRunTest {
    @TempDir
    Path tmp;

    private RunResult run(Object eta, long steps) {
        Plugins plugins = FixturePlugins.of(Fixtures.x(), Fixtures.y(), Fixtures.weights(14),
                new NguyenMondelliProvider());
        NetworkSpec net = Ctx.mlp(2, new int[] {4, 1}, Acts.smoothRelu(0.5, 1.0));
        Argument etaArg = eta instanceof Double d ? Argument.named("eta", d) : Argument.named("eta", (String) eta);
        RunSpec spec = RunSpec.builder("f0").data(new DataSpec(PluginChoice.defaults(plugins.dataSources()
                .get("fixeddata")), Optional.empty(), tmp)).network(net)
                .initializer(PluginChoice.defaults(plugins.initializers().get("fixed")))
                .optimizer(PluginChoice.of(plugins.optimizers().get("gd"), List.of(etaArg)))
                .backend(PluginChoice.defaults(plugins.backends().get("reference")))
                .certificate(PluginChoice.defaults(plugins.certificates().get("nguyen_mondelli")))
                .stop(StopRules.DEFAULT.withMaxSteps(steps)).outputRoot(tmp.resolve("runs")).build();
        return new Runner(plugins).run(spec);
    }

    @Test
    void fixtureF0KeepsEveryInvariantOver3000Steps() {
        double eta = 0.9 * 5.289937588e-5;
        RunResult r = run(eta, 3000);
        CertificateReport rep = r.certificates().get(0);
        assertThat(rep.verdict()).isEqualTo(Verdict.CERTIFIED);
        double[] loss = r.trajectory().column("loss");
        // fixtures.py: Φ_1 = 0.9539599, Φ_100 = 8.974136e-3, Φ_1000 = 3.386038e-21 (7 printed digits)
        assertThat(loss[1]).isCloseTo(0.9539599, within(1e-7));
        assertThat(loss[100] / 8.974136e-3).isCloseTo(1, within(1e-6));
        assertThat(loss[1000] / 3.386038e-21).isCloseTo(1, within(1e-5));
        // at k = 3000 the loss is at rounding level (fixtures.py: 1.26e-29; the spec quotes 1.34e-29)
        assertThat(loss[3000]).isLessThan(1e-27);
        double[] bound = r.trajectory().column("nm_bound");
        assertThat(bound[3000]).isCloseTo(2.462488e-8, within(1e-13));
        List<MonitorCheck> checks = r.checks();
        assertThat(checks).hasSize(7);
        for (MonitorCheck c : checks) {
            assertThat(c.held()).as(c.name() + ": " + c.detail()).isTrue();
            assertThat(c.worstRatio()).as(c.name()).isLessThanOrEqualTo(1.0);
        }
        assertThat(checks).filteredOn(c -> c.kind() == MonitorCheck.Kind.BOUND).hasSize(1);
        assertThat(checks).filteredOn(c -> c.kind() == MonitorCheck.Kind.REGIME).hasSize(6);
        // the proof's distance: ‖θ_K − θ_0‖ = 0.06393858745 <= Q_1; its path length 0.0639386196
        double[] path1 = r.trajectory().column("nm_path1");
        double[] path2 = r.trajectory().column("nm_path2");
        double d1 = Reports.value(rep, "D1");
        double d2 = Reports.value(rep, "D2");
        double pathLen = Math.hypot(path1[3000] * d1, path2[3000] * d2);
        assertThat(pathLen).isLessThanOrEqualTo(0.0639386196 * (1 + 1e-6));
        assertThat(pathLen).isGreaterThan(0.0639);
    }

    @Test
    void etaCertifiedTrainsAtTheCertifiedBound() {
        RunResult r = run("certified", 50);
        assertThat(r.stepSize()).isCloseTo(0.99 * 5.289937588e-5, within(1e-12));
        assertThat(r.checks()).allMatch(MonitorCheck::held);
    }
}
