package org.gdcert.core.spectral;

import java.util.Objects;
import org.gdcert.core.linalg.HostMatrix;

/**
 * A linear map A: R^cols → R^rows given by its products with vectors, A x and Aᵀ y: an explicit
 * matrix, a network Jacobian through JVP and VJP ({@link NetworkJacobian}), or any matrix-free map.
 * The spectral toolkit calls it from one thread at a time.
 */
public interface LinearOperator {

    /** The dimension of the output space (the number of rows of A). */
    int rows();

    /** The dimension of the input space (the number of columns of A). */
    int cols();

    /** y := A x; x has {@link #cols()} entries, y has {@link #rows()} and is overwritten. */
    void apply(double[] x, double[] y);

    /** x := Aᵀ y; y has {@link #rows()} entries, x has {@link #cols()} and is overwritten. */
    void applyTranspose(double[] y, double[] x);

    /** The explicit matrix {@code a} (wrapped, not copied). */
    static LinearOperator of(HostMatrix a) {
        Objects.requireNonNull(a, "a");
        return Kernels.operator(a, null);
    }

    /** Aᵀ, sharing this operator. */
    default LinearOperator transpose() {
        LinearOperator self = this;
        return new LinearOperator() {
            @Override
            public int rows() {
                return self.cols();
            }

            @Override
            public int cols() {
                return self.rows();
            }

            @Override
            public void apply(double[] x, double[] y) {
                self.applyTranspose(x, y);
            }

            @Override
            public void applyTranspose(double[] y, double[] x) {
                self.apply(y, x);
            }

            @Override
            public LinearOperator transpose() {
                return self;
            }
        };
    }

    /**
     * A Aᵀ (rows × rows) as a symmetric operator, applied as A(Aᵀx) without forming it. For a
     * network Jacobian J this is the empirical NTK K = J Jᵀ.
     */
    default SymmetricOperator gramOfRows() {
        LinearOperator self = this;
        return new SymmetricOperator() {
            private final double[] tmp = new double[self.cols()];

            @Override
            public int dimension() {
                return self.rows();
            }

            @Override
            public void apply(double[] x, double[] y) {
                self.applyTranspose(x, tmp);
                self.apply(tmp, y);
            }
        };
    }

    /** AᵀA (cols × cols) as a symmetric operator, applied as Aᵀ(Ax) without forming it. */
    default SymmetricOperator gramOfColumns() {
        return transpose().gramOfRows();
    }
}
