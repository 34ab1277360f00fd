package org.gdcert.backend.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import org.gdcert.core.spi.Availability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Under {@code -Pemulator}: the fake libcuda.so.1 was loaded, so the GPU tests really ran (on the CPU
 * emulation of the kernels) instead of skipping.
 */
@EnabledIfSystemProperty(named = "gdcert.cuda.emulator", matches = "true")
class EmulatorTest {

    @Test
    void theEmulatedGpuIsAvailable() {
        Availability a = new CudaBackendProvider().availability();
        assertThat(a.available()).as("availability under -Pemulator: %s", a.reason()).isTrue();
        assertThat(Gpu.isEmulator()).isTrue();
        assertThat(CudaDriver.facts().device().computeCapability()).isEqualTo(90);
    }
}
