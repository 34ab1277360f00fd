package org.gdcert.certificates.du;

import java.util.Locale;
import org.gdcert.core.spi.Activation;

/**
 * K^(H) and λ_0 with an error estimate and a positivity status (spec certificates-du.md §3.1.2,
 * §3.5).
 *
 * <p>The recursion is evaluated at quadrature orders N and 2N; the estimate
 * e_q = max |K_N − K_{2N}| over the entries of K^(H) (propagated through the whole recursion) is
 * reported with the value at 2N (so e_q, the error of the coarser rule, is conservative), plus the
 * checked interpolation error of tabulated maps ({@link PairMap}). While
 * e_q exceeds tolQuad, N doubles, as long as 2N ≤ N_max. The eigenvalue error budget is
 * Δ = n·e_q·s_q + γ·n·ε_mach·‖K̂‖_2 (Weyl, with ‖E‖_2 ≤ n max|E_ij|).
 */
final class KernelSolver {
    /** Safety factor s_q on the quadrature estimate (spec §3.5). */
    static final double SAFETY = 10;
    /** γ of the rounding term of Δ (spec §3.5). */
    static final double GAMMA = 16;
    /** ε_mach = 2^−53. */
    static final double EPS = 0x1.0p-53;

    /** Positivity of λ_0 (§3.5 step 4). */
    enum Status {
        /** λ̂ > Δ. */
        PASS,
        /** |λ̂| ≤ Δ. */
        INCONCLUSIVE,
        /** λ̂ < −Δ: K^(H) is PSD in exact arithmetic, so a kernel-engine bug or degenerate data. */
        FAIL
    }

    /** Quadrature settings: initial order N, maximal order, absolute tolerance on e_q. */
    record Settings(int order, int maxOrder, double tolerance) {
        Settings {
            if (order < 2 || maxOrder < order || !(tolerance > 0)) {
                throw new IllegalArgumentException("bad quadrature settings N=" + order + ", N_max=" + maxOrder
                        + ", tol=" + tolerance);
            }
        }
    }

    /**
     * @param kernels the kernels at {@code order}
     * @param order the quadrature order of the reported values (2N)
     * @param compareOrder N, the order compared against
     * @param quadratureError e_q
     * @param toleranceReached e_q ≤ tolQuad
     * @param method words: closed forms or quadrature
     * @param lambda0 λ̂_0 = λ_min(K̂)
     * @param lambdaMax λ_max(K̂)
     * @param budget Δ
     * @param status positivity status
     */
    record Outcome(LimitKernels.Result kernels, int order, int compareOrder, double quadratureError,
            boolean toleranceReached, String method, double lambda0, double lambdaMax, double budget,
            Status status) {

        double conditionNumber() {
            return lambdaMax / lambda0;
        }

        /** NUMERIC(λ̂ ± Δ). */
        String numericText() {
            return String.format(Locale.ROOT, "NUMERIC(%.12g ± %.3g)", lambda0, budget);
        }
    }

    private KernelSolver() {
    }

    /** Computes the kernels of {@code architecture} (FC or RESNET) on unit-norm or general rows {@code x}. */
    static Outcome solve(Architecture architecture, double[][] x, int depth, double cRes, Activation sigma,
            Settings settings) {
        int n0 = settings.order();
        LimitKernels.Result coarse = compute(architecture, x, depth, cRes, new GaussianExpectations(sigma, n0));
        GaussianExpectations fineE = new GaussianExpectations(sigma, 2 * n0);
        LimitKernels.Result fine = compute(architecture, x, depth, cRes, fineE);
        double eq = maxAbsDiff(coarse.gram(), fine.gram()) + fine.tabulationError();
        int n = n0;
        while (eq > settings.tolerance() && 4 * n <= settings.maxOrder()) {
            n *= 2;
            coarse = fine;
            fineE = new GaussianExpectations(sigma, 2 * n);
            fine = compute(architecture, x, depth, cRes, fineE);
            eq = maxAbsDiff(coarse.gram(), fine.gram()) + fine.tabulationError();
        }
        String method = method(fineE, architecture, 2 * n, n, fine.tabulatedMaps() > 0);
        return certify(fine, 2 * n, n, eq, eq <= settings.tolerance(), method);
    }

    static LimitKernels.Result compute(Architecture architecture, double[][] x, int depth, double cRes,
            GaussianExpectations e) {
        return switch (architecture) {
            case FC -> LimitKernels.fullyConnected(x, depth, e, LimitKernels.Variant.CORRECTED);
            case RESNET -> LimitKernels.resnet(x, depth, cRes, e, LimitKernels.Variant.CORRECTED);
            case CONV_RESNET -> throw new IllegalArgumentException(
                    "the convolutional ResNet kernel (spec §3.4) is not implemented yet");
        };
    }

    /** λ_0 with its error budget and status (§3.5). */
    static Outcome certify(LimitKernels.Result kernels, int order, int compareOrder, double eq,
            boolean reached, String method) {
        double[][] k = kernels.gram();
        SymmetricSpectrum spec = SymmetricSpectrum.of(k);
        int n = k.length;
        double budget = n * eq * SAFETY + GAMMA * n * EPS * spec.norm();
        double lambda = spec.min();
        Status status = lambda > budget ? Status.PASS : lambda < -budget ? Status.FAIL : Status.INCONCLUSIVE;
        return new Outcome(kernels, order, compareOrder, eq, reached, method, lambda, spec.max(), budget, status);
    }

    private static String method(GaussianExpectations e, Architecture a, int order, int compare,
            boolean tabulated) {
        String pair = e.closedPair() ? "S by the activation's closed form" : "S by Gauss-Hermite";
        String deriv = e.closedDerivative() ? "Ė by the activation's closed form" : "Ė by Gauss-Hermite";
        String mu = a == Architecture.RESNET ? ", μ by 1-D Gauss-Hermite" : "";
        mu += tabulated ? ", off-diagonal maps tabulated on " + PairMap.POINTS + " Chebyshev points (spec §3.1.3; "
                + "interpolation error checked on sample pairs and added to e_q)" : "";
        return String.format(Locale.ROOT, "%s, %s%s; N = %d nodes (error estimated against N = %d)", pair, deriv, mu,
                order, compare);
    }

    static double maxAbsDiff(double[][] a, double[][] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                double d = Math.abs(a[i][j] - b[i][j]);
                if (!(d <= m)) {
                    m = d;
                }
            }
        }
        return m;
    }
}
