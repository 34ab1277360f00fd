package org.gdcert.core.io;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import org.gdcert.core.linalg.HostMatrix;

/**
 * An n-dimensional array read from a {@code .npy} file: its shape, the element type it was stored
 * with, and its values as doubles in C (row-major) order, whatever the file's order was.
 */
public final class NpyArray {
    private final int[] shape;
    private final NpyDtype dtype;
    private final double[] data;

    /**
     * @param shape the dimensions (empty for a scalar)
     * @param dtype the element type
     * @param data the values in C order (not copied); length = product of the dimensions
     */
    public NpyArray(int[] shape, NpyDtype dtype, double[] data) {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(data, "data");
        long n = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n *= s;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got "
                    + data.length);
        }
        this.shape = shape.clone();
        this.dtype = dtype;
        this.data = data;
    }

    /** A 2-D array viewing {@code m}'s data (not copied). */
    public static NpyArray of(HostMatrix m) {
        return new NpyArray(new int[] {m.rows(), m.cols()}, NpyDtype.FLOAT64, m.data());
    }

    /** A 1-D array of {@code v} (not copied). */
    public static NpyArray vector(double[] v) {
        return new NpyArray(new int[] {v.length}, NpyDtype.FLOAT64, v);
    }

    /** The dimensions (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    public int ndim() {
        return shape.length;
    }

    /** The element type the file stored. */
    public NpyDtype dtype() {
        return dtype;
    }

    /** The values in C order (the backing array, not a copy). */
    public double[] data() {
        return data;
    }

    public int size() {
        return data.length;
    }

    /** The same values recorded as another element type (for writing). */
    public NpyArray withDtype(NpyDtype other) {
        return new NpyArray(shape, other, data);
    }

    /**
     * The array as a matrix: 2-D as it is, 1-D as one column. Other ranks are refused, since a
     * matrix of them would be a guess.
     */
    public HostMatrix asMatrix() {
        return switch (shape.length) {
            case 1 -> new HostMatrix(shape[0], 1, data);
            case 2 -> new HostMatrix(shape[0], shape[1], data);
            default -> throw new IllegalArgumentException("a " + shape.length + "-dimensional array of shape "
                    + shapeText() + " is not a matrix");
        };
    }

    /**
     * The array as samples: the first dimension indexes the rows and the remaining ones are flattened
     * in C order (images of shape (N, 28, 28) become N × 784); a 1-D array becomes one column.
     */
    public HostMatrix asRows() {
        if (shape.length == 0) {
            throw new IllegalArgumentException("a scalar is not a set of samples");
        }
        int rows = shape[0];
        int cols = 1;
        for (int i = 1; i < shape.length; i++) {
            cols *= shape[i];
        }
        return new HostMatrix(rows, cols, data);
    }

    /** NumPy's spelling of the shape: {@code (3, 4)}, {@code (5,)}, {@code ()}. */
    public String shapeText() {
        return shapeText(shape);
    }

    static String shapeText(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        return Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && a.dtype == dtype && Arrays.equals(a.shape, shape)
                && Arrays.equals(a.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(shape) + dtype.hashCode()) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype.descr() + " " + shapeText() + "]";
    }
}
