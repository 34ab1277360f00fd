package org.gdcert.initializers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.ParameterException;
import org.gdcert.core.spi.ParamValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Empirical variance, mean and shape of the random initializers against their declared laws. */
class DistributionTest {

    private static final int FAN_IN = 500;
    private static final int FAN_OUT = 400;
    private static final int N = FAN_IN * FAN_OUT;
    private static final double GAUSS_KURTOSIS = 3.0;
    private static final double UNIFORM_KURTOSIS = 9.0 / 5.0;
    /** P(|Z| ≤ 1) for Z standard normal. */
    private static final double P_ONE_SIGMA = 0.6826894921370859;

    static Stream<Arguments> laws() {
        Argument uniform = Argument.named("distribution", "uniform");
        return Stream.of(
                Arguments.of("lecun", Contexts.create(new LecunProvider()), 1.0 / FAN_IN, false),
                Arguments.of("lecun(uniform)", Contexts.create(new LecunProvider(), uniform), 1.0 / FAN_IN, true),
                Arguments.of("he", Contexts.create(new HeProvider()), 2.0 / FAN_IN, false),
                Arguments.of("he(uniform)", Contexts.create(new HeProvider(), uniform), 2.0 / FAN_IN, true),
                Arguments.of("xavier", Contexts.create(new XavierProvider()), 2.0 / (FAN_IN + FAN_OUT), false),
                Arguments.of("xavier(uniform)", Contexts.create(new XavierProvider(), uniform),
                        2.0 / (FAN_IN + FAN_OUT), true),
                Arguments.of("gaussian", Contexts.create(new GaussianProvider()), 1.0, false),
                Arguments.of("gaussian(std=0.3)", Contexts.create(new GaussianProvider(), Argument.named("std", 0.3)),
                        0.09, false),
                Arguments.of("gaussian(var=0.3)", Contexts.create(new GaussianProvider(), Argument.named("var", 0.3)),
                        0.3, false),
                Arguments.of("standard_normal", Contexts.create(new StandardNormalProvider()), 1.0, false),
                Arguments.of("uniform(a=0.5)", Contexts.create(new UniformProvider(), Argument.named("a", 0.5)),
                        0.25 / 3, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("laws")
    void momentsMatchTheDeclaredLaw(String label, Initializer init, double variance, boolean uniform) {
        HostMatrix w = Contexts.single(init, FAN_IN, FAN_OUT, 42);
        double[] d = w.data();
        double sd = Math.sqrt(variance);
        assertThat(Math.abs(Stats.mean(d))).as("%s mean", label).isLessThanOrEqualTo(Stats.Z * sd / Math.sqrt(N));
        double rel = Stats.meanSquare(d) / variance - 1;
        assertThat(Math.abs(rel)).as("%s variance", label)
                .isLessThanOrEqualTo(Stats.varianceTolerance(N, uniform ? UNIFORM_KURTOSIS : GAUSS_KURTOSIS));
        int within = 0;
        double bound = Math.sqrt(3 * variance);
        for (double v : d) {
            if (Math.abs(v) <= sd) {
                within++;
            }
            if (uniform) {
                assertThat(Math.abs(v)).isLessThanOrEqualTo(bound);
            }
        }
        double p = uniform ? 1 / Math.sqrt(3) : P_ONE_SIGMA;
        assertThat(Math.abs((double) within / N - p)).as("%s P(|w| <= sd)", label)
                .isLessThanOrEqualTo(Stats.Z * Math.sqrt(p * (1 - p) / N));
    }

    @Test
    void uniformWithLowAndHigh() {
        Initializer init = Contexts.create(new UniformProvider(), Argument.named("low", 2.0),
                Argument.named("high", 3.0));
        HostMatrix w = Contexts.single(init, 300, 300, 5);
        for (double v : w.data()) {
            assertThat(v).isBetween(2.0, 3.0);
        }
        assertThat(Stats.mean(w.data())).isCloseTo(2.5, org.assertj.core.data.Offset.offset(
                Stats.Z * Math.sqrt(1.0 / 12 / 90_000)));
    }

    @Test
    void contradictoryParametersAreRejectedWithAMessage() {
        assertThatThrownBy(() -> new GaussianProvider().configure(java.util.List.of(Argument.named("std", 1.0),
                Argument.named("var", 1.0)))).isInstanceOf(ParameterException.class)
                .hasMessage("gaussian: give std or var, not both (std=1.0, var=1.0)");
        assertThatThrownBy(() -> new UniformProvider().configure(java.util.List.of(Argument.named("a", 1.0),
                Argument.named("low", 0.0)))).hasMessageContaining("give a, or low and high, not both");
        assertThatThrownBy(() -> new UniformProvider().configure(java.util.List.of(Argument.named("low", 0.0))))
                .hasMessageContaining("low and high go together");
        assertThatThrownBy(() -> new UniformProvider().configure(java.util.List.of(Argument.named("low", 1.0),
                Argument.named("high", 0.0)))).hasMessageContaining("low must not exceed high");
        assertThatThrownBy(() -> new GaussianProvider().configure(java.util.List.of(Argument.named("std", -1.0))))
                .hasMessageContaining("std");
        assertThatThrownBy(() -> new LecunProvider().configure(java.util.List.of(
                Argument.named("distribution", new ParamValue.Word("cauchy"))))).hasMessageContaining("normal, uniform");
    }

    @Test
    void gaussianVarZeroIsTheZeroMatrix() {
        Initializer init = Contexts.create(new GaussianProvider(), Argument.named("var", 0.0));
        for (double v : Contexts.single(init, 7, 5, 1).data()) {
            assertThat(v).isEqualTo(0.0);
        }
    }

    @Test
    void shapeMismatchNamesTheLayer() {
        Initializer init = Contexts.create(new LecunProvider());
        assertThatThrownBy(() -> init.initialize(Contexts.layer(1, new int[] {4, 3}, java.util.List.of()),
                new HostMatrix(3, 4), org.gdcert.core.random.Rng.of(1)))
                .hasMessage("layer 1: weights are 3x4 but the layer is 4x3 (fan-in x fan-out)");
    }
}
