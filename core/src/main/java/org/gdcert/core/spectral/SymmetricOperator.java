package org.gdcert.core.spectral;

import java.util.Objects;
import org.gdcert.core.linalg.HostMatrix;

/**
 * A symmetric linear map S on R^n given by its product with a vector: a Gram matrix K = J Jᵀ
 * applied as J(Jᵀx), the empirical NTK through JVPs and VJPs, or an explicit matrix. The spectral
 * toolkit calls {@link #apply} from one thread at a time.
 */
public interface SymmetricOperator {

    /** n, the dimension. */
    int dimension();

    /** y := S x; both of length {@link #dimension()}; y is overwritten and never aliases x. */
    void apply(double[] x, double[] y);

    /**
     * The explicit symmetric matrix {@code s} (wrapped, not copied).
     *
     * @throws IllegalArgumentException if s is not square, has a non-finite entry or is not
     *     symmetric to within 1e-12 relative to its largest entry
     */
    static SymmetricOperator of(HostMatrix s) {
        Objects.requireNonNull(s, "s");
        Checks.requireSymmetric(s, "SymmetricOperator.of");
        return Kernels.symmetricOperator(s.data(), s.rows(), null);
    }
}
