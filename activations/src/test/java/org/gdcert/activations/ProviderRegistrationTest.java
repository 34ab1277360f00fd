package org.gdcert.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProvider;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.ParamValue;
import org.gdcert.core.spi.ParameterException;
import org.gdcert.core.testing.ServiceDeclarations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** module-info and META-INF/services agree, and ServiceLoader finds every activation by name. */
class ProviderRegistrationTest {

    private static final String SPI = "org.gdcert.core.spi.ActivationProvider";
    private static final List<String> NAMES = List.of("smoothrelu", "relu", "leakyrelu", "softplus", "sigmoid",
            "tanh", "gelu", "erf", "identity");

    @Test
    void moduleInfoAndServicesFileDeclareTheSameProviders() {
        assertThat(ServiceDeclarations.assertAgree(SmoothReluProvider.class).get(SPI)).hasSize(NAMES.size());
    }

    @Test
    void serviceLoaderFindsExactlyTheExpectedNamesOnce() {
        List<String> found = ServiceLoader.load(ActivationProvider.class).stream()
                .map(p -> p.get().name()).toList();
        assertThat(found).containsExactlyInAnyOrderElementsOf(NAMES);
        assertThat(new HashSet<>(found)).hasSameSizeAs(found);
        for (String n : found) {
            assertThat(n).matches("[a-z][a-z0-9_]*");
        }
    }

    static ActivationProvider lookup(String name) {
        return ServiceLoader.load(ActivationProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"smoothrelu", "relu", "leakyrelu", "softplus", "sigmoid", "tanh", "gelu", "erf",
        "identity"})
    void eachPluginIsFoundByNameAndCreatedWithDefaults(String name) {
        ActivationProvider p = lookup(name);
        assertThat(p.description()).isNotBlank();
        assertThat(p.availability().available()).isTrue();
        Configured<Activation> c = p.configureDefaults();
        assertThat(c.name()).isEqualTo(name);
        Activation a = c.instance();
        assertThat(a.properties()).isNotNull();
        assertThat(a.value(0.3)).isFinite();
        assertThat(a.derivative(0.3)).isFinite();
    }

    @Test
    void smoothreluPositionalOrderIsGammaThenBeta() {
        Configured<Activation> c = lookup("smoothrelu").configure(List.of(
                Argument.positional(ParamValue.Num.of(0.1)), Argument.positional(ParamValue.Num.of(5))));
        assertThat(c.params().getDouble("gamma")).isEqualTo(0.1);
        assertThat(c.params().getDouble("beta")).isEqualTo(5.0);
        assertThat(c.instance().properties().derivativeMin()).isEqualTo(0.1);
        assertThat(c.instance().properties().derivativeLipschitz()).isEqualTo(5.0);
        assertThat(c.toString()).isEqualTo("smoothrelu(gamma=0.1, beta=5)");
    }

    @Test
    void rangesAreEnforcedByTheSchema() {
        Map<String, List<Argument>> bad = Map.of(
                "smoothrelu", List.of(Argument.named("gamma", 1.0)),
                "leakyrelu", List.of(Argument.named("a", -0.1)),
                "relu", List.of(Argument.named("derivative_at_zero", 2.0)));
        bad.forEach((name, args) -> assertThatThrownBy(() -> lookup(name).configure(args))
                .isInstanceOf(ParameterException.class).hasMessageStartingWith(name + ":"));
        assertThatThrownBy(() -> lookup("smoothrelu").configure(List.of(Argument.named("beta", 0.0))))
                .hasMessageContaining("beta");
        assertThatThrownBy(() -> lookup("tanh").configure(List.of(Argument.named("x", 1.0))))
                .hasMessageContaining("takes no parameters");
    }
}
