package org.gdcert.initializers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.InitializerProvider;
import org.gdcert.core.testing.ServiceDeclarations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** module-info and META-INF/services agree, and ServiceLoader finds every initializer by name. */
class ProviderRegistrationTest {

    private static final String SPI = "org.gdcert.core.spi.InitializerProvider";
    private static final List<String> NAMES = List.of("lecun", "he", "xavier", "gaussian", "standard_normal",
            "uniform", "zero", "identity", "orthogonal", "nm20_autoscale", "nm20_pyramidal", "n21_scaled",
            "n21_cor32", "song", "shallow_gaussian", "signs");

    @Test
    void moduleInfoAndServicesFileDeclareTheSameProviders() {
        assertThat(ServiceDeclarations.assertAgree(LecunProvider.class).get(SPI)).hasSize(NAMES.size());
    }

    @Test
    void serviceLoaderFindsExactlyTheExpectedNamesOnce() {
        List<String> found = ServiceLoader.load(InitializerProvider.class).stream().map(p -> p.get().name()).toList();
        assertThat(found).containsExactlyInAnyOrderElementsOf(NAMES);
        assertThat(new HashSet<>(found)).hasSameSizeAs(found);
        for (String n : found) {
            assertThat(n).matches("[a-z][a-z0-9_]*");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lecun", "he", "xavier", "gaussian", "standard_normal", "uniform", "zero", "identity",
        "orthogonal", "nm20_autoscale", "nm20_pyramidal", "n21_scaled", "n21_cor32", "song", "shallow_gaussian",
        "signs"})
    void eachPluginIsFoundByNameAndCreatedWithDefaults(String name) {
        InitializerProvider p = ServiceLoader.load(InitializerProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        assertThat(p.description()).isNotBlank();
        assertThat(p.availability().available()).isTrue();
        Configured<Initializer> c = p.configureDefaults();
        assertThat(c.name()).isEqualTo(name);
        List<HostMatrix> ws = Contexts.network(c.instance(), new int[] {4, 8, 3}, 5);
        assertThat(ws).hasSize(2);
        double[] bias = {7, 7, 7};
        c.instance().initializeBias(Contexts.layer(2, new int[] {4, 8, 3}, ws), bias,
                org.gdcert.core.random.Rng.of(1));
        assertThat(bias).containsOnly(0.0);
    }
}
