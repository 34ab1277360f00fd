package org.gdcert.core.backend;

/**
 * The exchangeable part of {@link BlockedGemm} in single precision: the packed formats and the
 * kernel that multiplies one packed panel of op(A) by one packed block of op(B). A backend supplies
 * one (pure Java loops, Vector API, ...); the driver does blocking, threading and edge cases.
 *
 * <p>All matrices are row-major. op(X) is X or Xᵀ; the arrays passed are the stored matrices with
 * their leading dimension (row stride).
 */
public interface FloatGemmKernel {

    /** The block sizes the driver must use with this kernel. */
    GemmBlocking blocking();

    /** A worker with its own packing buffers; the driver gives each thread its own. */
    Worker newWorker();

    /** Packing buffers plus the operations on them. Not thread-safe. */
    interface Worker {
        /**
         * Packs op(B)[p0 .. p0+kc, j0 .. j0+nc] (kc ≤ blocking().kc(), nc ≤ blocking().nc()), padding
         * the depth with zeros to a multiple of blocking().kStep().
         */
        void packB(boolean transB, float[] b, int ldb, int p0, int j0, int kc, int nc);

        /**
         * Packs op(A)[i0 .. i0+rows, p0 .. p0+kc] (rows ≤ blocking().mr()), padding rows to mr and the
         * depth to a multiple of blocking().kStep() with zeros.
         */
        void packA(boolean transA, float[] a, int lda, int i0, int p0, int rows, int kc);

        /**
         * C[r, j] := alpha · Σ_p Â[r, p] B̂[p, j] + beta · C[r, j] for r &lt; rows, j &lt; nc, where Â and B̂ are
         * the packed panel and block and C[r, j] is {@code c[cOff + r·rs + j·cs]}. With beta == 0 the
         * old C is not read.
         */
        void multiply(int rows, int nc, int kc, float alpha, float beta, float[] c, int cOff, int rs, int cs);
    }
}
