package org.gdcert.backend.cuda;

import java.util.Locale;

/**
 * A CUDA device as the driver describes it.
 *
 * @param ordinal the device number
 * @param name the marketing name ({@code NVIDIA H100 80GB HBM3})
 * @param computeCapability 10·major + minor (90 for Hopper)
 * @param multiprocessors streaming multiprocessors
 * @param memoryBytes total device memory
 */
record DeviceInfo(int ordinal, String name, int computeCapability, int multiprocessors, long memoryBytes) {

    /** "9.0". */
    String computeCapabilityText() {
        return computeCapability / 10 + "." + computeCapability % 10;
    }

    /** "NVIDIA H100 80GB HBM3, compute 9.0, 132 SMs, 79.1 GiB". */
    String describe() {
        return String.format(Locale.ROOT, "%s, compute %s, %d SMs, %.1f GiB", name, computeCapabilityText(),
                multiprocessors, memoryBytes / (double) (1L << 30));
    }
}
