package org.gdcert.certificates.sgdrelu;

import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * The checker's parameters (spec certificates-sgd-relu.md §4.1–§4.4).
 *
 * @param tolerance relative tolerance τ of the conditions (within τ of the boundary they are
 *     INDETERMINATE)
 * @param epsilon the target loss ε on L = ½‖·‖² for T_ε and k*; NaN to use {@code epsilonRelative}
 * @param epsilonRelative ε/L(θ0) when no absolute ε is given
 * @param radius a radius r for the robust-ball certificate besides the largest one r* (0: none)
 * @param trajRelative CHECK-TRAJ's relative tolerance (§4.2 default 1e-6)
 * @param trajAbsolute CHECK-TRAJ's absolute tolerance on L (§4.2 default 1e-12)
 * @param alphaEvery compute α0(t) = σ_min(H(t)ᵀ) on every k-th observed iterate (0: never)
 * @param maxSamples the dense limit on N
 * @param denseKernel the largest N·d2 for the explicit NTK of the heuristic step size
 * @param pluginC the plug-in c(δ0) of Theorem 5.1's k* (NaN: the instance's ĉ_α)
 * @param pluginBigC the plug-in C of Theorem 5.1's k* (NaN: L0/(N ln N d0 d1 d2 β_w² β_v²))
 */
record SgdReluSettings(double tolerance, double epsilon, double epsilonRelative, double radius, double trajRelative,
        double trajAbsolute, int alphaEvery, int maxSamples, int denseKernel, double pluginC, double pluginBigC) {

    /** Row norms count as equal within this relative tolerance (§1.4, A1). */
    static final double NORM_EQUAL = 1e-9;
    /** Two rows with |cos| above 1 − this are reported as (near-)collinear (§1.4, §2.2). */
    static final double COLLINEAR = 1e-10;
    /** C7 fits ln L over the last this fraction of the recorded iterates. */
    static final double TAIL_FRACTION = 0.5;
    /** C7 ignores losses below this multiple of u·L0 (roundoff noise, §5.4). */
    static final double NOISE_FLOOR = 1e3;

    static ParameterSchema schema() {
        return ParameterSchema.of(
                ParameterSpec.real("tolerance", 0, "relative tolerance τ: a condition within τ of its boundary is "
                        + "indeterminate").withRange(0, 0.5),
                ParameterSpec.real("epsilon", 0, "target loss ε on L = ½‖Y − Ŷ‖² for T_ε and k* (0: use "
                        + "epsilon_relative)").nonNegative(),
                ParameterSpec.real("epsilon_relative", 1e-6, "ε/L(θ0) when epsilon is not given").withOpenRange(0, 1),
                ParameterSpec.real("radius", 0, "also evaluate the robust-ball certificate at this radius r [EXT]")
                        .nonNegative(),
                ParameterSpec.real("traj_rel", 1e-6, "CHECK-TRAJ relative tolerance").nonNegative(),
                ParameterSpec.real("traj_abs", 1e-12, "CHECK-TRAJ absolute tolerance on L").nonNegative(),
                ParameterSpec.integer("alpha_every", 1, "monitor α0(t) = σ_min(H(t)ᵀ) on every k-th observed iterate "
                        + "(0: never; costs a QR of the d1 × N matrix each time)").withRange(0, Integer.MAX_VALUE),
                ParameterSpec.integer("max_samples", 2000, "dense limit on N").withRange(2, 100_000),
                ParameterSpec.integer("dense_kernel", 2000, "largest N·d2 for the explicit NTK (heuristic step size); "
                        + "power iteration beyond").withRange(1, 100_000),
                ParameterSpec.real("plugin_c", 0, "plug-in value of the hidden c(δ0) for Theorem 5.1's k* (0: the "
                        + "instance's ĉ_α); the result is labelled plug-in, not a guarantee").nonNegative(),
                ParameterSpec.real("plugin_big_c", 0, "plug-in value of the hidden C of Theorem 5.1 (0: L0/(N ln N "
                        + "d0 d1 d2 β_w² β_v²))").nonNegative());
    }

    static SgdReluSettings from(ValidatedParams p) {
        double eps = p.getDouble("epsilon");
        double c = p.getDouble("plugin_c");
        double bigC = p.getDouble("plugin_big_c");
        return new SgdReluSettings(p.getDouble("tolerance"), eps > 0 ? eps : Double.NaN,
                p.getDouble("epsilon_relative"), p.getDouble("radius"), p.getDouble("traj_rel"),
                p.getDouble("traj_abs"), p.getInt("alpha_every"), p.getInt("max_samples"), p.getInt("dense_kernel"),
                c > 0 ? c : Double.NaN, bigC > 0 ? bigC : Double.NaN);
    }

    static SgdReluSettings defaults() {
        return new SgdReluSettings(0, Double.NaN, 1e-6, 0, 1e-6, 1e-12, 1, 2000, 2000, Double.NaN, Double.NaN);
    }

    /** ε for an initial loss L0. */
    double epsilonFor(double loss0) {
        return Double.isNaN(epsilon) ? epsilonRelative * loss0 : epsilon;
    }

    SgdReluSettings withAlphaEvery(int every) {
        return new SgdReluSettings(tolerance, epsilon, epsilonRelative, radius, trajRelative, trajAbsolute, every,
                maxSamples, denseKernel, pluginC, pluginBigC);
    }
}
