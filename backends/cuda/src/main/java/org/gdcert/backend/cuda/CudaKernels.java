package org.gdcert.backend.cuda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.JCudaDriver;
import org.gdcert.core.linalg.Precision;

/**
 * gdcert's kernels ({@code gdcert_kernels.ptx}, compiled from {@code src/main/cuda/gdcert_kernels.cu}
 * by {@code build-ptx.sh}) loaded into the current context, with one typed launch method per kernel.
 * The parameter lists here must match the .cu file's (order and C types: int, long long, float or
 * double, pointer): the emulator unpacks each launch's arguments by the compiled signature, so a
 * mismatch shows there as wrong results.
 */
final class CudaKernels implements AutoCloseable {
    /** The PTX resource, next to this class. */
    static final String PTX_RESOURCE = "gdcert_kernels.ptx";
    /** Threads per block of the elementwise, reduction and GEMM kernels. */
    static final int THREADS = 256;
    /** Blocks of the first reduction pass, at most (gdcert_sum_final adds them in one block). */
    static final int MAX_REDUCE_BLOCKS = 1024;
    /** GEMM tiles (BM = BN) and k-slab, as in the .cu file's GD_GEMM_F32 / GD_GEMM_F64. */
    static final int TILE_F32 = 128;
    static final int TILE_F64 = 64;
    static final int SLAB = 8;

    private final CUmodule module = new CUmodule();
    private final boolean f32;
    private final CUfunction[] gemm = new CUfunction[4];
    private final CUfunction splitkReduce;
    private final CUfunction fill;
    private final CUfunction axpby;
    private final CUfunction hadamard;
    private final CUfunction sub;
    private final CUfunction addRow;
    private final CUfunction gatherRows;
    private final CUfunction activation;
    private final CUfunction activation2;
    private final CUfunction dotPartial;
    private final CUfunction sumFinal;
    private final CUfunction colsumPartial;
    private final CUfunction colsumFinal;
    private final int gridCap;

    /** Loads the module into the current context. */
    CudaKernels(Precision precision, int multiprocessors) {
        this.f32 = precision == Precision.FLOAT;
        this.gridCap = Math.max(1, multiprocessors) * 32;
        CudaDriver.check(JCudaDriver.cuModuleLoadData(module, ptx()), "loading gdcert's kernels (cuModuleLoadData)");
        String[] cases = {"nn", "nt", "tn", "tt"};
        for (int t = 0; t < 4; t++) {
            gemm[t] = function("gdcert_gemm_" + cases[t]);
        }
        splitkReduce = function("gdcert_gemm_splitk_reduce");
        fill = function("gdcert_fill");
        axpby = function("gdcert_axpby");
        hadamard = function("gdcert_hadamard");
        sub = function("gdcert_sub");
        addRow = function("gdcert_add_row");
        gatherRows = function("gdcert_gather_rows");
        activation = function("gdcert_activation");
        activation2 = function("gdcert_activation2");
        dotPartial = function("gdcert_dot_partial");
        colsumPartial = function("gdcert_colsum_partial");
        colsumFinal = function("gdcert_colsum_final");
        sumFinal = new CUfunction();
        CudaDriver.check(JCudaDriver.cuModuleGetFunction(sumFinal, module, "gdcert_sum_final"),
                "cuModuleGetFunction(gdcert_sum_final)");
    }

