package org.gdcert.backend.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.BackendProvider;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.ParameterException;
import org.gdcert.core.testing.ServiceDeclarations;
import org.junit.jupiter.api.Test;

class VectorBackendProviderTest {

    @Test
    void serviceLoaderFindsTheVectorBackendByName() {
        List<BackendProvider> found = ServiceLoader.load(BackendProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("vector")).toList();
        assertThat(found).hasSize(1);
        assertThat(found.get(0)).isInstanceOf(VectorBackendProvider.class);
        assertThat(found.get(0).availability().available()).isTrue();
    }

    @Test
    void pluginRegistryFindsTheVectorBackend() {
        assertThat(Plugins.discover().backends().find("vector")).get().isInstanceOf(VectorBackendProvider.class);
    }

    @Test
    void defaultsAreDoubleOnAllProcessors() {
        Configured<Backend> c = new VectorBackendProvider().configureDefaults();
        try (Backend be = c.instance()) {
            assertThat(be.name()).isEqualTo("vector");
            assertThat(be.precision()).isEqualTo(Precision.DOUBLE);
            assertThat(be.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
            assertThat(c.params().toString()).isEqualTo("precision=double, threads=0");
        }
    }

    @Test
    void describeNamesTheSpeciesTheJvmChose() {
        Configured<Backend> c = new VectorBackendProvider().configure(
                List.of(Argument.named("precision", "float"), Argument.named("threads", 3)));
        try (Backend be = c.instance()) {
            assertThat(be.precision()).isEqualTo(Precision.FLOAT);
            assertThat(be.threads()).isEqualTo(3);
            int bits = FloatVector.SPECIES_PREFERRED.vectorBitSize();
            assertThat(be.describe()).startsWith("vector (float, 3 threads, " + bits + "-bit vectors ("
                    + FloatVector.SPECIES_PREFERRED.length() + " floats)");
        }
        try (Backend be = new VectorBackend(Precision.DOUBLE, 1)) {
            assertThat(be.describe()).contains(DoubleVector.SPECIES_PREFERRED.length() + " doubles");
        }
    }

    @Test
    void badParametersAreRejectedWithTheirNames() {
        VectorBackendProvider p = new VectorBackendProvider();
        assertThatThrownBy(() -> p.configure(List.of(Argument.named("threads", -1))))
                .isInstanceOf(ParameterException.class).hasMessageContaining("threads");
        assertThatThrownBy(() -> p.configure(List.of(Argument.named("precision", "half"))))
                .isInstanceOf(ParameterException.class).hasMessageContaining("precision")
                .hasMessageContaining("double, float");
    }

    /** module-info's {@code provides} and META-INF/services must name the same providers. */
    @Test
    void moduleInfoAndServiceFilesAgree() {
        assertThat(ServiceDeclarations.assertAgree(VectorBackendProvider.class)).containsEntry(
                BackendProvider.class.getName(), Set.of(VectorBackendProvider.class.getName()));
    }

    /**
     * On the class path without {@code --add-modules jdk.incubator.vector} the provider still loads,
     * is listed, and says it is unavailable and why (a JVM started for the purpose).
     */
    @Test
    void withoutTheIncubatorModuleTheProviderIsUnavailableAndSaysWhy() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AvailabilityProbe.class.getName()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("listed vector").contains("available false")
                .contains("--add-modules jdk.incubator.vector").contains("create refused: backend vector:");
    }
}
