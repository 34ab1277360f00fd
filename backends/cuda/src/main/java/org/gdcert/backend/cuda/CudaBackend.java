package org.gdcert.backend.cuda;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import jcuda.Pointer;
import jcuda.Sizeof;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.JCudaDriver;
import org.gdcert.core.backend.Parallel;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Availability;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;

/**
 * The CUDA backend: every matrix lives in GPU memory from {@link #zeros}/{@link #upload} until it is
 * closed, and every operation runs as one or two of gdcert's own kernels ({@code gdcert_kernels.cu})
 * on the context's default stream, so the host only waits where a result comes back: {@link #download},
 * {@link #dot} and {@link #sumOfSquares} (one double each).
 *
 * <ul>
 * <li>GEMM: tiled kernels for the four transpose cases (shared-memory slabs, a register tile per
 * thread), with split-K (partial products summed in order by a second kernel) when the output has
 * fewer tiles than the GPU has multiprocessors and k is long.
 * <li>Activations that declare a standard function ({@link Activation#closedForm()}: identity, relu,
 * leaky relu, softplus, sigmoid, tanh) run on the GPU; any other activation is evaluated on the host by
 * its own bulk methods: its input is copied from the GPU and the results back, with a one-time warning
 * naming the cost.
 * <li>Reductions accumulate in double in a fixed order (a grid that depends on the size alone), so
 * results are reproducible.
 * </ul>
 *
 * <p>Operations are synchronized on the backend, and each makes the backend's context current on the
 * calling thread, so a backend may be used from several threads one after another.
 */
public final class CudaBackend implements Backend {
    /** Name of the provider. */
    static final String NAME = "cuda";
    /** Split-K is considered when k is at least this many times the split depth. */
    static final int DEFAULT_SPLIT_DEPTH = 128;
    /** Split-K workspace at most this many entries. */
    static final long SPLIT_WORKSPACE_LIMIT = 1L << 25;
    /** Rows of one split of the column sums. */
    static final int COLSUM_ROWS_PER_SPLIT = 256;
    private static final System.Logger LOG = System.getLogger("org.gdcert.backend.cuda");

    private final Precision precision;
    private final int elementBytes;
    private final DeviceInfo device;
    private final int driverVersion;
    private final CUdevice cuDevice = new CUdevice();
    private final CUcontext context = new CUcontext();
    private final DeviceMemory memory = new DeviceMemory();
    private final CudaKernels kernels;
    private final Parallel host;
    private final Consumer<String> warnings;
    private final int splitDepth;
    private final Map<Activation, DeviceActivation.Recognition> recognised = new IdentityHashMap<>();
    private final Set<String> warned = new HashSet<>();
    /** Reduction partials (MAX_REDUCE_BLOCKS doubles) followed by the result (one double). */
    private final DeviceMemory.Buffer reduce;
    private DeviceMemory.Buffer splitK;
    private DeviceMemory.Buffer colsum;
    private DeviceMemory.Buffer indices;
    private double[][] scratchD = new double[3][];
    private float[][] scratchF = new float[3][];
    private boolean closed;
    /** Copies from the GPU to the host so far (downloads, sums, host-evaluated activations). */
    private long copiesToHost;