    /** The PTX text, NUL-terminated as cuModuleLoadData wants it. */
    static byte[] ptx() {
        try (InputStream in = CudaKernels.class.getResourceAsStream(PTX_RESOURCE)) {
            if (in == null) {
                throw new CudaFailure("cuda: the kernels (" + PTX_RESOURCE + ") are missing from the backend's jar");
            }
            byte[] text = in.readAllBytes();
            return Arrays.copyOf(text, text.length + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CUfunction function(String base) {
        String name = base + (f32 ? "_f32" : "_f64");
        CUfunction f = new CUfunction();
        CudaDriver.check(JCudaDriver.cuModuleGetFunction(f, module, name), "cuModuleGetFunction(" + name + ")");
        return f;
    }

    /** BM = BN of this precision's GEMM kernels. */
    int gemmTile() {
        return f32 ? TILE_F32 : TILE_F64;
    }

    // ---------------------------------------------------------------- launches

    void gemm(boolean transA, boolean transB, int gridX, int gridY, int splits, int m, int n, int k, double alpha,
            CUdeviceptr a, int lda, CUdeviceptr b, int ldb, double beta, CUdeviceptr c, int ldc, int kChunk,
            CUdeviceptr partial) {
        Args args = new Args().i(m).i(n).i(k).real(alpha).ptr(a).i(lda).ptr(b).i(ldb).real(beta).ptr(c).i(ldc)
                .i(kChunk).ptr(partial);
        launch(gemm[(transA ? 2 : 0) + (transB ? 1 : 0)], gridX, gridY, splits, THREADS, 1, args, "gemm");
    }

    void splitkReduce(int m, int n, int splits, CUdeviceptr partial, double alpha, double beta, CUdeviceptr c,
            int ldc) {
        launch1d(splitkReduce, (long) m * n, new Args().i(m).i(n).i(splits).ptr(partial).real(alpha).real(beta)
                .ptr(c).i(ldc), "gemm split-k reduction");
    }

    void fill(long n, CUdeviceptr x, double v) {
        launch1d(fill, n, new Args().l(n).ptr(x).real(v), "fill");
    }

    void axpby(long n, double alpha, CUdeviceptr x, double beta, CUdeviceptr y) {
        launch1d(axpby, n, new Args().l(n).real(alpha).ptr(x).real(beta).ptr(y), "axpby");
    }

    void hadamard(long n, CUdeviceptr a, CUdeviceptr b, CUdeviceptr out) {
        launch1d(hadamard, n, new Args().l(n).ptr(a).ptr(b).ptr(out), "hadamard");
    }

    void sub(long n, CUdeviceptr a, CUdeviceptr b, CUdeviceptr out) {
        launch1d(sub, n, new Args().l(n).ptr(a).ptr(b).ptr(out), "sub");
    }

    void addRow(long n, int cols, CUdeviceptr row, CUdeviceptr a) {
        launch1d(addRow, n, new Args().l(n).i(cols).ptr(row).ptr(a), "addRowVector");
    }

    void gatherRows(int count, int cols, CUdeviceptr rows, CUdeviceptr src, CUdeviceptr dst) {
        launch1d(gatherRows, (long) count * cols, new Args().i(count).i(cols).ptr(rows).ptr(src).ptr(dst),
                "gatherRows");
    }

    void activation(int code, double parameter, long n, CUdeviceptr in, CUdeviceptr value, CUdeviceptr deriv) {
        launch1d(activation, n, new Args().i(code).real(parameter).l(n).ptr(in).ptr(value).ptr(deriv), "activation");
    }

    void activationSecond(int code, double parameter, long n, CUdeviceptr in, CUdeviceptr out) {
        launch1d(activation2, n, new Args().i(code).real(parameter).l(n).ptr(in).ptr(out),
                "activation second derivative");
    }

    /** Blocks of the first reduction pass for n entries: a function of n alone, so sums are reproducible. */
    static int reduceBlocks(long n) {
        return (int) Math.max(1, Math.min(MAX_REDUCE_BLOCKS, (n + THREADS - 1) / THREADS));
    }

    /** out[0] := Σ a[i]·b[i] in double, through partial (reduceBlocks(n) doubles). */
    void dot(long n, CUdeviceptr a, CUdeviceptr b, CUdeviceptr partial, CUdeviceptr out) {
        int blocks = reduceBlocks(n);
        launch(dotPartial, blocks, 1, 1, THREADS, 1, new Args().l(n).ptr(a).ptr(b).ptr(partial), "dot");
        launch(sumFinal, 1, 1, 1, THREADS, 1, new Args().i(blocks).ptr(partial).ptr(out), "dot (final sum)");
    }

    void colsumPartial(int rows, int cols, CUdeviceptr a, int splits, int rowsPerSplit, CUdeviceptr partial) {
        launch(colsumPartial, (cols + 31) / 32, splits, 1, 32, 8,
                new Args().i(rows).i(cols).ptr(a).i(rowsPerSplit).ptr(partial), "columnSums");
    }

    void colsumFinal(int cols, int splits, CUdeviceptr partial, CUdeviceptr out) {
        launch1d(colsumFinal, cols, new Args().i(cols).i(splits).ptr(partial).ptr(out), "columnSums (final sum)");
    }

    private void launch1d(CUfunction f, long n, Args args, String what) {
        if (n <= 0) {
            return;
        }
        int blocks = (int) Math.min(gridCap, (n + THREADS - 1) / THREADS);
        launch(f, blocks, 1, 1, THREADS, 1, args, what);
    }

    private static void launch(CUfunction f, int gx, int gy, int gz, int bx, int by, Args args, String what) {
        CudaDriver.check(JCudaDriver.cuLaunchKernel(f, gx, gy, gz, bx, by, 1, 0, null, args.pointer(), null),
                "launching the " + what + " kernel");
    }

    @Override
    public void close() {
        JCudaDriver.cuModuleUnload(module);
    }

    /** Kernel arguments in order; {@link #real} is a float or a double as the kernels' precision. */
    private final class Args {
        private final List<Pointer> list = new ArrayList<>(14);

        Args i(int v) {
            list.add(Pointer.to(new int[] {v}));
            return this;
        }

        Args l(long v) {
            list.add(Pointer.to(new long[] {v}));
            return this;
        }

        Args real(double v) {
            list.add(f32 ? Pointer.to(new float[] {(float) v}) : Pointer.to(new double[] {v}));
            return this;
        }

        /** A device address; null passes a null pointer. */
        Args ptr(CUdeviceptr p) {
            list.add(p == null ? Pointer.to(new long[] {0L}) : Pointer.to(p));
            return this;
        }

        Pointer pointer() {
            return Pointer.to(list.toArray(new Pointer[0]));
        }
    }
}
