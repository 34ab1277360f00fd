package org.gdcert.core.spectral;

import java.util.function.Function;
import org.gdcert.core.linalg.HostMatrix;

/**
 * One-line access to the spectral toolkit: plain doubles from a {@link SpectralSolver} with
 * {@link SpectralOptions#defaults()} minus verification. Use a {@link SpectralSolver} to get
 * bounds, the method used and the residual, or to pass a backend. See the package documentation
 * for which σ_min each paper means.
 */
public final class Spectral {
    private Spectral() {
    }

    private static double run(Function<SpectralSolver, SpectralResult> f) {
        try (SpectralSolver s = new SpectralSolver(SpectralOptions.defaults().withVerify(false))) {
            return f.apply(s).value();
        }
    }

    /** σ_{min(m,n)}(A). */
    public static double sigmaMin(HostMatrix a) {
        return run(s -> s.sigmaMin(a));
    }

    /** σ_N(F) of an N×n matrix, 0 when n &lt; N (certificates-nguyen.md §0.4). */
    public static double sigmaN(HostMatrix f) {
        return run(s -> s.sigmaN(f));
    }

    /** sqrt(λ_min(AᵀA)), 0 when rows &lt; cols (certificates-song.md §1.3). */
    public static double sigmaMinOperator(HostMatrix a) {
        return run(s -> s.sigmaMinOperator(a));
    }

    /** σ_max(A) = ‖A‖₂. */
    public static double sigmaMax(HostMatrix a) {
        return run(s -> s.sigmaMax(a));
    }

    /** λ_min of a symmetric matrix. */
    public static double lambdaMin(HostMatrix s) {
        return run(x -> x.lambdaMin(s));
    }

    /** λ_max of a symmetric matrix. */
    public static double lambdaMax(HostMatrix s) {
        return run(x -> x.lambdaMax(s));
    }

    /** σ_{min(m,n)} of an operator. */
    public static double sigmaMin(LinearOperator a) {
        return run(s -> s.sigmaMin(a));
    }

    /** σ_N of an N×n operator, 0 when n &lt; N. */
    public static double sigmaN(LinearOperator f) {
        return run(s -> s.sigmaN(f));
    }

    /** sqrt(λ_min(AᵀA)) of an operator, 0 when rows &lt; cols. */
    public static double sigmaMinOperator(LinearOperator a) {
        return run(s -> s.sigmaMinOperator(a));
    }

    /** σ_max of an operator. */
    public static double sigmaMax(LinearOperator a) {
        return run(s -> s.sigmaMax(a));
    }

    /** λ_min of a symmetric operator. */
    public static double lambdaMin(SymmetricOperator s) {
        return run(x -> x.lambdaMin(s));
    }

    /** λ_max of a symmetric operator. */
    public static double lambdaMax(SymmetricOperator s) {
        return run(x -> x.lambdaMax(s));
    }
}
