package org.gdcert.activations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProvider;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.testing.GradientCheck;
import org.gdcert.core.testing.ReferenceBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine's gradients, JVPs and VJPs against central finite differences for every activation
 * plugin (found by ServiceLoader), depths 1–5, with and without biases, residual and NTK variants.
 */
class EngineDerivativesForEveryActivationTest {
    private static final double REL_TOL = 1e-6;
    private static final Backend BACKEND = new ReferenceBackend();
    private static final GradientCheck CHECK = new GradientCheck(BACKEND);

    @AfterAll
    static void close() {
        BACKEND.close();
    }

    static Stream<Arguments> cases() {
        List<Configured<Activation>> acts = new ArrayList<>();
        for (ActivationProvider p : ServiceLoader.load(ActivationProvider.class)) {
            acts.add(p.configureDefaults());
        }
        acts.add(new SmoothReluProvider().configure(List.of(Argument.named("gamma", 0.1), Argument.named("beta", 5.0))));
        assertThat(acts).hasSizeGreaterThanOrEqualTo(10);
        List<Arguments> out = new ArrayList<>();
        for (Configured<Activation> a : acts) {
            for (GradientCheck.Variant v : GradientCheck.variants()) {
                out.add(Arguments.of(a, v));
            }
        }
        return out.stream();
    }

    private static Network network(Configured<Activation> a, GradientCheck.Variant v, long seed) {
        return new Network(CHECK.randomParams(GradientCheck.spec(v, a), Rng.of(seed), 1.2));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void gradient(Configured<Activation> a, GradientCheck.Variant v) {
        Rng rng = Rng.of(101);
        Network net = network(a, v, 102);
        assertThat(CHECK.gradientError(net, CHECK.random(6, 4, rng), CHECK.random(6, 3, rng))).isLessThan(REL_TOL);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void jvp(Configured<Activation> a, GradientCheck.Variant v) {
        Rng rng = Rng.of(201);
        Network net = network(a, v, 202);
        ParameterSet dir = CHECK.randomParams(net.spec(), rng, 1.0);
        assertThat(CHECK.jvpError(net, CHECK.random(5, 4, rng), dir)).isLessThan(REL_TOL);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void vjp(Configured<Activation> a, GradientCheck.Variant v) {
        Rng rng = Rng.of(301);
        Network net = network(a, v, 302);
        assertThat(CHECK.vjpError(net, CHECK.random(4, 4, rng), CHECK.random(4, 3, rng))).isLessThan(REL_TOL);
    }
}
