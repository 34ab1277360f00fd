package org.gdcert.core.spectral;

import java.util.Objects;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.spi.Backend;

/**
 * How a {@link SpectralSolver} works. Immutable; change one setting with the {@code withX} methods.
 *
 * @param route which algorithm family explicit matrices go through
 * @param verify whether explicit matrices on the Gram route get {@link SpectralResult.Bound#VERIFIED}
 *     bounds (one extra Cholesky factorization of the p×p Gram per bound, p = min(rows, cols))
 * @param tolerance Lanczos stops when the residual estimate is at most this times the largest
 *     |Ritz value| of the operator it runs on
 * @param maxIterations at most this many Lanczos steps per run (also capped by the dimension and by
 *     the memory of the Krylov basis)
 * @param seed the seed of the Lanczos start vectors (results are reproducible)
 * @param threads threads for the Gram product, the factorizations and matrix-vector products
 * @param backend optional: its GEMM forms the Gram matrices (double-precision backends only; null
 *     means the toolkit's own blocked kernel)
 * @param maxGramCondition with {@link Route#AUTO}, σ_min from a Gram matrix whose estimated
 *     condition number κ (of the matrix, not the Gram) exceeds this is recomputed by the
 *     {@link Route#QR} route; the Gram route's relative error on σ_min is about ε·κ²
 */
public record SpectralOptions(Route route, boolean verify, double tolerance, int maxIterations, long seed, int threads,
        Backend backend, double maxGramCondition) {

    /** Algorithm families for explicit matrices. Matrix-free operators always use Lanczos. */
    public enum Route {
        /**
         * {@link #GRAM}, then {@link #QR} for σ_min when the Gram matrix is singular to working
         * precision or κ exceeds {@code maxGramCondition} (certificates-nguyen.md §1.6 step 5). σ_max
         * alone without verification goes the {@link #OPERATOR} route (no Gram matrix needed).
         */
        AUTO,
        /**
         * Form the p×p Gram of the smaller side (p = min(m,n)); Cholesky + inverse Lanczos for the
         * smallest eigenvalue, Lanczos for the largest; shifted Cholesky factorizations prove the
         * bounds. O(p² max(m,n) + p³/3). Relative error on σ_min about ε·κ².
         */
        GRAM,
        /**
         * A blocked Householder LQ (QR) factorization of the matrix itself, then inverse Lanczos
         * with its triangular factor; σ_min and its residual bound are evaluated on the matrix.
         * Absolute error O(ε‖A‖) on σ_min, no squaring of κ; about twice the Gram route's cost.
         * σ_max on this route comes from Lanczos on A(Aᵀx). Symmetric eigenproblems treat it as GRAM.
         */
        QR,
        /**
         * EJML's full dense SVD (singular values only) or symmetric eigendecomposition:
         * backward-stable, O(max(m,n) p²) with a large constant. For small matrices and checks.
         */
        DENSE,
        /** Lanczos on the product A(Aᵀx) without forming anything: cheap for σ_max, no verification. */
        OPERATOR
    }

    public SpectralOptions {
        Objects.requireNonNull(route, "route");
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("spectral options: tolerance must be in (0, 1), got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("spectral options: maxIterations must be >= 1, got " + maxIterations);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("spectral options: threads must be >= 1, got " + threads);
        }
        if (!(maxGramCondition >= 1)) {
            throw new IllegalArgumentException("spectral options: maxGramCondition must be >= 1, got "
                    + maxGramCondition);
        }
        if (backend != null && backend.precision() != Precision.DOUBLE) {
            throw new IllegalArgumentException("spectral options: backend " + backend.name() + " is "
                    + backend.precision() + "; the spectral toolkit needs a DOUBLE backend");
        }
    }

    /**
     * AUTO route, verified bounds, tolerance 1e-12, 300 iterations, seed 1, all processors, no
     * backend, κ threshold 1e4 (Gram-route relative error ≈ ε κ² ≈ 2e-8 at the threshold).
     */
    public static SpectralOptions defaults() {
        return new SpectralOptions(Route.AUTO, true, 1e-12, 300, 1, Runtime.getRuntime().availableProcessors(), null,
                1e4);
    }

    public SpectralOptions withRoute(Route r) {
        return new SpectralOptions(r, verify, tolerance, maxIterations, seed, threads, backend, maxGramCondition);
    }

    public SpectralOptions withVerify(boolean v) {
        return new SpectralOptions(route, v, tolerance, maxIterations, seed, threads, backend, maxGramCondition);
    }

    public SpectralOptions withTolerance(double t) {
        return new SpectralOptions(route, verify, t, maxIterations, seed, threads, backend, maxGramCondition);
    }

    public SpectralOptions withMaxIterations(int n) {
        return new SpectralOptions(route, verify, tolerance, n, seed, threads, backend, maxGramCondition);
    }

    public SpectralOptions withSeed(long s) {
        return new SpectralOptions(route, verify, tolerance, maxIterations, s, threads, backend, maxGramCondition);
    }

    public SpectralOptions withThreads(int t) {
        return new SpectralOptions(route, verify, tolerance, maxIterations, seed, t, backend, maxGramCondition);
    }

    /**
     * Forms Gram matrices with {@code b}'s GEMM (null: the built-in kernel). The solver does not
     * close the backend.
     *
     * @throws IllegalArgumentException if b is not double precision (the bounds assume double)
     */
    public SpectralOptions withBackend(Backend b) {
        return new SpectralOptions(route, verify, tolerance, maxIterations, seed, threads, b, maxGramCondition);
    }

    public SpectralOptions withMaxGramCondition(double k) {
        return new SpectralOptions(route, verify, tolerance, maxIterations, seed, threads, backend, k);
    }
}
