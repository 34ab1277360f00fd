package org.gdcert.backend.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.Availability;
import org.gdcert.core.spi.BackendProvider;
import org.gdcert.core.spi.ParameterException;
import org.gdcert.core.testing.ServiceDeclarations;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class CudaBackendProviderTest {

    @Test
    void serviceLoaderFindsTheCudaBackendByName() {
        List<BackendProvider> found = ServiceLoader.load(BackendProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("cuda")).toList();
        assertThat(found).hasSize(1);
        assertThat(found.get(0)).isInstanceOf(CudaBackendProvider.class);
        assertThat(Plugins.discover().backends().find("cuda")).get().isInstanceOf(CudaBackendProvider.class);
    }

    @Test
    void parametersAndTheirChecks() {
        CudaBackendProvider p = new CudaBackendProvider();
        assertThat(p.parameters().specs()).extracting(s -> s.name()).containsExactly("precision", "device", "threads");
        assertThatThrownBy(() -> p.configure(List.of(Argument.named("precision", "half"))))
                .isInstanceOf(ParameterException.class).hasMessageContaining("precision");
        assertThatThrownBy(() -> p.configure(List.of(Argument.named("device", -1))))
                .isInstanceOf(ParameterException.class).hasMessageContaining("device");
        assertThatThrownBy(() -> p.configure(List.of(Argument.named("threads", 1.5))))
                .isInstanceOf(ParameterException.class).hasMessageContaining("threads");
    }

    @Test
    void availabilityNeverThrowsAndIsStable() {
        CudaBackendProvider p = new CudaBackendProvider();
        Availability first = p.availability();
        assertThat(p.availability()).isEqualTo(first);
        assertThat(new CudaBackendProvider().availability()).isEqualTo(first);
    }

    @Test
    void withoutAGpuAvailabilitySaysWhyInOneSentence() {
        Availability a = new CudaBackendProvider().availability();
        Assumptions.assumeFalse(a.available(), "a CUDA GPU is available here");
        assertThat(a.reason()).isNotBlank().doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ")
                .hasSizeLessThan(200);
    }

    /** On a machine without the NVIDIA driver (this project's development machines) the reason names libcuda. */
    @Test
    void withoutTheNvidiaDriverTheReasonNamesItsLibrary() {
        Assumptions.assumeTrue(noLibcudaAnywhere(), "a libcuda.so.1 is installed here");
        assertThat(new CudaBackendProvider().availability()).isEqualTo(Availability.unavailable(
                "no NVIDIA driver is installed (the CUDA driver library libcuda.so.1 was not found)"));
    }

    @Test
    void withoutAGpuCreateFailsWithTheSameSentence() {
        Availability a = new CudaBackendProvider().availability();
        Assumptions.assumeFalse(a.available(), "a CUDA GPU is available here");
        assertThatThrownBy(() -> new CudaBackendProvider().configureDefaults())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("backend cuda is not available here: " + a.reason())
                .hasNoCause();
    }

    /** module-info's {@code provides} and META-INF/services must name the same providers. */
    @Test
    void moduleInfoAndServiceFilesAgree() {
        assertThat(ServiceDeclarations.assertAgree(CudaBackendProvider.class)).containsEntry(
                BackendProvider.class.getName(), Set.of(CudaBackendProvider.class.getName()));
    }

    /** No libcuda.so.1 in the loader's usual folders nor on LD_LIBRARY_PATH. */
    private static boolean noLibcudaAnywhere() {
        List<String> dirs = new ArrayList<>(List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib",
                "/lib/x86_64-linux-gnu", "/lib64", "/usr/local/nvidia/lib64", "/usr/local/nvidia/lib",
                "/usr/lib/wsl/lib", "/usr/local/cuda/lib64/stubs"));
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            dirs.addAll(List.of(ld.split(File.pathSeparator)));
        }
        return dirs.stream().filter(d -> !d.isEmpty()).noneMatch(d -> Files.exists(Path.of(d, "libcuda.so.1")));
    }
}
