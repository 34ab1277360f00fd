package org.gdcert.core.spectral;

import java.util.Objects;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.spi.Backend;

/**
 * How a {@link SpectralSolver} works. Immutable; change one setting with the {@code withX} methods.
 *
 * @param route which algorithm family explicit matrices go through
 * @param verify whether explicit matrices get {@link SpectralResult.Bound#VERIFIED} bounds (one
 *     extra Cholesky factorization of the p×p Gram per bound, p = min(rows, cols))
 * @param tolerance Lanczos stops when the residual estimate is at most this times the largest
 *     |Ritz value| of the operator it runs on
 * @param maxIterations at most this many Lanczos steps per run (also capped by the dimension and by
 *     the memory of the Krylov basis)
 * @param seed the seed of the Lanczos start vectors (results are reproducible)
 * @param threads threads for the Gram product, the Cholesky factorization and matrix-vector
 *     products
 * @param backend optional: its GEMM forms the Gram matrices (double-precision backends only; null
 *     means the toolkit's own blocked kernel)
 * @param maxGramCondition with {@link Route#AUTO}, a Gram result whose estimated condition number κ
 *     (of the matrix, not the Gram) exceeds this is recomputed by the direct route; the Gram route's
 *     relative error on σ_min is about ε·κ²
 * @param directFlopBudget with {@link Route#AUTO}, the direct route is only taken when its
 *     estimated cost 4·max(m,n)·min(m,n)² is at most this many floating-point operations
 */
public record SpectralOptions(Route route, boolean verify, double tolerance, int maxIterations, long seed, int threads,
        Backend backend, double maxGramCondition, double directFlopBudget) {

    /** Algorithm families for explicit matrices. Matrix-free operators always use Lanczos. */
    public enum Route {
        /**
         * The Gram route; switches to {@link #DIRECT} when the Gram matrix is singular to working
         * precision or κ exceeds {@code maxGramCondition}, if the direct route fits
         * {@code directFlopBudget}. σ_max alone without verification goes the {@link #OPERATOR}
         * route (no Gram matrix needed).
         */
        AUTO,
        /**
         * Form the p×p Gram of the smaller side (p = min(m,n)); Cholesky + inverse Lanczos for the
         * smallest eigenvalue, Lanczos for the largest. O(p² max(m,n) + p³/3).
         */
        GRAM,
        /**
         * A dense SVD of the matrix itself (singular values only) or a dense symmetric
         * eigendecomposition: no squaring of the condition number, O(max(m,n) p²) with a large
         * constant. For small or ill-conditioned matrices.
         */
        DIRECT,
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
        if (!(directFlopBudget >= 0)) {
            throw new IllegalArgumentException("spectral options: directFlopBudget must be >= 0, got "
                    + directFlopBudget);
        }
        if (backend != null && backend.precision() != Precision.DOUBLE) {
            throw new IllegalArgumentException("spectral options: backend " + backend.name() + " is "
                    + backend.precision() + "; the spectral toolkit needs a DOUBLE backend");
        }
    }

    /**
     * AUTO route, verified bounds, tolerance 1e-12, 300 iterations, seed 1, all processors, no
     * backend, κ threshold 1e4 (Gram-route error ≈ ε κ² ≈ 1e-8), direct budget 2e10 flops.
     */
    public static SpectralOptions defaults() {
        return new SpectralOptions(Route.AUTO, true, 1e-12, 300, 1, Runtime.getRuntime().availableProcessors(), null,
                1e4, 2e10);
    }

    public SpectralOptions withRoute(Route r) {
        return new SpectralOptions(r, verify, tolerance, maxIterations, seed, threads, backend, maxGramCondition,
                directFlopBudget);
    }

    public SpectralOptions withVerify(boolean v) {
        return new SpectralOptions(route, v, tolerance, maxIterations, seed, threads, backend, maxGramCondition,
                directFlopBudget);
    }

    public SpectralOptions withTolerance(double t) {
        return new SpectralOptions(route, verify, t, maxIterations, seed, threads, backend, maxGramCondition,
                directFlopBudget);
    }

    public SpectralOptions withMaxIterations(int n) {
        return new SpectralOptions(route, verify, tolerance, n, seed, threads, backend, maxGramCondition,
                directFlopBudget);
    }

    public SpectralOptions withSeed(long s) {
        return new SpectralOptions(route, verify, tolerance, maxIterations, s, threads, backend, maxGramCondition,
                directFlopBudget);
    }

    public SpectralOptions withThreads(int t) {
        return new SpectralOptions(route, verify, tolerance, maxIterations, seed, t, backend, maxGramCondition,
                directFlopBudget);
    }

    /**
     * Forms Gram matrices with {@code b}'s GEMM (null: the built-in kernel).
     *
     * @throws IllegalArgumentException if b is not double precision (the bounds assume double)
     */
    public SpectralOptions withBackend(Backend b) {
        return new SpectralOptions(route, verify, tolerance, maxIterations, seed, threads, b, maxGramCondition,
                directFlopBudget);
    }

    public SpectralOptions withMaxGramCondition(double k) {
        return new SpectralOptions(route, verify, tolerance, maxIterations, seed, threads, backend, k,
                directFlopBudget);
    }

    public SpectralOptions withDirectFlopBudget(double f) {
        return new SpectralOptions(route, verify, tolerance, maxIterations, seed, threads, backend, maxGramCondition,
                f);
    }
}
