package org.gdcert.core.backend;

import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cache-blocked, packed, multi-threaded GEMM driver for row-major Java arrays, in double and
 * float. It owns everything but the kernel: small products go to {@link SmallGemm}; otherwise the
 * product is oriented so that the kernel's long (vectorised) dimension is the longer side of C,
 * C is cut into rectangles (a few per thread), and the threads take rectangles from a shared counter
 * until none is left, each running the blocked loops over its rectangle with its own packing buffers
 * (a kernel {@link DoubleGemmKernel.Worker worker}):
 *
 * <pre>
 * for each column block jc (≤ nc columns)
 *   for each depth block pc (≤ kc)          pack op(B)[pc, jc]
 *     for each row panel ic (mr rows)       pack op(A)[ic, pc]; C[ic, jc] := α·Â·B̂ + (pc == 0 ? β : 1)·C[ic, jc]
 * </pre>
 *
 * <p>Taking rectangles dynamically keeps all threads busy when one of them is slowed down (a loaded
 * machine); rectangles are independent, so no thread waits for another before the end. The depth
 * blocks depend on k only and every entry of C is summed in the same order whatever rectangle holds
 * it, so results do not depend on the number of threads. With beta == 0 the old C is
 * never read. A backend swaps the kernel ({@link DoubleGemmKernel}, {@link FloatGemmKernel}) and
 * keeps the rest.
 */
public final class BlockedGemm {
    /**
     * Products with fewer multiply-adds than this run {@link SmallGemm}'s direct loops (the packed
     * kernel is ahead from about 10³ on).
     */
    public static final long SMALL_WORK = 1000;
    /** Matrix–vector shapes (C with fewer rows or columns than this) run the direct loops. */
    public static final int SMALL_SIDE = 2;
    /** Each rectangle of C holds at least this many multiply-adds (a fork costs tens of µs). */
    public static final long WORK_PER_TASK = 1L << 20;
    /** With several threads, C is cut into up to this many rectangles per thread. */
    public static final int TASKS_PER_THREAD = 4;

    private final Parallel parallel;
    private final DoubleGemmKernel doubleKernel;
    private final FloatGemmKernel floatKernel;
    private final ConcurrentLinkedQueue<DoubleGemmKernel.Worker> doubleWorkers = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<FloatGemmKernel.Worker> floatWorkers = new ConcurrentLinkedQueue<>();

    /**
     * @param parallel the threads to use (the driver does not close it)
     * @param doubleKernel the double kernel
     * @param floatKernel the float kernel
     */
    public BlockedGemm(Parallel parallel, DoubleGemmKernel doubleKernel, FloatGemmKernel floatKernel) {
        this.parallel = Objects.requireNonNull(parallel, "parallel");
        this.doubleKernel = Objects.requireNonNull(doubleKernel, "doubleKernel");
        this.floatKernel = Objects.requireNonNull(floatKernel, "floatKernel");
    }

    /** Whether a product goes to the direct loops instead of the packed kernel. */
    public static boolean isSmall(int m, int n, int k) {
        return (long) m * n * k < SMALL_WORK || Math.min(m, n) < SMALL_SIDE;
    }

    /**
     * Whether the product is computed as Cᵀ = op(B)ᵀ·op(A)ᵀ so that the kernel runs along the rows of
     * C rather than its columns: when C is taller than wide and its rows are shorter than half a
     * column block.
     */
    static boolean transposeC(int m, int n, GemmBlocking blocking) {
        return n < m && 2 * n < blocking.nc();
    }

