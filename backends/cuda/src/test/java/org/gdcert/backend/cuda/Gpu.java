package org.gdcert.backend.cuda;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.spi.Availability;
import org.junit.jupiter.api.Assumptions;

/**
 * The tests' access to a GPU: skips (with the provider's reason) where CUDA is not available, and makes
 * backends whose warnings are collected instead of logged, so tests print nothing. On a machine without
 * a GPU, the emulator ({@code -Pemulator}) provides one.
 */
final class Gpu {
    private Gpu() {
    }

    /** Skips the calling test (or class, from a {@code @BeforeAll}) unless CUDA is available. */
    static void assumePresent() {
        Availability a = new CudaBackendProvider().availability();
        Assumptions.assumeTrue(a.available(), () -> "no usable CUDA GPU here: " + a.reason());
    }

    /** Whether the GPU is the CPU emulator of src/test/emulator (its name says so). */
    static boolean isEmulator() {
        DeviceInfo d = CudaDriver.facts().device();
        return d != null && d.name().startsWith("gdcert CPU emulator");
    }

    /** A backend on device 0 with 2 host threads; its warnings go to {@code warnings}. */
    static CudaBackend backend(Precision precision, List<String> warnings) {
        return new CudaBackend(precision, 0, 2, warnings::add, CudaBackend.DEFAULT_SPLIT_DEPTH);
    }

    /** A backend whose warnings are kept in a list nobody reads (for the contract suite). */
    static CudaBackend backend(Precision precision) {
        return backend(precision, Collections.synchronizedList(new ArrayList<>()));
    }
}
