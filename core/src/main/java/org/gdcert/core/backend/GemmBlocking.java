package org.gdcert.core.backend;

/**
 * The block sizes a packed GEMM kernel works with, read by {@link BlockedGemm}.
 *
 * <p>The driver cuts C into blocks of at most {@code nc} columns and the depth into blocks of at
 * most {@code kc}; for each (column, depth) block it packs op(B) once and then walks the rows in
 * panels of {@code mr}, packing each panel of op(A) just before the kernel uses it.
 *
 * @param mr rows of op(A) in one packed panel: the rows one kernel call computes
 * @param kc largest depth of a packed block; a multiple of {@code kStep}
 * @param nc largest number of columns of op(B) in a packed block
 * @param kStep packed depths are padded with zeros to a multiple of this (the kernel's unrolling)
 * @param nStep column ranges given to different threads start at multiples of this (the SIMD width)
 */
public record GemmBlocking(int mr, int kc, int nc, int kStep, int nStep) {
    public GemmBlocking {
        if (mr < 1 || kc < 1 || nc < 1 || kStep < 1 || nStep < 1) {
            throw new IllegalArgumentException("block sizes must be positive: " + mr + ", " + kc + ", " + nc + ", "
                    + kStep + ", " + nStep);
        }
        if (kc % kStep != 0) {
            throw new IllegalArgumentException("kc = " + kc + " is not a multiple of kStep = " + kStep);
        }
    }

    /** {@code n} rounded up to a multiple of {@code step}. */
    public static int roundUp(int n, int step) {
        return (n + step - 1) / step * step;
    }

    /**
     * The depth of every block but the last when the depth k is cut into blocks: the blocks are as
     * equal as possible, multiples of {@code kStep}, at most {@code kc}. Depends on k only, so the
     * rounding of a product does not depend on how the work is split between threads.
     */
    public int depthBlock(int k) {
        int blocks = (k + kc - 1) / kc;
        return Math.min(kc, roundUp((k + blocks - 1) / blocks, kStep));
    }

    /** The width of the column blocks a range of {@code width} columns is cut into (balanced, ≤ nc). */
    public int columnBlock(int width) {
        int blocks = (width + nc - 1) / nc;
        return Math.min(nc, roundUp((width + blocks - 1) / blocks, nStep));
    }
}
