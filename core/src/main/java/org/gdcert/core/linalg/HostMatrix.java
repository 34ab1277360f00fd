package org.gdcert.core.linalg;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense row-major double matrix in Java memory: the exchange format between data sources,
 * initializers, writers and backends. Mutable: methods that modify end in {@code InPlace} or are
 * plain setters; {@link #data()} exposes the backing array (row-major, length rows·cols).
 */
public final class HostMatrix {
    private final int rows;
    private final int cols;
    private final double[] data;

    public HostMatrix(int rows, int cols) {
        this(rows, cols, new double[checkedSize(rows, cols)]);
    }

    /** Wraps {@code data} (row-major, not copied). */
    public HostMatrix(int rows, int cols, double[] data) {
        Objects.requireNonNull(data, "data");
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException("data length " + data.length + " != " + rows + "x" + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    private static int checkedSize(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative shape " + rows + "x" + cols);
        }
        long n = (long) rows * cols;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("matrix too large for one array: " + rows + "x" + cols);
        }
        return (int) n;
    }

    /** A copy of {@code rows} (each of equal length). */
    public static HostMatrix of(double[][] rows) {
        int r = rows.length;
        int c = r == 0 ? 0 : rows[0].length;
        HostMatrix m = new HostMatrix(r, c);
        for (int i = 0; i < r; i++) {
            if (rows[i].length != c) {
                throw new IllegalArgumentException("ragged rows");
            }
            System.arraycopy(rows[i], 0, m.data, i * c, c);
        }
        return m;
    }

    public static HostMatrix identity(int n) {
        HostMatrix m = new HostMatrix(n, n);
        for (int i = 0; i < n; i++) {
            m.data[i * n + i] = 1;
        }
        return m;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The backing row-major array (not a copy). */
    public double[] data() {
        return data;
    }

    public double get(int i, int j) {
        return data[i * cols + j];
    }

    public void set(int i, int j, double v) {
        data[i * cols + j] = v;
    }

    public HostMatrix copy() {
        return new HostMatrix(rows, cols, data.clone());
    }

    public HostMatrix transpose() {
        HostMatrix t = new HostMatrix(cols, rows);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t.data[j * rows + i] = data[i * cols + j];
            }
        }
        return t;
    }

    /** Row {@code i} as a new array. */
    public double[] row(int i) {
        return Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
    }

    /** The rows listed, in that order, as a new matrix. */
    public HostMatrix selectRows(int[] idx) {
        HostMatrix m = new HostMatrix(idx.length, cols);
        for (int k = 0; k < idx.length; k++) {
            System.arraycopy(data, idx[k] * cols, m.data, k * cols, cols);
        }
        return m;
    }

    /** Plain triple-loop product; a reference for tests and small matrices, not a kernel. */
    public HostMatrix times(HostMatrix b) {
        if (cols != b.rows) {
            throw new IllegalArgumentException("shape mismatch " + rows + "x" + cols + " * " + b.rows + "x" + b.cols);
        }
        HostMatrix c = new HostMatrix(rows, b.cols);
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < cols; k++) {
                double a = data[i * cols + k];
                if (a == 0) {
                    continue;
                }
                int bo = k * b.cols;
                int co = i * b.cols;
                for (int j = 0; j < b.cols; j++) {
                    c.data[co + j] += a * b.data[bo + j];
                }
            }
        }
        return c;
    }

    public double frobeniusNorm() {
        double s = 0;
        double scale = 0;
        for (double v : data) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (scale == 0 || Double.isInfinite(scale)) {
            return scale;
        }
        for (double v : data) {
            double x = v / scale;
            s += x * x;
        }
        return scale * Math.sqrt(s);
    }

    public void scaleInPlace(double a) {
        for (int i = 0; i < data.length; i++) {
            data[i] *= a;
        }
    }

    /** Largest absolute difference to {@code o}; shapes must agree. */
    public double maxAbsDiff(HostMatrix o) {
        if (o.rows != rows || o.cols != cols) {
            throw new IllegalArgumentException("shape mismatch");
        }
        double m = 0;
        for (int i = 0; i < data.length; i++) {
            m = Math.max(m, Math.abs(data[i] - o.data[i]));
        }
        return m;
    }

    public boolean sameShape(HostMatrix o) {
        return rows == o.rows && cols == o.cols;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostMatrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        if ((long) rows * cols > 36) {
            return "HostMatrix[" + rows + "x" + cols + "]";
        }
        StringBuilder sb = new StringBuilder("HostMatrix[" + rows + "x" + cols + "]{");
        for (int i = 0; i < rows; i++) {
            sb.append(i == 0 ? "" : "; ");
            for (int j = 0; j < cols; j++) {
                sb.append(j == 0 ? "" : ", ").append(get(i, j));
            }
        }
        return sb.append('}').toString();
    }
}
