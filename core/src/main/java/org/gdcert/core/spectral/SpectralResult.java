package org.gdcert.core.spectral;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An extreme singular value or eigenvalue with how it was obtained and how far it can be off.
 *
 * <p>The exact value lies in [{@link #lower()}, {@link #upper()}] with the confidence that
 * {@link #bound()} names; {@link #value()} is the best estimate inside that interval. Certificates
 * that need a safe side read {@code lower()} (for σ_min, λ_min in a denominator or a left-hand
 * side) or {@code upper()} (for σ_max, λ_max, ‖W‖₂ in a numerator), not {@code value()}.
 *
 * @param quantity what was computed: {@code sigma_min}, {@code sigma_N}, {@code sigma_min_operator},
 *     {@code sigma_max}, {@code lambda_min}, {@code lambda_max}
 * @param value the estimate
 * @param lower a lower bound of the exact value (see {@code bound})
 * @param upper an upper bound of the exact value (see {@code bound})
 * @param method the algorithm that produced {@code value}
 * @param bound what the interval rests on
 * @param residual ‖S y − θ y‖ of the final Ritz pair (y of unit norm) on the symmetric matrix the
 *     eigenvalue belongs to (the Gram matrix for singular values); 0 for exact results, NaN for
 *     dense decompositions
 * @param iterations Lanczos steps (operator applications), 0 for direct methods
 * @param converged whether the iteration met its tolerance (always true for direct methods)
 * @param notes plain-language remarks: the route taken, fall-backs, warnings on accuracy
 */
public record SpectralResult(String quantity, double value, double lower, double upper, Method method, Bound bound,
        double residual, int iterations, boolean converged, List<String> notes) {

    /** The algorithm behind a result. */
    public enum Method {
        /** Zero by the shape alone: σ_N(F) with n &lt; N, or σ_min of A ∈ R^{p×q} on R^q with p &lt; q. */
        STRUCTURAL_ZERO,
        /** Every entry of the matrix is zero. */
        ZERO_MATRIX,
        /** Lanczos with full reorthogonalization on an explicit symmetric (Gram) matrix. */
        LANCZOS,
        /** Cholesky factorization (with a shift where needed) and Lanczos on the inverse. */
        INVERSE_LANCZOS,
        /** Lanczos on a matrix-free operator (the Gram product A(Aᵀx) or a given symmetric one). */
        OPERATOR_LANCZOS,
        /**
         * Householder LQ (QR) of the matrix itself and Lanczos on the inverse of L Lᵀ; the value and
         * its residual are evaluated on the matrix, so κ is not squared.
         */
        QR_INVERSE_LANCZOS,
        /** A full dense SVD of the matrix itself (EJML), no Gram matrix. */
        DENSE_SVD,
        /** A full dense symmetric eigendecomposition (EJML). */
        DENSE_EIGEN
    }

    /** What the interval [lower, upper] rests on, from strongest to weakest. */
    public enum Bound {
        /** The value is exact (structural zero, zero matrix); lower = value = upper. */
        EXACT,
        /**
         * Proven under the IEEE standard model of rounding (no underflow): a Rayleigh quotient on one
         * side, a Cholesky factorization of a shifted matrix on the other, the rounding of the Gram
         * product and of the factorization included.
         */
        VERIFIED,
        /**
         * The residual bound |λ − θ| ≤ ‖S y − θ y‖ of the Ritz pair (plus rounding margins): it
         * encloses the targeted eigenvalue provided Lanczos did not miss it, which a random start
         * vector makes improbable. One side (the Rayleigh quotient) is rigorous.
         */
        RESIDUAL,
        /**
         * The standard backward-error bound of a dense decomposition, c·p·ε·‖A‖ with a modest c; not
         * proven for this implementation.
         */
        BACKWARD_STABLE
    }

    public SpectralResult {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(bound, "bound");
        notes = List.copyOf(notes);
        if (!(lower <= value && value <= upper)) {
            throw new IllegalArgumentException("spectral: " + quantity + " = " + value + " outside its bounds ["
                    + lower + ", " + upper + "]");
        }
    }

    /** An exact result (no iteration, zero width). */
    static SpectralResult exact(String quantity, double value, Method method, List<String> notes) {
        return new SpectralResult(quantity, value, value, value, method, Bound.EXACT, 0, 0, true, notes);
    }

    /** max(value − lower, upper − value): how far {@code value} can be off. */
    public double errorBound() {
        return Math.max(value - lower, upper - value);
    }

    /** {@link #errorBound()} relative to |value| (+∞ for a zero value with a nonzero bound). */
    public double relativeErrorBound() {
        double e = errorBound();
        return e == 0 ? 0 : e / Math.abs(value);
    }

    /** This result with one more note. */
    SpectralResult withNote(String note) {
        List<String> n = new java.util.ArrayList<>(notes);
        n.add(note);
        return new SpectralResult(quantity, value, lower, upper, method, bound, residual, iterations, converged, n);
    }

    /** One line for logs and reports. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s = %.12g in [%.12g, %.12g] (%s, %s, %d iterations%s)%s", quantity, value,
                lower, upper, method.name().toLowerCase(Locale.ROOT), bound.name().toLowerCase(Locale.ROOT),
                iterations, converged ? "" : ", not converged", notes.isEmpty() ? "" : "; " + String.join("; ", notes));
    }
}
