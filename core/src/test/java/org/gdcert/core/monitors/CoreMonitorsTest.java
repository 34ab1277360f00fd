package org.gdcert.core.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.io.Npy;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.run.DataSpec;
import org.gdcert.core.run.MonitorChoice;
import org.gdcert.core.run.PluginChoice;
import org.gdcert.core.run.RunResult;
import org.gdcert.core.run.RunSpec;
import org.gdcert.core.run.Runner;
import org.gdcert.core.run.Trajectory;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.testing.ServiceDeclarations;
import org.gdcert.core.testing.TestPlugins;
import org.gdcert.core.train.StopRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoreMonitorsTest {
    private static final Plugins PLUGINS = Plugins.builder().addAll(TestPlugins.plugins())
            .add(new MovementMonitorProvider()).add(new GradientNormMonitorProvider()).build();
    @TempDir
    Path tmp;

    /** A linear model F = X W: the gradient has the closed form Xᵀ(XW − Y). */
    private RunResult run(int steps) {
        return run(steps, 0.05);
    }

    private RunResult run(int steps, double eta) {
        NetworkSpec net = new NetworkSpec(3, List.of(LayerSpec.output(2)));
        RunSpec spec = RunSpec.builder("mon").seed(5)
                .data(new DataSpec(PluginChoice.of(PLUGINS.dataSources().get("testdata"), List.of(Argument.named("k",
                        2.0))), Optional.empty(), tmp))
                .network(net).initializer(PluginChoice.defaults(PLUGINS.initializers().get("testinit")))
                .optimizer(PluginChoice.of(PLUGINS.optimizers().get("plaingd"), List.of(Argument.named("eta", eta))))
                .backend(PluginChoice.defaults(PLUGINS.backends().get("reference")))
                .monitor(new MonitorChoice(PluginChoice.defaults(PLUGINS.monitors().get("movement")), 1))
                .monitor(new MonitorChoice(PluginChoice.defaults(PLUGINS.monitors().get("gradnorm")), 1))
                .stop(StopRules.DEFAULT.withMaxSteps(steps)).outputRoot(tmp.resolve("runs")).build();
        return new Runner(PLUGINS).run(spec);
    }

    @Test
    void movementIsTheDistanceFromTheInitialWeights() {
        RunResult r = run(30);
        Trajectory t = r.trajectory();
        double[] abs = t.column("movement_abs");
        assertThat(abs[0]).isZero();
        HostMatrix w0 = Npy.readMatrix(r.directory().resolve("theta0_W1.npy"));
        HostMatrix w = Npy.readMatrix(r.directory().resolve("theta_final_W1.npy"));
        double d = 0;
        for (int i = 0; i < w.data().length; i++) {
            d += (w.data()[i] - w0.data()[i]) * (w.data()[i] - w0.data()[i]);
        }
        assertThat(abs[abs.length - 1]).isCloseTo(Math.sqrt(d), within(1e-12));
        assertThat(t.column("movement_rel")[abs.length - 1]).isCloseTo(Math.sqrt(d) / w0.frobeniusNorm(),
                within(1e-12));
    }

    @Test
    void tinyMovementIsMeasuredNotLostToCancellation() {
        // a relative movement of about 1e-10: ‖W‖² − 2⟨W, W0⟩ + ‖W0‖² is pure rounding noise there
        RunResult r = run(3, 1e-10);
        HostMatrix w0 = Npy.readMatrix(r.directory().resolve("theta0_W1.npy"));
        HostMatrix w = Npy.readMatrix(r.directory().resolve("theta_final_W1.npy"));
        double d = 0;
        for (int i = 0; i < w.data().length; i++) {
            d += (w.data()[i] - w0.data()[i]) * (w.data()[i] - w0.data()[i]);
        }
        double rel = Math.sqrt(d) / w0.frobeniusNorm();
        assertThat(rel).isBetween(1e-13, 1e-8);
        double[] measured = r.trajectory().column("movement_first_rel");
        assertThat(measured[measured.length - 1]).isCloseTo(rel, within(1e-9 * rel));
    }

    @Test
    void gradientNormMatchesTheClosedFormOfALinearModel() {
        RunResult r = run(1);
        HostMatrix x = Npy.readMatrix(r.directory().resolve("X.npy"));
        HostMatrix y = Npy.readMatrix(r.directory().resolve("Y.npy"));
        HostMatrix w0 = Npy.readMatrix(r.directory().resolve("theta0_W1.npy"));
        HostMatrix res = x.times(w0);
        for (int i = 0; i < res.data().length; i++) {
            res.data()[i] -= y.data()[i];
        }
        double expected = x.transpose().times(res).frobeniusNorm();
        assertThat(r.trajectory().column("grad_norm")[0]).isCloseTo(expected, within(1e-12 * expected));
    }

    @Test
    void registeredInModuleInfoAndServiceFiles() {
        assertThat(ServiceDeclarations.assertAgree(MovementMonitorProvider.class)).containsKey(
                "org.gdcert.core.spi.MonitorProvider");
    }
}
