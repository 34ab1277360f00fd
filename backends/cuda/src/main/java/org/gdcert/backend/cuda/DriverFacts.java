package org.gdcert.backend.cuda;

import java.util.Locale;
import jcuda.driver.CUresult;
import org.gdcert.core.spi.Availability;

/**
 * What the probe of the CUDA driver found on this machine (device 0), and the judgement whether the
 * backend can run here, as one sentence for {@code gdcert plugins} and the DSL compiler.
 *
 * @param loadProblem why the JCuda driver library (and with it libcuda.so.1) could not be loaded, or
 *        null if it loaded
 * @param initResult the CUresult of cuInit(0)
 * @param driverVersion CUDA version the driver supports, 1000·major + 10·minor (13000 = 13.0); 0 if unknown
 * @param deviceCount CUDA devices the driver sees
 * @param device device 0, or null if there is none or it could not be queried
 */
record DriverFacts(String loadProblem, int initResult, int driverVersion, int deviceCount, DeviceInfo device) {

    /** The oldest driver that loads the PTX: nvcc 13.0 writes PTX ISA 9.0, which CUDA 13.0 drivers read. */
    static final int REQUIRED_DRIVER = 13000;
    /** The PTX targets compute_75 (Turing); older GPUs cannot run it. */
    static final int REQUIRED_COMPUTE_CAPABILITY = 75;

    /** The JCuda library could not be loaded. */
    static DriverFacts notLoaded(String problem) {
        return new DriverFacts(problem, CUresult.CUDA_ERROR_NOT_INITIALIZED, 0, 0, null);
    }

    /** Whether the backend can run here; if not, one sentence saying why. */
    Availability availability() {
        if (loadProblem != null) {
            return Availability.unavailable(loadProblem);
        }
        if (initResult == CUresult.CUDA_ERROR_NO_DEVICE) {
            return Availability.unavailable("the NVIDIA driver is installed but finds no CUDA GPU (cuInit reports "
                    + "CUDA_ERROR_NO_DEVICE)");
        }
        if (initResult == CUresult.CUDA_ERROR_STUB_LIBRARY) {
            return Availability.unavailable("the libcuda.so.1 found is the CUDA toolkit's stub, not an NVIDIA driver "
                    + "(cuInit reports CUDA_ERROR_STUB_LIBRARY)");
        }
        if (initResult == INSUFFICIENT_DRIVER || initResult == CUresult.CUDA_ERROR_SYSTEM_DRIVER_MISMATCH
                || initResult == CUresult.CUDA_ERROR_COMPAT_NOT_SUPPORTED_ON_DEVICE) {
            return Availability.unavailable("the NVIDIA driver does not match this GPU or CUDA version (cuInit reports "
                    + errorName(initResult) + ")");
        }
        if (initResult != CUresult.CUDA_SUCCESS) {
            return Availability.unavailable("the CUDA driver could not be initialised (cuInit reports "
                    + errorName(initResult) + ")");
        }
        if (driverVersion < REQUIRED_DRIVER) {
            return Availability.unavailable("the NVIDIA driver supports CUDA " + cudaVersion(driverVersion)
                    + ", but gdcert's kernels need a driver for CUDA " + cudaVersion(REQUIRED_DRIVER)
                    + " or newer (NVIDIA driver 580 or newer)");
        }
        if (deviceCount <= 0 || device == null) {
            return Availability.unavailable("the NVIDIA driver is installed but finds no CUDA GPU");
        }
        if (device.computeCapability() < REQUIRED_COMPUTE_CAPABILITY) {
            return Availability.unavailable("the GPU " + device.name() + " has compute capability "
                    + device.computeCapabilityText() + ", but gdcert's kernels need "
                    + REQUIRED_COMPUTE_CAPABILITY / 10 + "." + REQUIRED_COMPUTE_CAPABILITY % 10 + " or newer");
        }
        return Availability.AVAILABLE;
    }

    /** CUDA_ERROR_INSUFFICIENT_DRIVER, which JCuda 12.6's CUresult does not name. */
    static final int INSUFFICIENT_DRIVER = 35;

    /** The CUresult's name, {@code CUDA_ERROR_NO_DEVICE}. */
    static String errorName(int result) {
        return result == INSUFFICIENT_DRIVER ? "CUDA_ERROR_INSUFFICIENT_DRIVER" : CUresult.stringFor(result);
    }

    /** 12040 → "12.4". */
    static String cudaVersion(int v) {
        return String.format(Locale.ROOT, "%d.%d", v / 1000, (v % 1000) / 10);
    }

    /**
     * One sentence for a failure to load JCuda's driver library: the missing NVIDIA driver when the
     * loader names libcuda, else the first line of the loader's message (JCuda's messages go on with
     * nested stack traces, which users should not see).
     */
    static String describeLoadFailure(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage();
        for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
            if (c.getMessage() != null) {
                message = message + "\n" + c.getMessage();
            }
        }
        if (message.contains("libcuda.so") || message.contains("nvcuda.dll")) {
            return "no NVIDIA driver is installed (the CUDA driver library libcuda.so.1 was not found)";
        }
        String first = message.strip().lines().findFirst().orElse("").strip();
        if (first.length() > 160) {
            first = first.substring(0, 157) + "...";
        }
        return "JCuda's driver library could not be loaded on " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + (first.isEmpty() ? "" : " (" + first + ")");
    }
}