    /**
     * C := alpha·op(A)·op(B) + beta·C: op(A) is m×k, op(B) is k×n, C is m×n; lda, ldb, ldc are the
     * row strides of the stored arrays. With beta == 0 the old C is ignored. C must not overlap A or
     * B.
     */
    public void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int lda,
            double[] b, int ldb, double beta, double[] c, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            for (int i = 0; i < m; i++) {
                SmallGemm.scaleRow(c, i * ldc, n, beta);
            }
            return;
        }
        if (isSmall(m, n, k)) {
            SmallGemm.gemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            return;
        }
        GemmBlocking bl = doubleKernel.blocking();
        if (transposeC(m, n, bl)) {
            run(!transB, !transA, n, m, k, alpha, b, ldb, a, lda, beta, c, 1, ldc, bl);
        } else {
            run(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, 1, bl);
        }
    }

    /** Float version of {@link #gemm(boolean, boolean, int, int, int, double, double[], int, double[], int, double, double[], int)}. */
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int lda,
            float[] b, int ldb, float beta, float[] c, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            for (int i = 0; i < m; i++) {
                SmallGemm.scaleRow(c, i * ldc, n, beta);
            }
            return;
        }
        if (isSmall(m, n, k)) {
            SmallGemm.gemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            return;
        }
        GemmBlocking bl = floatKernel.blocking();
        if (transposeC(m, n, bl)) {
            run(!transB, !transA, n, m, k, alpha, b, ldb, a, lda, beta, c, 1, ldc, bl);
        } else {
            run(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, 1, bl);
        }
    }

    /** C[i, j] at c[i·rs + j·cs]. */
    private void run(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int lda,
            double[] b, int ldb, double beta, double[] c, int rs, int cs, GemmBlocking bl) {
        Grid g = Grid.of(m, n, k, parallel.threads(), bl);
        int depth = bl.depthBlock(k);
        AtomicInteger next = new AtomicInteger();
        int runners = Math.min(parallel.threads(), g.tasks());
        parallel.forChunks(runners, runners, (from, to) -> {
            DoubleGemmKernel.Worker w = doubleWorkers.poll();
            if (w == null) {
                w = doubleKernel.newWorker();
            }
            try {
                for (int t = next.getAndIncrement(); t < g.tasks(); t = next.getAndIncrement()) {
                    serial(w, bl, transA, transB, k, depth, alpha, a, lda, b, ldb, beta, c, rs, cs, g.rowStart(t),
                            g.rowEnd(t), g.colStart(t), g.colEnd(t));
                }
            } finally {
                doubleWorkers.offer(w);
            }
        });
    }

    private void run(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int lda,
            float[] b, int ldb, float beta, float[] c, int rs, int cs, GemmBlocking bl) {
        Grid g = Grid.of(m, n, k, parallel.threads(), bl);
        int depth = bl.depthBlock(k);
        AtomicInteger next = new AtomicInteger();
        int runners = Math.min(parallel.threads(), g.tasks());
        parallel.forChunks(runners, runners, (from, to) -> {
            FloatGemmKernel.Worker w = floatWorkers.poll();
            if (w == null) {
                w = floatKernel.newWorker();
            }
            try {
                for (int t = next.getAndIncrement(); t < g.tasks(); t = next.getAndIncrement()) {
                    serial(w, bl, transA, transB, k, depth, alpha, a, lda, b, ldb, beta, c, rs, cs, g.rowStart(t),
                            g.rowEnd(t), g.colStart(t), g.colEnd(t));
                }
            } finally {
                floatWorkers.offer(w);
            }
        });
    }

    /** The blocked loops over C[i0..i1, j0..j1] on one thread. */
    private static void serial(DoubleGemmKernel.Worker w, GemmBlocking bl, boolean transA, boolean transB, int k,
            int depth, double alpha, double[] a, int lda, double[] b, int ldb, double beta, double[] c, int rs,
            int cs, int i0, int i1, int j0, int j1) {
        int width = bl.columnBlock(j1 - j0);
        int mr = bl.mr();
        for (int jc = j0; jc < j1; jc += width) {
            int nc = Math.min(width, j1 - jc);
            for (int pc = 0; pc < k; pc += depth) {
                int kc = Math.min(depth, k - pc);
                w.packB(transB, b, ldb, pc, jc, kc, nc);
                double bt = pc == 0 ? beta : 1;
                for (int ic = i0; ic < i1; ic += mr) {
                    int rows = Math.min(mr, i1 - ic);
                    w.packA(transA, a, lda, ic, pc, rows, kc);
                    w.multiply(rows, nc, kc, alpha, bt, c, ic * rs + jc * cs, rs, cs);
                }
            }
        }
    }

    private static void serial(FloatGemmKernel.Worker w, GemmBlocking bl, boolean transA, boolean transB, int k,
            int depth, float alpha, float[] a, int lda, float[] b, int ldb, float beta, float[] c, int rs, int cs,
            int i0, int i1, int j0, int j1) {
        int width = bl.columnBlock(j1 - j0);
        int mr = bl.mr();
        for (int jc = j0; jc < j1; jc += width) {
            int nc = Math.min(width, j1 - jc);
            for (int pc = 0; pc < k; pc += depth) {
                int kc = Math.min(depth, k - pc);
                w.packB(transB, b, ldb, pc, jc, kc, nc);
                float bt = pc == 0 ? beta : 1;
                for (int ic = i0; ic < i1; ic += mr) {
                    int rows = Math.min(mr, i1 - ic);
                    w.packA(transA, a, lda, ic, pc, rows, kc);
                    w.multiply(rows, nc, kc, alpha, bt, c, ic * rs + jc * cs, rs, cs);
                }
            }
        }
    }

    /**
     * C cut into gm × gn rectangles, the tasks: rows at multiples of mr, columns at multiples of
     * nStep. One task on one thread; with t threads between half and all of
     * {@value #TASKS_PER_THREAD}·t tasks of at least {@link #WORK_PER_TASK} multiply-adds (fewer when C
     * has too few row panels and column groups), preferring
     * square rectangles (each task packs the A rows and B columns its rectangle needs, so square
     * rectangles pack least) and multiples of t (so the last round keeps every thread busy).
     */
    record Grid(int m, int n, int gm, int gn, int mr, int nStep) {

        static Grid of(int m, int n, int k, int threads, GemmBlocking bl) {
            long work = (long) m * n * k;
            int max = threads <= 1 ? 1
                    : (int) Math.max(1, Math.min((long) TASKS_PER_THREAD * threads, work / WORK_PER_TASK));
            int rowUnits = (m + bl.mr() - 1) / bl.mr();
            int colUnits = (n + bl.nStep() - 1) / bl.nStep();
            int bestGm = 1;
            int bestGn = 1;
            double bestScore = Double.POSITIVE_INFINITY;
            for (int t = max; t > 1 && (t * 2 > max || bestScore == Double.POSITIVE_INFINITY); t--) {
                for (int gm = 1; gm <= t; gm++) {
                    int gn = t / gm;
                    if (gm * gn != t || gm > rowUnits || gn > colUnits) {
                        continue;
                    }
                    double score = Math.abs(Math.log(((double) m / gm) / ((double) n / gn)));
                    if (t % threads != 0) {
                        score += Math.log(2); // the last round would leave threads idle
                    }
                    if (score < bestScore - 1e-9) {
                        bestScore = score;
                        bestGm = gm;
                        bestGn = gn;
                    }
                }
            }
            return new Grid(m, n, bestGm, bestGn, bl.mr(), bl.nStep());
        }

        int tasks() {
            return gm * gn;
        }

        private static int split(int total, int unit, int parts, int index) {
            int units = (total + unit - 1) / unit;
            return Math.min(total, (int) ((long) units * index / parts) * unit);
        }

        int rowStart(int task) {
            return split(m, mr, gm, task / gn);
        }

        int rowEnd(int task) {
            return split(m, mr, gm, task / gn + 1);
        }

        int colStart(int task) {
            return split(n, nStep, gn, task % gn);
        }

        int colEnd(int task) {
            return split(n, nStep, gn, task % gn + 1);
        }
    }
}
