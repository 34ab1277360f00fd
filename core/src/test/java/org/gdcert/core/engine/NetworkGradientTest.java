package org.gdcert.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.testing.GradientCheck;
import org.gdcert.core.testing.ReferenceBackend;
import org.gdcert.core.testing.TestActivations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gradients, JVPs and VJPs of the engine against central finite differences, for depths 1–5, with
 * and without biases, residual blocks, NTK-style scales and frozen layers (the activations module
 * runs the same checks for every activation plugin).
 */
class NetworkGradientTest {
    private static final double REL_TOL = 1e-6;
    private final Backend backend = new ReferenceBackend();
    private final GradientCheck check = new GradientCheck(backend);

    @AfterEach
    void close() {
        backend.close();
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        String[] names = {"tanh", "softplus", "wiggle"};
        Activation[] acts = {TestActivations.TANH, TestActivations.SOFTPLUS, TestActivations.WIGGLE};
        for (GradientCheck.Variant v : GradientCheck.variants()) {
            for (int a = 0; a < acts.length; a++) {
                out.add(Arguments.of(v, names[a], acts[a]));
            }
        }
        return out.stream();
    }

    private Network network(GradientCheck.Variant v, String name, Activation act, long seed) {
        NetworkSpec spec = GradientCheck.spec(v, TestActivations.configured(name, act));
        return new Network(check.randomParams(spec, Rng.of(seed), 1.2));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void gradientMatchesCentralDifferences(GradientCheck.Variant v, String name, Activation act) {
        Rng rng = Rng.of(11);
        Network net = network(v, name, act, 11 + v.depth());
        assertThat(check.gradientError(net, check.random(6, 4, rng), check.random(6, 3, rng))).isLessThan(REL_TOL);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void jvpMatchesDirectionalDifferences(GradientCheck.Variant v, String name, Activation act) {
        Rng rng = Rng.of(23);
        Network net = network(v, name, act, 23 + v.depth());
        ParameterSet dir = check.randomParams(net.spec(), rng, 1.0);
        assertThat(check.jvpError(net, check.random(5, 4, rng), dir)).isLessThan(REL_TOL);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void vjpMatchesDifferencesOfProjectedOutput(GradientCheck.Variant v, String name, Activation act) {
        Rng rng = Rng.of(37);
        Network net = network(v, name, act, 37 + v.depth());
        assertThat(check.vjpError(net, check.random(4, 4, rng), check.random(4, 3, rng))).isLessThan(REL_TOL);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void jvpAndVjpAreAdjoint(GradientCheck.Variant v, String name, Activation act) {
        Rng rng = Rng.of(41);
        Network net = network(v, name, act, 41 + v.depth());
        ParameterSet dir = check.randomParams(net.spec(), rng, 1.0);
        Matrix x = check.random(7, 4, rng);
        Matrix u = check.random(7, 3, rng);
        ForwardPass fp = net.newForwardPass(7);
        net.forward(x, fp);
        Matrix jv = backend.zeros(7, 3);
        net.jvp(fp, dir, jv);
        ParameterSet jtu = net.parameters().zerosLike();
        net.vjp(fp, u, jtu);
        double lhs = backend.dot(u, jv);
        double rhs = jtu.dot(dir);
        assertThat(Math.abs(lhs - rhs)).isLessThan(1e-12 * Math.max(1, Math.abs(lhs)));
    }

    @Test
    void frozenLayersGetNoGradientAndAreNotUpdated() {
        GradientCheck.Variant v = new GradientCheck.Variant("frozen", 3, false, false, false, true);
        Network net = network(v, "tanh", TestActivations.TANH, 5);
        Rng rng = Rng.of(5);
        HostMatrix w1 = backend.download(net.parameters().weight(1));
        ParameterSet g = net.parameters().zerosLike();
        backend.fill(g.weight(1), 7.0);
        Matrix x = check.random(3, 4, rng);
        Matrix y = check.random(3, 3, rng);
        ForwardPass fp = net.newForwardPass(3);
        net.forward(x, fp);
        net.loss(fp, y);
        net.gradient(fp, g);
        net.parameters().axpyInPlace(-0.1, g);
        assertThat(backend.download(net.parameters().weight(1))).isEqualTo(w1);
        assertThat(net.parameters().trainableSize()).isEqualTo(5 * 5 + 5 * 3);
    }

    @Test
    void lossIsHalfSquaredFrobeniusNormOfResidual() {
        NetworkSpec spec = new NetworkSpec(2, List.of(LayerSpec.output(1)));
        Network net = new Network(ParameterSet.upload(spec, backend, List.of(HostMatrix.of(new double[][] {{1}, {2}})),
                Arrays.asList((HostMatrix) null)));
        Matrix x = backend.upload(HostMatrix.of(new double[][] {{1, 1}, {0, 1}}));
        Matrix y = backend.upload(HostMatrix.of(new double[][] {{1}, {0}}));
        ForwardPass fp = net.newForwardPass(2);
        net.forward(x, fp);
        // outputs 3 and 2, residuals 2 and 2: Φ = ½ (4 + 4) = 4
        assertThat(net.loss(fp, y)).isEqualTo(4.0);
    }
}
