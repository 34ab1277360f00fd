package org.gdcert.core.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.gdcert.core.data.SphereDataProvider;
import org.gdcert.core.data.TeacherLabelsProvider;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.io.Npy;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.run.DataSpec;
import org.gdcert.core.run.MonitorChoice;
import org.gdcert.core.run.PluginChoice;
import org.gdcert.core.run.RunException;
import org.gdcert.core.run.RunResult;
import org.gdcert.core.run.RunSpec;
import org.gdcert.core.run.Runner;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.testing.ReferenceBackend;
import org.gdcert.core.testing.ServiceDeclarations;
import org.gdcert.core.testing.TestPlugins;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.Iterate;
import org.gdcert.core.train.StopRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorMonitorTest {
    private static final Plugins PLUGINS = Plugins.builder().addAll(TestPlugins.plugins())
            .add(new ErrorMonitorProvider()).add(new SphereDataProvider()).add(new TeacherLabelsProvider()).build();
    @TempDir
    Path tmp;

    // ---------------------------------------------------------------------------------------------
    // the error rate itself

    @Test
    void oneOutputComparesSignsAndCountsZeroAsPlus() {
        HostMatrix out = HostMatrix.of(new double[][] {{0.5}, {-0.1}, {0}, {-2}, {0}, {3}});
        HostMatrix y = HostMatrix.of(new double[][] {{1}, {1}, {0}, {0}, {-1}, {-1}});
        // row 0 right, 1 wrong, 2 right (0 vs 0), 3 wrong (- vs 0 = +), 4 wrong (0 = + vs -), 5 wrong
        assertThat(ErrorMonitorProvider.errorRate(out, y)).isEqualTo(4.0 / 6);
    }

    @Test
    void severalOutputsCompareArgmaxesAndTiesGoToTheFirstIndex() {
        HostMatrix out = HostMatrix.of(new double[][] {{0.1, 0.9, 0.0}, {2, 2, 1}, {2, 2, 1}, {-1, -3, -1},
                {0, 0, 0}});
        HostMatrix y = HostMatrix.of(new double[][] {{0, 1, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}});
        // right; tie -> 0 right; tie -> 0 but target 1 wrong; tie -> 0 but target 2 wrong; all zero -> 0 right
        assertThat(ErrorMonitorProvider.errorRate(out, y)).isEqualTo(2.0 / 5);
    }

    @Test
    void shapesMustAgree() {
        assertThatThrownBy(() -> ErrorMonitorProvider.errorRate(new HostMatrix(2, 1), new HostMatrix(2, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x1");
    }

    // ---------------------------------------------------------------------------------------------
    // the monitor on a tiny net with known weights, against outputs computed by hand

    private static final double[][] W1 = {{0.5, -1.0, 0.25}, {1.5, 0.3, -0.7}};

    /** tanh(X W1) W2, by hand. */
    private static double[][] byHand(double[][] x, double[][] w2) {
        double[][] f = new double[x.length][w2[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < w2[0].length; k++) {
                double s = 0;
                for (int j = 0; j < 3; j++) {
                    double pre = x[i][0] * W1[0][j] + x[i][1] * W1[1][j];
                    s += Math.tanh(pre) * w2[j][k];
                }
                f[i][k] = s;
            }
        }
        return f;
    }

    private static double[] observe(double[][] w2, double[][] x, double[][] y, double[][] xh, double[][] yh) {
        int k = w2[0].length;
        NetworkSpec spec = new NetworkSpec(2, List.of(
                LayerSpec.hidden(3, PLUGINS.activations().get("tanh").configureDefaults()), LayerSpec.output(k)));
        ReferenceBackend b = new ReferenceBackend();
        List<HostMatrix> bias = new ArrayList<>(Arrays.asList(null, null));
        ParameterSet params = ParameterSet.upload(spec, b, List.of(HostMatrix.of(W1), HostMatrix.of(w2)), bias);
        Network net = new Network(params);
        Matrix xd = b.upload(HostMatrix.of(x));
        Matrix yd = b.upload(HostMatrix.of(y));
        ForwardPass fp = net.newForwardPass(x.length);
        net.forward(xd, fp);
        double phi = net.loss(fp, yd);
        Monitor m = PLUGINS.monitors().get("error").configureDefaults().instance();
        assertThat(m.columns()).containsExactly("train_error");
        if (xh != null) {
            m = m.withHoldout(b.upload(HostMatrix.of(xh)),
                    b.upload(HostMatrix.of(yh)));
            assertThat(m.columns()).containsExactly("train_error", "holdout_loss", "holdout_error");
        }
        Iterate it = new Iterate(0, 0, phi, net, fp, xd, yd, params.copy(), Axis.STEP, 0.1);
        return m.observe(it);
    }

    private static double handError(double[][] f, double[][] y) {
        int wrong = 0;
        for (int i = 0; i < f.length; i++) {
            if (f[i].length == 1) {
                wrong += (f[i][0] >= 0) == (y[i][0] >= 0) ? 0 : 1;
            } else {
                int a = 0;
                int t = 0;
                for (int j = 1; j < f[i].length; j++) {
                    a = f[i][j] > f[i][a] ? j : a;
                    t = y[i][j] > y[i][t] ? j : t;
                }
                wrong += a == t ? 0 : 1;
            }
        }
        return (double) wrong / f.length;
    }

    @Test
    void oneOutputNetMatchesTheHandComputation() {
        double[][] w2 = {{1.0}, {-2.0}, {0.5}};
        double[][] x = {{1, 0}, {0, 1}, {-1, 0.5}, {0.2, -0.4}, {0, 0}};
        // the last row's output is exactly 0 (tanh(0) = 0): it counts as +, so target 0 is right
        double[][] y = {{-1}, {1}, {-1}, {1}, {0}};
        double[][] f = byHand(x, w2);
        double expected = handError(f, y);
        assertThat(expected).isStrictlyBetween(0.0, 1.0);
        assertThat(f[4][0]).isZero();
        assertThat(observe(w2, x, y, null, null)).containsExactly(expected);
    }

    @Test
    void severalOutputsAndTheHoldoutMatchTheHandComputation() {
        double[][] w2 = {{1.0, 0.0, -0.5}, {-2.0, 1.0, 0.3}, {0.5, 0.5, 0.5}};
        double[][] x = {{1, 0}, {0, 1}, {-1, 0.5}, {0.2, -0.4}};
        double[][] y = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}};
        double[][] xh = {{0.3, 0.3}, {-0.5, -1}, {2, 1}, {0, 0}, {1, -1}};
        // the all-zero input gives all-zero outputs: a tie, classified as class 0 (right here)
        double[][] yh = {{0, 1, 0}, {1, 0, 0}, {0, 0, 1}, {1, 0, 0}, {0, 0, 1}};
        double[][] fh = byHand(xh, w2);
        double loss = 0;
        for (int i = 0; i < xh.length; i++) {
            for (int k = 0; k < 3; k++) {
                loss += 0.5 * (fh[i][k] - yh[i][k]) * (fh[i][k] - yh[i][k]);
            }
        }
        double[] v = observe(w2, x, y, xh, yh);
        assertThat(v).hasSize(3);
        assertThat(v[0]).isEqualTo(handError(byHand(x, w2), y));
        assertThat(v[1]).isCloseTo(loss, within(1e-12 * loss));
        assertThat(v[2]).isEqualTo(handError(fh, yh));
        assertThat(v[2]).isStrictlyBetween(0.0, 1.0);
    }

    @Test
    void registeredInModuleInfoAndServiceFiles() {
        assertThat(ServiceDeclarations.assertAgree(ErrorMonitorProvider.class).get(
                "org.gdcert.core.spi.MonitorProvider")).contains(ErrorMonitorProvider.class.getName());
    }

    // ---------------------------------------------------------------------------------------------
    // runs with held-out data

    private RunSpec.Builder spec(DataSpec data, DataSpec holdout, int outputs) {
        NetworkSpec net = new NetworkSpec(3, List.of(
                LayerSpec.hidden(5, PLUGINS.activations().get("tanh").configureDefaults()), LayerSpec.output(outputs)));
        return RunSpec.builder("holdout").seed(11).data(data).holdout(holdout).network(net)
                .initializer(PluginChoice.defaults(PLUGINS.initializers().get("testinit")))
                .optimizer(PluginChoice.of(PLUGINS.optimizers().get("plaingd"), List.of(Argument.named("eta", 0.05))))
                .backend(PluginChoice.defaults(PLUGINS.backends().get("reference")))
                .monitor(new MonitorChoice(PluginChoice.defaults(PLUGINS.monitors().get("error")), 1))
                .stop(StopRules.DEFAULT.withMaxSteps(5)).outputRoot(tmp.resolve("runs"));
    }

    private DataSpec sphere(int n, int d, boolean teacher) {
        return new DataSpec(PluginChoice.of(PLUGINS.dataSources().get("sphere"), List.of(Argument.named("n", n),
                Argument.named("d", d))), teacher ? Optional.of(PluginChoice.of(PLUGINS.labelSources().get("teacher"),
                        List.of(Argument.named("width", 4.0)))) : Optional.empty(), tmp);
    }

    @Test
    void aRandomHoldoutDrawsOtherPointsAndTheTeacherLabelsThemAsIndependentlyComputed() {
        RunResult r = new Runner(PLUGINS).run(spec(sphere(20, 3, true), sphere(20, 3, false), 1).build());
        Path dir = r.directory();
        HostMatrix x = Npy.readMatrix(dir.resolve("X.npy"));
        HostMatrix xh = Npy.readMatrix(dir.resolve("X_holdout.npy"));
        HostMatrix yh = Npy.readMatrix(dir.resolve("Y_holdout.npy"));
        assertThat(xh.rows()).isEqualTo(20);
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 20; j++) {
                assertThat(Arrays.equals(x.row(i), xh.row(j))).as("training row %d vs held-out row %d", i, j)
                        .isFalse();
            }
        }
        // the teacher, rebuilt from the run's "labels" stream: W (3 x 4) ~ N(0, 1/3), V (4 x 1) ~ N(0, 1/4)
        Rng rng = Rng.of(11).stream("labels").stream("teacher");
        double[] w = new double[12];
        rng.fillGaussian(w, 1 / Math.sqrt(3));
        double[] v = new double[4];
        rng.fillGaussian(v, 0.5);
        for (int i = 0; i < 20; i++) {
            double s = 0;
            for (int h = 0; h < 4; h++) {
                double pre = 0;
                for (int j = 0; j < 3; j++) {
                    pre += xh.get(i, j) * w[j * 4 + h];
                }
                s += Math.tanh(pre) * v[h];
            }
            assertThat(yh.get(i, 0)).isCloseTo(s, within(1e-12));
        }
        assertThat(r.trajectory().columns()).contains("train_error", "holdout_loss", "holdout_error");
        double[] he = r.trajectory().column("holdout_error");
        assertThat(Arrays.stream(he).boxed().toList()).allSatisfy(e -> assertThat(e).isBetween(0.0, 1.0));
    }

    @Test
    void theHoldoutLossIsHalfTheSquaredErrorOfTheFinalWeightsOnTheHeldOutData() {
        NetworkSpec netSpec = new NetworkSpec(3, List.of(LayerSpec.output(2)));
        DataSpec train = new DataSpec(PluginChoice.of(PLUGINS.dataSources().get("testdata"),
                List.of(Argument.named("k", 2.0))), Optional.empty(), tmp);
        DataSpec held = new DataSpec(PluginChoice.of(PLUGINS.dataSources().get("testdata"),
                List.of(Argument.named("k", 2.0), Argument.named("n", 6.0))), Optional.empty(), tmp);
        RunResult r = new Runner(PLUGINS).run(spec(train, held, 2).network(netSpec).build());
        Path dir = r.directory();
        HostMatrix xh = Npy.readMatrix(dir.resolve("X_holdout.npy"));
        HostMatrix yh = Npy.readMatrix(dir.resolve("Y_holdout.npy"));
        HostMatrix w = Npy.readMatrix(dir.resolve("theta_final_W1.npy"));
        double loss = 0;
        for (int i = 0; i < 6; i++) {
            for (int k = 0; k < 2; k++) {
                double f = 0;
                for (int j = 0; j < 3; j++) {
                    f += xh.get(i, j) * w.get(j, k);
                }
                loss += 0.5 * (f - yh.get(i, k)) * (f - yh.get(i, k));
            }
        }
        double[] col = r.trajectory().column("holdout_loss");
        assertThat(col[col.length - 1]).isCloseTo(loss, within(1e-12 * loss));
        assertThat(col[0]).isNotEqualTo(col[col.length - 1]);
    }

    @Test
    void aHoldoutOfAnotherDimensionFailsBeforeTraining() {
        RunSpec s = spec(sphere(20, 3, true), sphere(10, 4, false), 1).build();
        assertThatThrownBy(() -> new Runner(PLUGINS).run(s)).isInstanceOf(RunException.class)
                .hasMessageContaining("d = 4").hasMessageContaining("width 3");
        assertThat(tmp.resolve("runs")).doesNotExist();
    }

    @Test
    void heldOutTargetsOfAnotherWidthFailBeforeTraining() {
        DataSpec held = new DataSpec(PluginChoice.of(PLUGINS.dataSources().get("testdata"),
                List.of(Argument.named("k", 2.0))), Optional.empty(), tmp);
        DataSpec train = new DataSpec(PluginChoice.defaults(PLUGINS.dataSources().get("testdata")), Optional.empty(),
                tmp);
        assertThatThrownBy(() -> new Runner(PLUGINS).run(spec(train, held, 1).build()))
                .isInstanceOf(RunException.class).hasMessageContaining("2 columns").hasMessageContaining("1 outputs");
    }
}