    /**
     * A backend on CUDA device {@code ordinal}.
     *
     * @param threads host threads for activations without a device kernel
     * @param warnings where one-time warnings go (the provider's instances log them)
     * @param splitDepth the least k per split of split-K GEMM (tests lower it to exercise split-K)
     * @throws IllegalStateException if CUDA is not available here (the message says why, in one sentence)
     * @throws CudaFailure if the device cannot be used
     */
    CudaBackend(Precision precision, int ordinal, int threads, Consumer<String> warnings, int splitDepth) {
        DriverFacts facts = CudaDriver.facts();
        Availability a = facts.availability();
        if (!a.available()) {
            throw new IllegalStateException("backend cuda is not available here: " + a.reason());
        }
        if (ordinal >= facts.deviceCount()) {
            throw new CudaFailure("cuda: there is no CUDA device " + ordinal + " (the driver sees "
                    + facts.deviceCount() + (facts.deviceCount() == 1 ? " device, number 0)" : " devices, 0 to "
                    + (facts.deviceCount() - 1) + ")"));
        }
        DeviceInfo info = ordinal == 0 ? facts.device() : CudaDriver.describe(ordinal);
        if (info == null) {
            throw new CudaFailure("cuda: CUDA device " + ordinal + " cannot be queried");
        }
        if (info.computeCapability() < DriverFacts.REQUIRED_COMPUTE_CAPABILITY) {
            throw new CudaFailure("cuda: the GPU " + info.name() + " has compute capability "
                    + info.computeCapabilityText() + ", but gdcert's kernels need 7.5 or newer");
        }
        this.precision = precision;
        this.elementBytes = precision == Precision.FLOAT ? Sizeof.FLOAT : Sizeof.DOUBLE;
        this.device = info;
        this.driverVersion = facts.driverVersion();
        this.warnings = warnings;
        this.splitDepth = splitDepth;
        CudaDriver.check(JCudaDriver.cuDeviceGet(cuDevice, ordinal), "cuDeviceGet");
        CudaDriver.check(JCudaDriver.cuDevicePrimaryCtxRetain(context, cuDevice), "cuDevicePrimaryCtxRetain");
        CudaKernels k = null;
        DeviceMemory.Buffer r = null;
        try {
            CudaDriver.check(JCudaDriver.cuCtxSetCurrent(context), "cuCtxSetCurrent");
            k = new CudaKernels(precision, info.multiprocessors());
            r = memory.allocate((CudaKernels.MAX_REDUCE_BLOCKS + 1L) * Sizeof.DOUBLE, false, "the reduction buffer");
        } catch (RuntimeException e) {
            memory.closeAll();
            if (k != null) {
                k.close();
            }
            JCudaDriver.cuDevicePrimaryCtxRelease(cuDevice);
            throw e;
        }
        this.kernels = k;
        this.reduce = r;
        this.host = new Parallel(Math.max(1, threads));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Precision precision() {
        return precision;
    }

    /** Host threads for activations without a device kernel. */
    @Override
    public int threads() {
        return host.threads();
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "cuda (%s, %s, CUDA driver %s)", precision.name().toLowerCase(Locale.ROOT),
                device.describe(), DriverFacts.cudaVersion(driverVersion));
    }

    /** The device this backend runs on. */
    DeviceInfo device() {
        return device;
    }

    /** How many copies from the GPU to the host this backend has made (tests check training brings back only Φ). */
    synchronized long copiesToHost() {
        return copiesToHost;
    }

    /** Device memory held by matrices and workspaces, in bytes. */
    synchronized long bytesHeld() {
        return memory.bytesHeld();
    }

    // ---------------------------------------------------------------- storage

