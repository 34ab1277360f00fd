package org.gdcert.backend.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import jcuda.driver.CUresult;
import org.gdcert.core.spi.Availability;
import org.junit.jupiter.api.Test;

/** Every way the probe can find a machine unfit, and the one sentence it gives for each. */
class DriverFactsTest {
    private static final DeviceInfo H100 = new DeviceInfo(0, "NVIDIA H100 80GB HBM3", 90, 132, 85_000_000_000L);

    private static void assertOneSentence(Availability a) {
        assertThat(a.available()).isFalse();
        assertThat(a.reason()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotEndWith(".").hasSizeLessThan(200);
    }

    @Test
    void aHealthyMachineIsAvailable() {
        assertThat(new DriverFacts(null, CUresult.CUDA_SUCCESS, 13000, 1, H100).availability().available()).isTrue();
        assertThat(new DriverFacts(null, CUresult.CUDA_SUCCESS, 13020, 2, H100).availability().available()).isTrue();
    }

    @Test
    void noDriverLibrary() {
        String reason = DriverFacts.describeLoadFailure(new UnsatisfiedLinkError("Error while loading native library "
                + "\"JCudaDriver-12.6.0-linux-x86_64\"\nOperating system name: Linux\n...\n"
                + "/tmp/libJCudaDriver-12.6.0-linux-x86_64.so: libcuda.so.1: cannot open shared object file: "
                + "No such file or directory\n\tat java.base/jdk.internal.loader.NativeLibraries.load(Native Method)"));
        Availability a = DriverFacts.notLoaded(reason).availability();
        assertOneSentence(a);
        assertThat(a.reason()).isEqualTo("no NVIDIA driver is installed (the CUDA driver library libcuda.so.1 was not "
                + "found)");
    }

    @Test
    void anotherLoadFailureKeepsOnlyTheFirstLineOfJCudasMessage() {
        String reason = DriverFacts.describeLoadFailure(new UnsatisfiedLinkError("Error while loading native library "
                + "\"JCudaDriver-12.6.0-linux-ppc_64\"\nOperating system name: Linux\n\tat somewhere"));
        Availability a = DriverFacts.notLoaded(reason).availability();
        assertOneSentence(a);
        assertThat(a.reason()).startsWith("JCuda's driver library could not be loaded on ")
                .endsWith("(Error while loading native library \"JCudaDriver-12.6.0-linux-ppc_64\")");
        assertThat(DriverFacts.describeLoadFailure(new NoClassDefFoundError()))
                .startsWith("JCuda's driver library could not be loaded on ").doesNotContain("(");
    }

    @Test
    void driverWithoutGpu() {
        Availability a = new DriverFacts(null, CUresult.CUDA_ERROR_NO_DEVICE, 13000, 0, null).availability();
        assertOneSentence(a);
        assertThat(a.reason()).contains("finds no CUDA GPU").contains("CUDA_ERROR_NO_DEVICE");
        Availability none = new DriverFacts(null, CUresult.CUDA_SUCCESS, 13000, 0, null).availability();
        assertOneSentence(none);
        assertThat(none.reason()).isEqualTo("the NVIDIA driver is installed but finds no CUDA GPU");
    }

    @Test
    void stubLibraryAndMismatchedOrFailingDrivers() {
        Availability stub = new DriverFacts(null, CUresult.CUDA_ERROR_STUB_LIBRARY, 0, 0, null).availability();
        assertOneSentence(stub);
        assertThat(stub.reason()).contains("stub");
        Availability old = new DriverFacts(null, DriverFacts.INSUFFICIENT_DRIVER, 12020, 0, null).availability();
        assertOneSentence(old);
        assertThat(old.reason()).contains("CUDA_ERROR_INSUFFICIENT_DRIVER");
        Availability other = new DriverFacts(null, CUresult.CUDA_ERROR_UNKNOWN, 13000, 0, null).availability();
        assertOneSentence(other);
        assertThat(other.reason()).isEqualTo("the CUDA driver could not be initialised (cuInit reports "
                + "CUDA_ERROR_UNKNOWN)");
    }

    @Test
    void driverOlderThanTheKernelsNeed() {
        Availability a = new DriverFacts(null, CUresult.CUDA_SUCCESS, 12080, 1, H100).availability();
        assertOneSentence(a);
        assertThat(a.reason()).isEqualTo("the NVIDIA driver supports CUDA 12.8, but gdcert's kernels need a driver "
                + "for CUDA 13.0 or newer (NVIDIA driver 580 or newer)");
    }

    @Test
    void gpuOlderThanTheKernelsNeed() {
        DeviceInfo pascal = new DeviceInfo(0, "Tesla P100-PCIE-16GB", 60, 56, 16_000_000_000L);
        Availability a = new DriverFacts(null, CUresult.CUDA_SUCCESS, 13000, 1, pascal).availability();
        assertOneSentence(a);
        assertThat(a.reason()).isEqualTo("the GPU Tesla P100-PCIE-16GB has compute capability 6.0, but gdcert's "
                + "kernels need 7.5 or newer");
    }

    @Test
    void versionsAndNames() {
        assertThat(DriverFacts.cudaVersion(13000)).isEqualTo("13.0");
        assertThat(DriverFacts.cudaVersion(12040)).isEqualTo("12.4");
        assertThat(DriverFacts.errorName(DriverFacts.INSUFFICIENT_DRIVER)).isEqualTo("CUDA_ERROR_INSUFFICIENT_DRIVER");
        assertThat(DriverFacts.errorName(CUresult.CUDA_ERROR_OUT_OF_MEMORY)).isEqualTo("CUDA_ERROR_OUT_OF_MEMORY");
        assertThat(H100.describe()).isEqualTo("NVIDIA H100 80GB HBM3, compute 9.0, 132 SMs, 79.2 GiB");
    }
}
