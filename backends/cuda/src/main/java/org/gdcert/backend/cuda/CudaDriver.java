package org.gdcert.backend.cuda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;

/**
 * The one probe of the CUDA driver per JVM: loads JCuda's driver library (which links
 * libcuda.so.1), runs cuInit and describes device 0. Every failure becomes a fact, never an
 * exception: a missing driver library is an {@link UnsatisfiedLinkError} from JCuda's class
 * initialiser, caught here, after which JCuda's driver class stays unusable, so the result is
 * computed once and kept.
 */
final class CudaDriver {
    private CudaDriver() {
    }

    private static final class Holder {
        static final DriverFacts FACTS = probe();
    }

    /** What the probe found (computed on first use). */
    static DriverFacts facts() {
        return Holder.FACTS;
    }

    private static DriverFacts probe() {
        try {
            JCudaNatives.prepare();
        } catch (IOException | RuntimeException e) {
            // JCuda's own loader may still succeed (java.library.path, or its own copy)
        }
        int init;
        try {
            JCudaDriver.setExceptionsEnabled(false);
            init = JCudaDriver.cuInit(0);
        } catch (LinkageError | RuntimeException e) {
            return DriverFacts.notLoaded(DriverFacts.describeLoadFailure(e));
        }
        int[] version = new int[1];
        if (JCudaDriver.cuDriverGetVersion(version) != CUresult.CUDA_SUCCESS) {
            version[0] = 0;
        }
        if (init != CUresult.CUDA_SUCCESS) {
            return new DriverFacts(null, init, version[0], 0, null);
        }
        int[] count = new int[1];
        if (JCudaDriver.cuDeviceGetCount(count) != CUresult.CUDA_SUCCESS || count[0] <= 0) {
            return new DriverFacts(null, init, version[0], 0, null);
        }
        return new DriverFacts(null, init, version[0], count[0], describe(0));
    }

    /** Device {@code ordinal} as the driver describes it, or null if it cannot be queried. */
    static DeviceInfo describe(int ordinal) {
        CUdevice dev = new CUdevice();
        if (JCudaDriver.cuDeviceGet(dev, ordinal) != CUresult.CUDA_SUCCESS) {
            return null;
        }
        byte[] name = new byte[256];
        String text = "CUDA device " + ordinal;
        if (JCudaDriver.cuDeviceGetName(name, name.length, dev) == CUresult.CUDA_SUCCESS) {
            int len = 0;
            while (len < name.length && name[len] != 0) {
                len++;
            }
            text = new String(name, 0, len, StandardCharsets.UTF_8).strip();
        }
        int major = attribute(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR);
        int minor = attribute(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR);
        int sms = attribute(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT);
        long[] memory = new long[1];
        if (JCudaDriver.cuDeviceTotalMem(memory, dev) != CUresult.CUDA_SUCCESS) {
            memory[0] = 0;
        }
        return new DeviceInfo(ordinal, text, 10 * major + minor, Math.max(1, sms), memory[0]);
    }

    private static int attribute(CUdevice dev, int attribute) {
        int[] v = new int[1];
        return JCudaDriver.cuDeviceGetAttribute(v, attribute, dev) == CUresult.CUDA_SUCCESS ? v[0] : 0;
    }

    /** Throws a {@link CudaFailure} naming the call and the error unless {@code result} is success. */
    static void check(int result, String call) {
        if (result != CUresult.CUDA_SUCCESS) {
            throw new CudaFailure("cuda: " + call + " failed with " + DriverFacts.errorName(result)
                    + hint(result));
        }
    }

    private static String hint(int result) {
        if (result == CUresult.CUDA_ERROR_ILLEGAL_ADDRESS || result == CUresult.CUDA_ERROR_LAUNCH_FAILED
                || result == CUresult.CUDA_ERROR_ILLEGAL_INSTRUCTION || result == CUresult.CUDA_ERROR_MISALIGNED_ADDRESS) {
            return " (a kernel failed; the GPU context cannot be used any more, so start gdcert again)";
        }
        if (result == CUresult.CUDA_ERROR_UNSUPPORTED_PTX_VERSION) {
            return " (the NVIDIA driver is older than the nvcc that wrote gdcert's PTX; install driver 580 or newer)";
        }
        return "";
    }
}
