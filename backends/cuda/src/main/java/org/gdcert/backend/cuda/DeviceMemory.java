package org.gdcert.backend.cuda;

import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;

/**
 * The device allocations of one backend. Buffers are released in two steps: {@link #release} (from
 * {@code Matrix.close()} or the cleaner, on any thread) only queues a buffer, and {@link #drain}
 * (on the backend's thread, only where no other buffer's address is in use) waits for the GPU to
 * finish the work already queued and frees the queued buffers. So a buffer is never freed while a
 * kernel that reads it may still be running, and a matrix that becomes unreachable in the middle of
 * an operation keeps its memory until the operation has been launched. {@link #closeAll} frees
 * everything.
 */
final class DeviceMemory {
    /** One allocation. */
    static final class Buffer {
        final CUdeviceptr ptr;
        final long bytes;
        volatile boolean released;

        Buffer(CUdeviceptr ptr, long bytes) {
            this.ptr = ptr;
            this.bytes = bytes;
        }
    }

    private final Set<Buffer> live = ConcurrentHashMap.newKeySet();
    private final Queue<Buffer> pending = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    /**
     * A new buffer of {@code bytes} (more than 0). With {@code mayDrain} the buffers released so far
     * are freed first (and once more, after a garbage collection, if the device is full); callers
     * that hold addresses of other buffers pass false.
     */
    Buffer allocate(long bytes, boolean mayDrain, String what) {
        if (closed) {
            throw new IllegalStateException("cuda: the backend is closed");
        }
        if (mayDrain) {
            drain();
        }
        CUdeviceptr ptr = new CUdeviceptr();
        int r = JCudaDriver.cuMemAlloc(ptr, bytes);
        if (r == CUresult.CUDA_ERROR_OUT_OF_MEMORY && mayDrain) {
            // unreachable matrices are queued by the cleaner thread shortly after a collection
            System.gc();
            for (int i = 0; i < 20 && pending.isEmpty(); i++) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            drain();
            r = JCudaDriver.cuMemAlloc(ptr, bytes);
        }
        if (r == CUresult.CUDA_ERROR_OUT_OF_MEMORY) {
            long[] free = new long[1];
            long[] total = new long[1];
            JCudaDriver.cuMemGetInfo(free, total);
            throw new CudaFailure(String.format(Locale.ROOT,
                    "cuda: out of GPU memory allocating %s (%s; %s free of %s)", what, gib(bytes), gib(free[0]),
                    gib(total[0])));
        }
        CudaDriver.check(r, "cuMemAlloc of " + what);
        Buffer b = new Buffer(ptr, bytes);
        live.add(b);
        return b;
    }

    /** Queues {@code b} to be freed at the next {@link #drain}; safe from any thread, and more than once. */
    void release(Buffer b) {
        if (!b.released) {
            b.released = true;
            if (!closed) {
                pending.add(b);
            }
        }
    }

    /** Frees the queued buffers after the work queued so far has finished. */
    void drain() {
        if (pending.isEmpty() || closed) {
            return;
        }
        CudaDriver.check(JCudaDriver.cuCtxSynchronize(), "cuCtxSynchronize");
        for (Buffer b = pending.poll(); b != null; b = pending.poll()) {
            if (live.remove(b)) {
                CudaDriver.check(JCudaDriver.cuMemFree(b.ptr), "cuMemFree");
            }
        }
    }

    /** Waits for the GPU and frees every buffer; later releases are ignored. */
    void closeAll() {
        if (closed) {
            return;
        }
        closed = true;
        pending.clear();
        int sync = JCudaDriver.cuCtxSynchronize();
        for (Buffer b : live) {
            b.released = true;
            JCudaDriver.cuMemFree(b.ptr);
        }
        live.clear();
        CudaDriver.check(sync, "cuCtxSynchronize");
    }

    /** Bytes held (live and not yet freed). */
    long bytesHeld() {
        long s = 0;
        for (Buffer b : live) {
            s += b.bytes;
        }
        return s;
    }

    static String gib(long bytes) {
        return bytes >= (1L << 30) ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }
}
