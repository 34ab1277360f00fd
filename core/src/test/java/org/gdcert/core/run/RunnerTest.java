package org.gdcert.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.engine.Ntk;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.json.Json;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.Initializer;
import org.gdcert.core.testing.ReferenceBackend;
import org.gdcert.core.testing.TestPlugins;
import org.gdcert.core.train.StopRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerTest {
    private final Plugins plugins = TestPlugins.plugins();
    @TempDir
    Path tmp;

    private RunSpec.Builder spec(Object eta) {
        NetworkSpec net = new NetworkSpec(3, List.of(
                LayerSpec.hidden(6, plugins.activations().get("tanh").configureDefaults()), LayerSpec.output(1)));
        Argument etaArg = eta instanceof Double d ? Argument.named("eta", d) : Argument.named("eta", (String) eta);
        return RunSpec.builder("test")
                .seed(7)
                .data(new DataSpec(PluginChoice.defaults(plugins.dataSources().get("testdata")), Optional.empty(), tmp))
                .network(net)
                .initializer(PluginChoice.defaults(plugins.initializers().get("testinit")))
                .optimizer(PluginChoice.of(plugins.optimizers().get("plaingd"), List.of(etaArg)))
                .backend(PluginChoice.defaults(plugins.backends().get("reference")))
                .stop(StopRules.DEFAULT.withMaxSteps(50))
                .outputRoot(tmp.resolve("runs"))
                .source("# test\n");
    }

    @Test
    void writesEveryResultFileAndLosesNothing() throws IOException {
        RunResult r = new Runner(plugins).run(spec(0.05).build());
        assertThat(r.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(r.steps()).isEqualTo(50);
        assertThat(r.finalLoss()).isLessThan(r.initialLoss());
        Path dir = r.directory();
        for (String f : List.of("experiment.exp", "provenance.json", "certificates.json", "trajectory.csv",
                "summary.json", "X.npy", "Y.npy", "theta0_W1.npy", "theta0_W2.npy", "theta_final_W1.npy",
                "theta_final_W2.npy")) {
            assertThat(dir.resolve(f)).as(f).exists();
        }
        assertThat(dir.resolve("trajectory.csv.partial")).doesNotExist();
        List<String> lines = Files.readAllLines(dir.resolve("trajectory.csv"));
        assertThat(lines.get(0)).isEqualTo("step,time,loss,rel_residual,wall_s");
        assertThat(lines).hasSize(52); // header + steps 0..50
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) Json.parse(Files.readString(dir.resolve("summary.json")));
        assertThat(summary.get("status")).isEqualTo("COMPLETED");
        assertThat(Json.asDouble(summary.get("final_loss"))).isEqualTo(r.finalLoss());
        assertThat(summary.get("widths")).isEqualTo(List.of(3L, 6L, 1L));
        assertThat(summary.get("axis")).isEqualTo("STEP");
        assertThat(((Number) summary.get("samples")).intValue()).isPositive();
        @SuppressWarnings("unchecked")
        Map<String, Object> prov = (Map<String, Object>) Json.parse(Files.readString(dir.resolve("provenance.json")));
        assertThat(prov.get("seed")).isEqualTo(7L);
        assertThat((String) prov.get("data_sha256")).hasSize(64);
    }

    @Test
    void numpyLoadsTheRunsArraysAndReproducesTheFinalLoss() {
        org.gdcert.core.testing.Python.assumeNumpy();
        RunResult r = new Runner(plugins).run(spec(0.05).build());
        String out = org.gdcert.core.testing.Python.runCode(String.join("\n",
                "import numpy as np, sys",
                "d = sys.argv[1]",
                "X = np.load(d + '/X.npy'); Y = np.load(d + '/Y.npy')",
                "W1 = np.load(d + '/theta_final_W1.npy'); W2 = np.load(d + '/theta_final_W2.npy')",
                "F = np.tanh(X @ W1) @ W2",
                "print(repr(0.5 * np.sum((F - Y) ** 2)))"), r.directory().toString()).trim();
        assertThat(Double.parseDouble(out)).isCloseTo(r.finalLoss(), org.assertj.core.data.Offset.offset(
                1e-12 * Math.max(1, r.finalLoss())));
    }

    @Test
    void sameSeedGivesBitIdenticalRuns() throws IOException {
        RunResult a = new Runner(plugins).run(spec(0.05).build());
        RunResult b = new Runner(plugins).run(spec(0.05).runId("again").build());
        assertThat(Files.readAllBytes(a.directory().resolve("theta_final_W1.npy")))
                .isEqualTo(Files.readAllBytes(b.directory().resolve("theta_final_W1.npy")));
    }

    @Test
    void divergingRunStopsWithMessageAndKeepsWhatItRecorded() throws IOException {
        RunResult r = new Runner(plugins).run(spec(1e3).stop(StopRules.DEFAULT.withMaxSteps(100_000)).build());
        assertThat(r.status()).isEqualTo(RunStatus.DIVERGED);
        assertThat(r.message()).containsAnyOf("NaN", "overflow");
        List<String> lines = Files.readAllLines(r.directory().resolve("trajectory.csv"));
        assertThat(lines.size()).isGreaterThan(2);
        assertThat(r.directory().resolve("summary.json")).exists();
        assertThat(r.steps()).isLessThan(100_000);
    }

    @Test
    void etaAutoIsOneOverLargestNtkEigenvalueOfExplicitKernel() {
        RunSpec s = spec("auto").stop(StopRules.DEFAULT.withMaxSteps(200)).build();
        RunResult r = new Runner(plugins).run(s);
        // rebuild θ0 and the explicit kernel independently
        Runner.LoadedData data = new Runner(plugins).loadData(s.data(), s.seed());
        List<Configured<Initializer>> inits = s.initializers().stream().map(PluginChoice::create).toList();
        List<HostMatrix[]> theta = Runner.initialize(s.network(), inits, data.inputs(), data.targets(), s.seed());
        try (Backend b = new ReferenceBackend()) {
            ParameterSet p = ParameterSet.upload(s.network(), b, theta.stream().map(t -> t[0]).toList(),
                    java.util.Arrays.asList(new HostMatrix[] {null, null}));
            HostMatrix k = Ntk.explicit(new Network(p), b.upload(data.inputs()));
            double lmax = largestEigen(k);
            // relative agreement 1e-6 with the explicitly formed kernel
            assertThat(r.stepSize() * lmax).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        }
        assertThat(r.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(r.finalLoss()).isLessThan(r.initialLoss());
    }

    @Test
    void etaAutoLambdaMaxMatchesTheExplicitKernelForManyOutputs() {
        // ten outputs: the top of the NTK spectrum is clustered and power iteration alone is slow
        NetworkSpec net = new NetworkSpec(3, List.of(
                LayerSpec.hidden(8, plugins.activations().get("tanh").configureDefaults()), LayerSpec.output(10)));
        try (Backend b = new ReferenceBackend()) {
            org.gdcert.core.random.Rng rng = org.gdcert.core.random.Rng.of(9);
            HostMatrix w1 = new HostMatrix(3, 8);
            HostMatrix w2 = new HostMatrix(8, 10);
            rng.fillGaussian(w1.data(), 0.6);
            rng.fillGaussian(w2.data(), 0.35);
            HostMatrix xh = new HostMatrix(12, 3);
            rng.fillGaussian(xh.data(), 1);
            ParameterSet p = ParameterSet.upload(net, b, List.of(w1, w2), java.util.Arrays.asList(null, null));
            Network network = new Network(p);
            var x = b.upload(xh);
            double explicit = largestEigen(Ntk.explicit(network, x));
            assertThat(Runner.ntkLambdaMax(network, x, 3) / explicit).isCloseTo(1.0,
                    org.assertj.core.data.Offset.offset(1e-8));
        }
    }

    private static double largestEigen(HostMatrix k) {
        var m = new org.ejml.data.DMatrixRMaj(k.rows(), k.cols(), true, k.data());
        var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(k.rows(), false, true);
        assertThat(eig.decompose(m)).isTrue();
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k.rows(); i++) {
            max = Math.max(max, eig.getEigenvalue(i).real);
        }
        return max;
    }

    @Test
    void etaCertifiedWithoutCertificateIsAnErrorNamingTheFix() {
        assertThatThrownBy(() -> new Runner(plugins).run(spec("certified").build()))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("certify");
    }

    @Test
    void networkThatDoesNotFitTheDataIsAnError() {
        NetworkSpec wrong = new NetworkSpec(5, List.of(LayerSpec.output(1)));
        assertThatThrownBy(() -> new Runner(plugins).run(spec(0.1).network(wrong).build()))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("inputs of width 5").hasMessageContaining("d = 3");
    }

    @Test
    void uniqueDirectoryNeverReusesAnExistingFolder() throws IOException {
        Path base = tmp.resolve("r");
        assertThat(ResultWriter.uniqueDirectory(base)).isEqualTo(base);
        Files.createDirectories(base);
        assertThat(ResultWriter.uniqueDirectory(base)).isEqualTo(tmp.resolve("r-2"));
    }
}
