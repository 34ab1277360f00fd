package org.gdcert.core.backend;

import org.gdcert.core.spi.Matrix;

/**
 * A row-major matrix in Java memory, in double or float: the storage of host backends
 * ({@link HostBackend}). Exactly one of {@link #doubles()} and {@link #floats()} is non-null.
 */
public final class DenseMatrix implements Matrix {
    private final int rows;
    private final int cols;
    private final double[] d;
    private final float[] f;
    private final Object owner;

    DenseMatrix(Object owner, int rows, int cols, boolean isFloat) {
        if (rows < 0 || cols < 0 || (long) rows * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("bad shape " + rows + "x" + cols);
        }
        this.owner = owner;
        this.rows = rows;
        this.cols = cols;
        this.d = isFloat ? null : new double[rows * cols];
        this.f = isFloat ? new float[rows * cols] : null;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    /** The row-major double storage, or null for a float matrix. */
    public double[] doubles() {
        return d;
    }

    /** The row-major float storage, or null for a double matrix. */
    public float[] floats() {
        return f;
    }

    public boolean isFloat() {
        return f != null;
    }

    /** Number of entries. */
    public int length() {
        return rows * cols;
    }

    Object owner() {
        return owner;
    }

    @Override
    public String toString() {
        return "DenseMatrix[" + rows + "x" + cols + (isFloat() ? ", float]" : ", double]");
    }
}
