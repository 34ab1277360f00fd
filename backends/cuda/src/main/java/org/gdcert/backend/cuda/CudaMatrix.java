package org.gdcert.backend.cuda;

import java.lang.ref.Cleaner;
import jcuda.driver.CUdeviceptr;
import org.gdcert.core.spi.Matrix;

/**
 * A row-major matrix in GPU memory, owned by one {@link CudaBackend}. {@link #close()} gives the
 * memory back; a matrix that is never closed gives it back once it becomes unreachable (through a
 * {@link Cleaner}) or when the backend closes.
 */
final class CudaMatrix implements Matrix {
    private static final Cleaner CLEANER = Cleaner.create();

    final CudaBackend owner;
    private final int rows;
    private final int cols;
    /** Null for an empty matrix. */
    private final DeviceMemory.Buffer buffer;
    private final Cleaner.Cleanable cleanable;

    CudaMatrix(CudaBackend owner, int rows, int cols, DeviceMemory memory, DeviceMemory.Buffer buffer) {
        this.owner = owner;
        this.rows = rows;
        this.cols = cols;
        this.buffer = buffer;
        this.cleanable = buffer == null ? null : CLEANER.register(this, new Release(memory, buffer));
    }

    /** Releases the buffer; holds no reference to the matrix. */
    private record Release(DeviceMemory memory, DeviceMemory.Buffer buffer) implements Runnable {
        @Override
        public void run() {
            memory.release(buffer);
        }
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    /** The device address; null for an empty matrix. */
    CUdeviceptr ptr() {
        if (buffer == null) {
            return null;
        }
        if (buffer.released) {
            throw new IllegalStateException("cuda: " + this + " was closed");
        }
        return buffer.ptr;
    }

    @Override
    public void close() {
        if (cleanable != null) {
            cleanable.clean();
        }
    }

    @Override
    public String toString() {
        return "cuda matrix " + rows + "x" + cols;
    }
}
