package org.gdcert.certificates.du;

import java.util.List;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * The checker's parameters and named tolerances (spec certificates-du.md §5.1, §9 item 7).
 *
 * @param arch {@code auto}, {@code fc}, {@code resnet} or {@code convresnet}
 * @param delta δ of the theorems' probability 1 − δ
 * @param quadrature the initial Gauss–Hermite order N
 * @param quadratureMax N_max
 * @param tolQuad the absolute tolerance on the quadrature error estimate e_q
 * @param tolNorm the tolerance of ‖x_i‖ = 1
 * @param tolPar the tolerance for duplicate / antiparallel inputs
 * @param epsilonRelative ε/L(θ(0)) for the iteration count k_ε
 */
record DuSettings(String arch, double delta, int quadrature, int quadratureMax, double tolQuad, double tolNorm,
        double tolPar, double epsilonRelative) {

    /** Relative tolerance when comparing the layers' multipliers with √(c_σ/m) and c_res/(H√m). */
    static final double SCALE_TOLERANCE = 1e-6;
    /** The residual branches must share one multiplier to this relative precision. */
    static final double BRANCH_EQUALITY = 1e-12;
    /** |z| beyond which a moment of θ0 is taken as evidence against N(0,1). */
    static final double MOMENT_Z = 6;
    /** Level of the Kolmogorov–Smirnov test of DU-INIT-02. */
    static final double KS_LEVEL = 1e-3;
    /** At most this many entries per tensor enter the KS test (a deterministic stride sample). */
    static final int KS_SAMPLE = 200_000;
    /** Spec default: the initial deviation ‖G^(H)(0) − K^(H)‖_2 ≤ λ_0/4 (§5.5). */
    static final double INIT_FRACTION = 0.25;
    /** Spec default: the training drift ‖G^(H)(k) − G^(H)(0)‖_2 ≤ λ_0/4 (§5.6). */
    static final double DRIFT_FRACTION = 0.25;
    /** The proof's invariant λ_min(G^(H)(k)) ≥ λ_0/2, and the total deviation ≤ λ_0/2. */
    static final double INVARIANT_FRACTION = 0.5;
    /** Loss-bound check: L(k) ≤ B(k)(1 + this) + L_floor (§5.6). */
    static final double BOUND_RELATIVE = 1e-9;
    /** L_floor = this · max(1, ‖y‖²) (§5.6). */
    static final double BOUND_FLOOR = 1e-28;
    /** M12: relative movement below this counts as lazy. */
    static final double LAZY_FRACTION = 0.1;

    static final List<String> ARCHS = List.of("auto", "fc", "resnet", "convresnet");

    static ParameterSchema schema() {
        return ParameterSchema.of(
                ParameterSpec.choice("arch", "auto", ARCHS,
                        "architecture: auto (from the layers), fc (Thm 5.1), resnet (Thm 6.1), convresnet (Thm 7.1)"),
                ParameterSpec.real("delta", 0.1, "δ: the theorems hold with probability at least 1 − δ")
                        .withOpenRange(0, 1),
                ParameterSpec.integer("quadrature", 128, "initial Gauss–Hermite order N (error estimated against 2N)")
                        .withRange(8, 2048),
                ParameterSpec.integer("quadrature_max", 512, "largest Gauss–Hermite order N_max").withRange(16, 4096),
                ParameterSpec.real("tol_quad", 1e-12, "absolute tolerance on the quadrature error estimate e_q")
                        .positive(),
                ParameterSpec.real("tol_norm", 1e-12, "tolerance of the unit-norm check |‖x_i‖ − 1|").positive(),
                ParameterSpec.real("tol_par", 1e-10, "tolerance for duplicate and antiparallel inputs").positive(),
                ParameterSpec.real("epsilon", 1e-10, "target ε/L(θ(0)) for the iteration count k_ε")
                        .withOpenRange(0, 1));
    }

    static DuSettings from(ValidatedParams p) {
        return new DuSettings(p.getString("arch"), p.getDouble("delta"), p.getInt("quadrature"),
                Math.max(p.getInt("quadrature_max"), 2 * p.getInt("quadrature")), p.getDouble("tol_quad"),
                p.getDouble("tol_norm"), p.getDouble("tol_par"), p.getDouble("epsilon"));
    }

    static DuSettings defaults() {
        return new DuSettings("auto", 0.1, 128, 512, 1e-12, 1e-12, 1e-10, 1e-10);
    }

    KernelSolver.Settings quadratureSettings() {
        return new KernelSolver.Settings(quadrature, quadratureMax, tolQuad);
    }
}
