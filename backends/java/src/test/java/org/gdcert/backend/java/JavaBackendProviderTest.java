package org.gdcert.backend.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.BackendProvider;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.ParameterException;
import org.gdcert.core.testing.ServiceDeclarations;
import org.junit.jupiter.api.Test;

class JavaBackendProviderTest {

    @Test
    void serviceLoaderFindsTheJavaBackendByName() {
        List<BackendProvider> found = ServiceLoader.load(BackendProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("java")).toList();
        assertThat(found).hasSize(1);
        assertThat(found.get(0)).isInstanceOf(JavaBackendProvider.class);
        assertThat(found.get(0).availability().available()).isTrue();
    }

    @Test
    void pluginRegistryFindsTheJavaBackend() {
        assertThat(Plugins.discover().backends().find("java")).get().isInstanceOf(JavaBackendProvider.class);
    }

    @Test
    void defaultsAreDoubleOnAllProcessors() {
        Configured<Backend> c = new JavaBackendProvider().configureDefaults();
        try (Backend be = c.instance()) {
            assertThat(be.name()).isEqualTo("java");
            assertThat(be.precision()).isEqualTo(Precision.DOUBLE);
            assertThat(be.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
            assertThat(c.params().toString()).isEqualTo("precision=double, threads=0");
        }
    }

    @Test
    void parametersChoosePrecisionAndThreads() {
        Configured<Backend> c = new JavaBackendProvider().configure(
                List.of(Argument.named("precision", "float"), Argument.named("threads", 3)));
        try (Backend be = c.instance()) {
            assertThat(be.precision()).isEqualTo(Precision.FLOAT);
            assertThat(be.threads()).isEqualTo(3);
            assertThat(be.describe()).isEqualTo("java (float, 3 threads)");
        }
    }

    @Test
    void badParametersAreRejectedWithTheirNames() {
        JavaBackendProvider p = new JavaBackendProvider();
        assertThatThrownBy(() -> p.configure(List.of(Argument.named("threads", -1))))
                .isInstanceOf(ParameterException.class).hasMessageContaining("threads");
        assertThatThrownBy(() -> p.configure(List.of(Argument.named("threads", 1.5))))
                .isInstanceOf(ParameterException.class).hasMessageContaining("threads");
        assertThatThrownBy(() -> p.configure(List.of(Argument.named("precision", "half"))))
                .isInstanceOf(ParameterException.class).hasMessageContaining("precision")
                .hasMessageContaining("double, float");
    }

    /** module-info's {@code provides} and META-INF/services must name the same providers. */
    @Test
    void moduleInfoAndServiceFilesAgree() {
        assertThat(ServiceDeclarations.assertAgree(JavaBackendProvider.class)).containsEntry(
                BackendProvider.class.getName(), Set.of(JavaBackendProvider.class.getName()));
    }
}
