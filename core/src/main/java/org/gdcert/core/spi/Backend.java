package org.gdcert.core.spi;

import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.linalg.Precision;

/**
 * Dense linear algebra on matrices the backend owns (so a GPU keeps them on the device). All
 * matrices are logically row-major; a backend may store them otherwise. Operations take their
 * inputs first and the output last; outputs must be preallocated with the right shape. Unless a
 * method says otherwise an output may alias an input only element-for-element (e.g.
 * {@code hadamard(a, b, a)}), never in {@link #gemm}.
 *
 * <p>The contract test suite in core's test jar ({@code org.gdcert.core.testing.BackendContract})
 * checks every backend against these definitions.
 */
public interface Backend extends AutoCloseable {

    /** The name of the provider that made this backend ({@code java}, {@code vector}, {@code cuda}). */
    String name();

    Precision precision();

    /** Worker threads used by the heavy kernels. */
    int threads();

    /** One line for provenance: name, precision, threads, SIMD species or device. */
    default String describe() {
        return name() + " (" + precision().name().toLowerCase(java.util.Locale.ROOT) + ", " + threads()
                + " threads)";
    }

    /** A new zero matrix. */
    Matrix zeros(int rows, int cols);

    /** A new matrix holding a copy of {@code m} (rounded to float if the backend is float). */
    Matrix upload(HostMatrix m);

    /** Overwrites {@code dst} with {@code src} (same shape). */
    void upload(HostMatrix src, Matrix dst);

    /** Copies {@code m} back to Java memory. */
    HostMatrix download(Matrix m);

    /** Copies {@code m} into {@code dst}, which has the same shape. */
    void download(Matrix m, HostMatrix dst);

    /** dst := src. */
    void copy(Matrix src, Matrix dst);

    /** Every entry := {@code value}. */
    void fill(Matrix m, double value);

    /**
     * C := alpha · op(A) · op(B) + beta · C, where op(A) is A or Aᵀ. With {@code beta == 0} the old
     * contents of C are ignored (NaN in C does not propagate). C must not alias A or B.
     */
    void gemm(boolean transA, boolean transB, double alpha, Matrix a, Matrix b, double beta, Matrix c);

    /**
     * value := σ(in) and, if {@code derivative} is not null, derivative := σ'(in), in one pass.
     * {@code value} may be null when only the derivative is wanted.
     */
    void activation(Activation sigma, Matrix in, Matrix value, Matrix derivative);

    /** out := σ''(in). */
    void activationSecondDerivative(Activation sigma, Matrix in, Matrix out);

    /** out := a ∘ b (entrywise). */
    void hadamard(Matrix a, Matrix b, Matrix out);

    /** y := alpha · x + y. */
    void axpy(double alpha, Matrix x, Matrix y);

    /** y := alpha · x + beta · y. */
    void axpby(double alpha, Matrix x, double beta, Matrix y);

    /** x := alpha · x. */
    default void scale(double alpha, Matrix x) {
        axpby(0, x, alpha, x);
    }

    /** out := a − b. */
    void sub(Matrix a, Matrix b, Matrix out);

    /** Σ a_ij b_ij, accumulated in double. */
    double dot(Matrix a, Matrix b);

    /** Σ a_ij², accumulated in double; NaN or +Inf if any entry is. */
    double sumOfSquares(Matrix a);

    /** out (1 × cols) := column sums of a. */
    void columnSums(Matrix a, Matrix out);

    /** a[i, :] += row[0, :] for every i (bias broadcast); {@code row} is 1 × a.cols. */
    void addRowVector(Matrix row, Matrix a);

    /** dst := the rows of src listed in {@code rows}, in order (minibatch gather). */
    void gatherRows(Matrix src, int[] rows, Matrix dst);

    /** Releases every resource the backend holds (thread pools, device context). */
    @Override
    void close();
}