    @Override
    public synchronized Matrix zeros(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("zeros: negative shape " + rows + "x" + cols);
        }
        enter();
        long bytes = (long) rows * cols * elementBytes;
        if (bytes == 0) {
            return new CudaMatrix(this, rows, cols, memory, null);
        }
        DeviceMemory.Buffer b = memory.allocate(bytes, true, String.format(Locale.ROOT, "a %d x %d %s matrix", rows,
                cols, precision.name().toLowerCase(Locale.ROOT)));
        CudaMatrix m = new CudaMatrix(this, rows, cols, memory, b);
        CudaDriver.check(JCudaDriver.cuMemsetD8(b.ptr, (byte) 0, bytes), "cuMemsetD8");
        return m;
    }

    @Override
    public Matrix upload(HostMatrix m) {
        Matrix r = zeros(m.rows(), m.cols());
        upload(m, r);
        return r;
    }

    @Override
    public synchronized void upload(HostMatrix src, Matrix dst) {
        CudaMatrix d = own(dst);
        if (src.rows() != d.rows() || src.cols() != d.cols()) {
            throw new IllegalArgumentException("upload: shape mismatch " + src.rows() + "x" + src.cols() + " vs "
                    + d.rows() + "x" + d.cols());
        }
        int n = src.data().length;
        if (n == 0) {
            return;
        }
        enter();
        if (isFloat()) {
            float[] f = new float[n];
            double[] s = src.data();
            for (int i = 0; i < n; i++) {
                f[i] = (float) s[i];
            }
            toDevice(f, d, n);
        } else {
            toDevice(src.data(), d, n);
        }
    }

    @Override
    public HostMatrix download(Matrix m) {
        HostMatrix h = new HostMatrix(m.rows(), m.cols());
        download(m, h);
        return h;
    }

    @Override
    public synchronized void download(Matrix m, HostMatrix dst) {
        CudaMatrix s = own(m);
        if (dst.rows() != s.rows() || dst.cols() != s.cols()) {
            throw new IllegalArgumentException("download: shape mismatch " + s.rows() + "x" + s.cols() + " vs "
                    + dst.rows() + "x" + dst.cols());
        }
        int n = dst.data().length;
        if (n == 0) {
            return;
        }
        enter();
        if (isFloat()) {
            float[] f = new float[n];
            toHost(s, f, n);
            double[] t = dst.data();
            for (int i = 0; i < n; i++) {
                t[i] = f[i];
            }
        } else {
            toHost(s, dst.data(), n);
        }
    }

    @Override
    public synchronized void copy(Matrix src, Matrix dst) {
        sameShape(src, dst, "copy");
        CudaMatrix s = own(src);
        CudaMatrix t = own(dst);
        if (s == t || s.size() == 0) {
            return;
        }
        enter();
        CudaDriver.check(JCudaDriver.cuMemcpyDtoD(t.ptr(), s.ptr(), s.size() * elementBytes), "cuMemcpyDtoD");
    }

    @Override
    public synchronized void fill(Matrix m, double value) {
        CudaMatrix d = own(m);
        if (d.size() == 0) {
            return;
        }
        enter();
        kernels.fill(d.size(), d.ptr(), value);
    }

    // ---------------------------------------------------------------- gemm

    @Override
    public synchronized void gemm(boolean transA, boolean transB, double alpha, Matrix a, Matrix b, double beta,
            Matrix c) {
        int m = transA ? a.cols() : a.rows();
        int k = transA ? a.rows() : a.cols();
        int kb = transB ? b.cols() : b.rows();
        int n = transB ? b.rows() : b.cols();
        if (k != kb || c.rows() != m || c.cols() != n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "gemm shape mismatch: op(A) %dx%d, op(B) %dx%d, C %dx%d", m, k, kb, n, c.rows(), c.cols()));
        }
        CudaMatrix da = own(a);
        CudaMatrix db = own(b);
        CudaMatrix dc = own(c);
        if (dc == da || dc == db) {
            throw new IllegalArgumentException("gemm: C must not alias A or B");
        }
        if (m == 0 || n == 0) {
            return;
        }
        enter();
        int tile = kernels.gemmTile();
        int gridX = (n + tile - 1) / tile;
        int gridY = (m + tile - 1) / tile;
        if (gridY > 65535) {
            throw new CudaFailure("cuda: gemm with " + m + " rows is larger than the kernel's grid allows (at most "
                    + 65535L * tile + " rows)");
        }
        int splits = splits(device.multiprocessors(), (long) gridX * gridY, k, (long) m * n, splitDepth);
        if (splits <= 1) {
            kernels.gemm(transA, transB, gridX, gridY, 1, m, n, k, alpha, da.ptr(), a.cols(), db.ptr(), b.cols(), beta,
                    dc.ptr(), n, k, null);
            return;
        }
        int chunk = (k + splits - 1) / splits;
        chunk = (chunk + CudaKernels.SLAB - 1) / CudaKernels.SLAB * CudaKernels.SLAB;
        splits = (k + chunk - 1) / chunk;
        CUdeviceptr partial = splitKWorkspace((long) splits * m * n * elementBytes);
        kernels.gemm(transA, transB, gridX, gridY, splits, m, n, k, alpha, da.ptr(), a.cols(), db.ptr(), b.cols(),
                beta, dc.ptr(), n, chunk, partial);
        kernels.splitkReduce(m, n, splits, partial, alpha, beta, dc.ptr(), n);
    }

    /**
     * How many slices of k a GEMM is split into: 1 unless its output has fewer tiles than the GPU has
     * multiprocessors; then enough slices for about two blocks per multiprocessor, each at least
     * {@code depth} deep, at most 64, with the partial products within {@link #SPLIT_WORKSPACE_LIMIT}.
     */
    static int splits(int multiprocessors, long tiles, int k, long mn, int depth) {
        if (tiles >= multiprocessors || k < 2L * depth) {
            return 1;
        }
        long byOccupancy = (2L * multiprocessors + tiles - 1) / tiles;
        long byDepth = k / depth;
        long byMemory = SPLIT_WORKSPACE_LIMIT / Math.max(1, mn);
        return (int) Math.max(1, Math.min(64, Math.min(byOccupancy, Math.min(byDepth, byMemory))));
    }

    private CUdeviceptr splitKWorkspace(long bytes) {
        if (splitK == null || splitK.bytes < bytes) {
            if (splitK != null) {
                memory.release(splitK); // freed after the queued work, at the next allocation of a matrix
            }
            splitK = memory.allocate(Math.max(bytes, 1L << 20), false, "the split-K workspace");
        }
        return splitK.ptr;
    }

    // ---------------------------------------------------------------- activations

    @Override
    public synchronized void activation(Activation sigma, Matrix in, Matrix value, Matrix derivative) {
        CudaMatrix x = own(in);
        CudaMatrix v = value == null ? null : own(value);
        CudaMatrix d = derivative == null ? null : own(derivative);
        if (v != null) {
            sameShape(in, value, "activation");
        }
        if (d != null) {
            sameShape(in, derivative, "activation");
        }
        if ((v == null && d == null) || x.size() == 0) {
            return;
        }
        enter();
        DeviceActivation.Recognition r = recognition(sigma);
        if (r.kernel().isPresent()) {
            DeviceActivation k = r.kernel().get();
            kernels.activation(k.code(), k.parameter(), x.size(), x.ptr(), v == null ? null : v.ptr(),
                    d == null ? null : d.ptr());
            return;
        }
        warnOnce(sigma, "σ and σ'", r.reason(), x);
        int n = hostLength(x, sigma);
        if (isFloat()) {
            float[] xs = scratchF(0, n);
            float[] vs = v == null ? null : scratchF(1, n);
            float[] ds = d == null ? null : scratchF(2, n);
            toHost(x, xs, n);
            host.forRange(n, 4096, (from, to) -> {
                if (vs != null && ds != null) {
                    sigma.applyWithDerivative(xs, from, vs, ds, from, to - from);
                } else if (vs != null) {
                    sigma.apply(xs, from, vs, from, to - from);
                } else {
                    sigma.applyDerivative(xs, from, ds, from, to - from);
                }
            });
            if (ds != null) {
                toDevice(ds, d, n);
            }
            if (vs != null) {
                toDevice(vs, v, n);
            }
        } else {
            double[] xs = scratchD(0, n);
            double[] vs = v == null ? null : scratchD(1, n);
            double[] ds = d == null ? null : scratchD(2, n);
            toHost(x, xs, n);
            host.forRange(n, 4096, (from, to) -> {
                if (vs != null && ds != null) {
                    sigma.applyWithDerivative(xs, from, vs, ds, from, to - from);
                } else if (vs != null) {
                    sigma.apply(xs, from, vs, from, to - from);
                } else {
                    sigma.applyDerivative(xs, from, ds, from, to - from);
                }
            });
            if (ds != null) {
                toDevice(ds, d, n);
            }
            if (vs != null) {
                toDevice(vs, v, n);
            }
        }
    }

    @Override
    public synchronized void activationSecondDerivative(Activation sigma, Matrix in, Matrix out) {
        sameShape(in, out, "activationSecondDerivative");
        CudaMatrix x = own(in);
        CudaMatrix o = own(out);
        if (x.size() == 0) {
            return;
        }
        enter();
        DeviceActivation.Recognition r = recognition(sigma);
        if (r.kernel().isPresent() && r.kernel().get().secondDerivativeOnDevice()) {
            DeviceActivation k = r.kernel().get();
            kernels.activationSecond(k.code(), k.parameter(), x.size(), x.ptr(), o.ptr());
            return;
        }
        warnOnce(sigma, "σ''", r.kernel().isPresent() ? "its own σ'' differs from the kernel's"
                : r.reason(), x);
        int n = hostLength(x, sigma);
        if (isFloat()) {
            float[] xs = scratchF(0, n);
            float[] os = scratchF(1, n);
            toHost(x, xs, n);
            host.forRange(n, 4096, (from, to) -> {
                for (int i = from; i < to; i++) {
                    os[i] = (float) sigma.secondDerivative(xs[i]);
                }
            });
            toDevice(os, o, n);
        } else {
            double[] xs = scratchD(0, n);
            double[] os = scratchD(1, n);
            toHost(x, xs, n);
            host.forRange(n, 4096, (from, to) -> {
                for (int i = from; i < to; i++) {
                    os[i] = sigma.secondDerivative(xs[i]);
                }
            });
            toDevice(os, o, n);
        }
    }

    /** Whether {@code sigma} runs on the GPU ({@code σ} and {@code σ'}), decided once per activation. */
    synchronized boolean hasDeviceKernel(Activation sigma) {
        return recognition(sigma).kernel().isPresent();
    }

    private DeviceActivation.Recognition recognition(Activation sigma) {
        return recognised.computeIfAbsent(sigma, DeviceActivation::recognise);
    }

    private void warnOnce(Activation sigma, String what, String reason, CudaMatrix x) {
        String name = sigma.getClass().getSimpleName().isEmpty() ? sigma.getClass().getName()
                : sigma.getClass().getSimpleName();
        if (warned.add(name + " " + what)) {
            warnings.accept(String.format(Locale.ROOT, "cuda: activation %s has no GPU kernel for %s (%s), so %s "
                    + "evaluated on the host: every evaluation copies its input from the GPU and the results back "
                    + "(%d x %d entries here), which can take longer than the rest of a training step; activations "
                    + "that declare a closed form through Activation.closedForm() (identity, relu, leakyrelu, softplus, "
                    + "sigmoid, tanh) run on the GPU",
                    name, what, reason, what.equals("σ''") ? "it is" : "they are", x.rows(), x.cols()));
        }
    }

    private static int hostLength(CudaMatrix x, Activation sigma) {
        if (x.size() > Integer.MAX_VALUE - 16) {
            throw new CudaFailure("cuda: activation " + sigma.getClass().getSimpleName() + " has no GPU kernel and a "
                    + x.rows() + " x " + x.cols() + " matrix is too large to evaluate on the host");
        }
        return (int) x.size();
    }

    private double[] scratchD(int slot, int n) {
        if (scratchD[slot] == null || scratchD[slot].length < n) {
            scratchD[slot] = new double[n];
        }
        return scratchD[slot];
    }

    private float[] scratchF(int slot, int n) {
        if (scratchF[slot] == null || scratchF[slot].length < n) {
            scratchF[slot] = new float[n];
        }
        return scratchF[slot];
    }

    // ---------------------------------------------------------------- elementwise

    @Override
    public synchronized void hadamard(Matrix a, Matrix b, Matrix out) {
        sameShape(a, b, "hadamard");
        sameShape(a, out, "hadamard");
        CudaMatrix x = own(a);
        CudaMatrix y = own(b);
        CudaMatrix o = own(out);
        if (x.size() == 0) {
            return;
        }
        enter();
        kernels.hadamard(x.size(), x.ptr(), y.ptr(), o.ptr());
    }

    @Override
    public void axpy(double alpha, Matrix x, Matrix y) {
        axpby(alpha, x, 1, y);
    }

    @Override
    public synchronized void axpby(double alpha, Matrix x, double beta, Matrix y) {
        sameShape(x, y, "axpby");
        CudaMatrix dx = own(x);
        CudaMatrix dy = own(y);
        if (dx.size() == 0) {
            return;
        }
        enter();
        kernels.axpby(dx.size(), alpha, dx.ptr(), beta, dy.ptr());
    }

    @Override
    public synchronized void sub(Matrix a, Matrix b, Matrix out) {
        sameShape(a, b, "sub");
        sameShape(a, out, "sub");
        CudaMatrix x = own(a);
        CudaMatrix y = own(b);
        CudaMatrix o = own(out);
        if (x.size() == 0) {
            return;
        }
        enter();
        kernels.sub(x.size(), x.ptr(), y.ptr(), o.ptr());
    }

    // ---------------------------------------------------------------- reductions

    @Override
    public synchronized double dot(Matrix a, Matrix b) {
        sameShape(a, b, "dot");
        CudaMatrix x = own(a);
        CudaMatrix y = own(b);
        return reduceDot(x, y);
    }

    @Override
    public synchronized double sumOfSquares(Matrix a) {
        CudaMatrix x = own(a);
        return reduceDot(x, x);
    }

    private double reduceDot(CudaMatrix x, CudaMatrix y) {
        if (x.size() == 0) {
            return 0;
        }
        enter();
        CUdeviceptr out = reduce.ptr.withByteOffset((long) CudaKernels.MAX_REDUCE_BLOCKS * Sizeof.DOUBLE);
        kernels.dot(x.size(), x.ptr(), y.ptr(), reduce.ptr, out);
        double[] result = new double[1];
        copiesToHost++;
        CudaDriver.check(JCudaDriver.cuMemcpyDtoH(Pointer.to(result), out, Sizeof.DOUBLE), "cuMemcpyDtoH of a sum");
        return result[0];
    }

    @Override
    public synchronized void columnSums(Matrix a, Matrix out) {
        if (out.rows() != 1 || out.cols() != a.cols()) {
            throw new IllegalArgumentException("columnSums: output must be 1x" + a.cols());
        }
        CudaMatrix x = own(a);
        CudaMatrix o = own(out);
        int rows = a.rows();
        int cols = a.cols();
        if (cols == 0) {
            return;
        }
        enter();
        if (rows == 0) {
            kernels.fill(cols, o.ptr(), 0);
            return;
        }
        int splits = Math.min(65535, (rows + COLSUM_ROWS_PER_SPLIT - 1) / COLSUM_ROWS_PER_SPLIT);
        int rowsPerSplit = (rows + splits - 1) / splits;
        long bytes = (long) splits * cols * Sizeof.DOUBLE;
        if (colsum == null || colsum.bytes < bytes) {
            if (colsum != null) {
                memory.release(colsum);
            }
            colsum = memory.allocate(Math.max(bytes, 1L << 16), false, "the column-sum workspace");
        }
        kernels.colsumPartial(rows, cols, x.ptr(), splits, rowsPerSplit, colsum.ptr);
        kernels.colsumFinal(cols, splits, colsum.ptr, o.ptr());
    }

    @Override
    public synchronized void addRowVector(Matrix row, Matrix a) {
        if (row.rows() != 1 || row.cols() != a.cols()) {
            throw new IllegalArgumentException("addRowVector: row must be 1x" + a.cols());
        }
        CudaMatrix r = own(row);
        CudaMatrix x = own(a);
        if (x.size() == 0) {
            return;
        }
        enter();
        kernels.addRow(x.size(), a.cols(), r.ptr(), x.ptr());
    }

    @Override
    public synchronized void gatherRows(Matrix src, int[] rows, Matrix dst) {
        if (dst.rows() != rows.length || dst.cols() != src.cols()) {
            throw new IllegalArgumentException("gatherRows: output must be " + rows.length + "x" + src.cols());
        }
        CudaMatrix s = own(src);
        CudaMatrix t = own(dst);
        for (int r : rows) {
            if (r < 0 || r >= src.rows()) {
                throw new IndexOutOfBoundsException("row " + r + " of " + src.rows());
            }
        }
        if (t.size() == 0) {
            return;
        }
        enter();
        long bytes = (long) rows.length * Sizeof.INT;
        if (indices == null || indices.bytes < bytes) {
            if (indices != null) {
                memory.release(indices);
            }
            indices = memory.allocate(Math.max(bytes, 1L << 12), false, "the row-index buffer");
        }
        CudaDriver.check(JCudaDriver.cuMemcpyHtoD(indices.ptr, Pointer.to(rows), bytes), "cuMemcpyHtoD of row indices");
        kernels.gatherRows(rows.length, src.cols(), indices.ptr, s.ptr(), t.ptr());
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            JCudaDriver.cuCtxSetCurrent(context);
            memory.closeAll();
        } finally {
            kernels.close();
            JCudaDriver.cuDevicePrimaryCtxRelease(cuDevice);
            host.close();
            scratchD = new double[3][];
            scratchF = new float[3][];
        }
    }

    @Override
    public String toString() {
        return describe();
    }

    // ---------------------------------------------------------------- helpers

    private boolean isFloat() {
        return precision == Precision.FLOAT;
    }

    /** Checks the backend is open and makes its context current on this thread. */
    private void enter() {
        if (closed) {
            throw new IllegalStateException("cuda: the backend is closed");
        }
        CudaDriver.check(JCudaDriver.cuCtxSetCurrent(context), "cuCtxSetCurrent");
    }

    private CudaMatrix own(Matrix m) {
        if (m instanceof CudaMatrix cm && cm.owner == this) {
            return cm;
        }
        throw new IllegalArgumentException("matrix " + m + " does not belong to backend " + describe());
    }

    private static void sameShape(Matrix a, Matrix b, String op) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalArgumentException(op + ": shape mismatch " + a.rows() + "x" + a.cols() + " vs "
                    + b.rows() + "x" + b.cols());
        }
    }

    private void toDevice(double[] src, CudaMatrix dst, int n) {
        CudaDriver.check(JCudaDriver.cuMemcpyHtoD(dst.ptr(), Pointer.to(src), (long) n * Sizeof.DOUBLE),
                "cuMemcpyHtoD");
    }

    private void toDevice(float[] src, CudaMatrix dst, int n) {
        CudaDriver.check(JCudaDriver.cuMemcpyHtoD(dst.ptr(), Pointer.to(src), (long) n * Sizeof.FLOAT), "cuMemcpyHtoD");
    }

    private void toHost(CudaMatrix src, double[] dst, int n) {
        copiesToHost++;
        CudaDriver.check(JCudaDriver.cuMemcpyDtoH(Pointer.to(dst), src.ptr(), (long) n * Sizeof.DOUBLE), "cuMemcpyDtoH");
    }

    private void toHost(CudaMatrix src, float[] dst, int n) {
        copiesToHost++;
        CudaDriver.check(JCudaDriver.cuMemcpyDtoH(Pointer.to(dst), src.ptr(), (long) n * Sizeof.FLOAT), "cuMemcpyDtoH");
    }

    /** Logs a warning through {@link System.Logger}. */
    static void log(String message) {
        LOG.log(System.Logger.Level.WARNING, message);
    }
}
