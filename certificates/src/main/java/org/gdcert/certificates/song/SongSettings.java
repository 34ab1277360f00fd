package org.gdcert.certificates.song;

import java.util.List;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * The checker's parameters and named numerical constants (spec certificates-song.md §4.1, §4.5, §4.6).
 *
 * @param exact whether the headline verdict uses the EXACT mode ([X], exact Jacobian singular values)
 *     instead of the PAPER mode (Lemma 3's bounds)
 * @param userChi the user's χ (Assumption 2's bound on σ_max(V_k)), or NaN for the self-consistent χ*
 * @param denseLimit the largest order of a dense symmetric eigenproblem (n × n Grams, the (d2 n)² kernel)
 * @param cEig c_eig of the safety margins τ_eig = c_eig·m·ε·λ_max and (1 + c_eig·m·ε)
 * @param marginal relative distance to a threshold below which a condition is numerically marginal
 * @param epsilon ε/h(Θ0) for the iteration count i_ε and the time t_ε
 * @param floor the relative loss floor h_floor = floor·max(1, s‖Y‖²) of the monitor
 * @param flowTolerance the relative tolerance of the flow's loss bound (the integrator's rtol)
 * @param lazyThreshold θ_lazy of the descriptive "lazy-like" label
 * @param tMax the largest Khatri–Rao power t of Theorem 3's estimator
 * @param quadrature the Gauss–Hermite order for the Hermite coefficients and E[M0]
 * @param monitorLimit the largest n (and d2·n) for which the monitor recomputes σ_min(φ(W_k X)) and K(Θ_k)
 */
record SongSettings(boolean exact, double userChi, int denseLimit, double cEig, double marginal, double epsilon,
        double floor, double flowTolerance, double lazyThreshold, int tMax, int quadrature, int monitorLimit) {

    /** Loss checks: h_k ≤ bound·(1 + this) + h_floor (spec §4.6). */
    static final double BOUND_RELATIVE = 1e-9;
    /** The local PL check allows this relative rounding: ‖∇h‖² ≥ 2α_h h (1 − this). */
    static final double PL_RELATIVE = 1e-9;
    /** Largest d2·n for the linearized twin (eigenvectors of K0 are kept). */
    static final int TWIN_LIMIT = 1000;
    /** Largest n·d1 for which the features H, D are held whole (EXACT mode, the twin). */
    static final long FEATURE_LIMIT = 1L << 23;
    /** Largest n for the Gauss–Hermite prediction of E[M0] by 2-D quadrature (n²/2 pair integrals). */
    static final int PREDICT_LIMIT = 100;
    /**
     * Largest work (multiply-adds) per recorded iterate of the monitor's dense invariants: n²·d1 for
     * σ_min(φ(W_k X)), (d2 n)²·d1 for K(Θ_k); beyond it they are skipped.
     */
    static final long MONITOR_WORK = 1L << 25;
    /** Gauss–Hermite order of the 2-D quadrature of E[φ(u)φ(v)]. */
    static final int PAIR_QUADRATURE = 32;

    static ParameterSchema schema() {
        return ParameterSchema.of(
                ParameterSpec.choice("mode", "paper", List.of("paper", "exact"),
                        "paper: Lemma 3's mu, nu (the paper's certificate); exact: the exact singular values of the "
                                + "Jacobian at theta0 ([X] extension, needs d2 n <= dense_limit)"),
                ParameterSpec.real("chi", 0, "bound on sigma_max(V_k) (Assumption 2), or self for the "
                        + "self-consistent chi* (rigorous; default)").positive().withSymbols("self")
                        .withSymbolDefault("self"),
                ParameterSpec.integer("dense_limit", 4000, "largest order of a dense symmetric eigenproblem "
                        + "(n x n Grams, the (d2 n) x (d2 n) tangent kernel)").withRange(1, 20000),
                ParameterSpec.real("c_eig", 16, "c_eig of the safety margins tau = c_eig m eps lambda_max")
                        .nonNegative(),
                ParameterSpec.real("marginal", 1e-8, "relative distance to a threshold reported as numerically "
                        + "marginal (NOT_CERTIFIED)").withRange(0, 0.1),
                ParameterSpec.real("epsilon", 1e-10, "target eps/h(theta0) for the iteration count and time")
                        .withOpenRange(0, 1),
                ParameterSpec.real("floor", 1e-20, "monitor: loss floor h_floor = floor max(1, s ||Y||^2)")
                        .nonNegative(),
                ParameterSpec.real("flow_rtol", 1e-6, "monitor: relative tolerance of the flow's loss bound")
                        .nonNegative(),
                ParameterSpec.real("lazy_threshold", 1e-2, "theta_lazy of the descriptive lazy-like label")
                        .positive(),
                ParameterSpec.integer("t_max", 4, "largest Khatri-Rao power t in Theorem 3's estimator")
                        .withRange(1, 12),
                ParameterSpec.integer("quadrature", 200, "Gauss-Hermite order of the Hermite coefficients")
                        .withRange(20, 2000),
                ParameterSpec.integer("monitor_limit", 256, "largest n (and d2 n) for which the monitor "
                        + "recomputes sigma_min(phi(W_k X)) and K(theta_k) at each recorded iterate")
                        .withRange(0, 20000));
    }

    static SongSettings from(ValidatedParams p) {
        double chi = p.symbol("chi").isPresent() ? Double.NaN : p.getDouble("chi");
        return new SongSettings(p.getString("mode").equals("exact"), chi, p.getInt("dense_limit"),
                p.getDouble("c_eig"), p.getDouble("marginal"), p.getDouble("epsilon"), p.getDouble("floor"),
                p.getDouble("flow_rtol"), p.getDouble("lazy_threshold"), p.getInt("t_max"), p.getInt("quadrature"),
                p.getInt("monitor_limit"));
    }

    static SongSettings defaults() {
        return new SongSettings(false, Double.NaN, 4000, 16, 1e-8, 1e-10, 1e-20, 1e-6, 1e-2, 4, 200, 256);
    }

    SongSettings withExact(boolean e) {
        return new SongSettings(e, userChi, denseLimit, cEig, marginal, epsilon, floor, flowTolerance, lazyThreshold,
                tMax, quadrature, monitorLimit);
    }

    SongSettings withChi(double chi) {
        return new SongSettings(exact, chi, denseLimit, cEig, marginal, epsilon, floor, flowTolerance, lazyThreshold,
                tMax, quadrature, monitorLimit);
    }

    SongSettings withDenseLimit(int limit) {
        return new SongSettings(exact, userChi, limit, cEig, marginal, epsilon, floor, flowTolerance, lazyThreshold,
                tMax, quadrature, monitorLimit);
    }

    /** The relative inflation (1 + c_eig·m·ε) of a σ_max from an eigenproblem of order m. */
    double inflation(int m) {
        return 1 + cEig * m * Math.ulp(1.0);
    }

    /** τ_eig = c_eig·m·ε·λ_max. */
    double eigenTolerance(int m, double lambdaMax) {
        return cEig * m * Math.ulp(1.0) * Math.abs(lambdaMax);
    }
}
