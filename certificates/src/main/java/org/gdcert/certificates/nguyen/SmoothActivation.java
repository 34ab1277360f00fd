package org.gdcert.certificates.nguyen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gdcert.certificates.kernels.ExpectedGram;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;
import org.gdcert.core.spi.Configured;

/**
 * Assumption 2.2 of seed 000 for a concrete σ: σ'(x) ∈ [γ, 1], |σ(x)| ≤ |x|, σ' β-Lipschitz, with
 * γ ∈ (0, 1), β ≥ 0, and σ ∈ C² (Lemma 4.3 treats Φ as C²).
 *
 * <p>(γ, β) come from seed 000's activation (2) parameters when σ is declared as {@code smoothrelu}
 * (the best constants: inf σ' = γ, sup σ'' = β, spec §1.2), otherwise from the plugin's declared
 * {@link ActivationProperties}: γ = derivativeMin, β = derivativeLipschitz, which must come with
 * zeroAtZero, contractive, smooth and derivativeMax ≤ 1. A grid check (not a proof) then looks for
 * contradictions of the declaration.
 *
 * @param gamma γ
 * @param beta β
 * @param source where (γ, β) were read
 * @param problems why Assumption 2.2 does not hold or cannot be established (empty when it holds)
 * @param smoothRelu whether σ is seed 000's activation (2)
 */
record SmoothActivation(double gamma, double beta, String source, List<String> problems, boolean smoothRelu) {
    private static final double GRID_TOL = 1e-12;

    static SmoothActivation resolve(Configured<Activation> act) {
        Activation s = act.instance();
        ActivationProperties p = s.properties();
        List<String> problems = new ArrayList<>();
        double[] gb = ExpectedGram.smoothReluParameters(act);
        double gamma;
        double beta;
        String source;
        boolean smooth = gb != null;
        if (smooth) {
            gamma = gb[0];
            beta = gb[1];
            source = String.format(Locale.ROOT, "the parameters of %s: γ = %s (inf σ'), β = %s (sup σ'' = Lip σ', "
                    + "spec §1.2)", act, num(gamma), num(beta));
            if (!(gamma > 0 && gamma < 1)) {
                problems.add("Assumption 2.2 needs γ in (0, 1), got γ = " + num(gamma));
            }
            if (!(beta > 0) || Double.isInfinite(beta)) {
                problems.add("Assumption 2.2 needs a finite β > 0, got β = " + num(beta));
            }
        } else {
            gamma = p.derivativeMin();
            beta = p.derivativeLipschitz();
            source = String.format(Locale.ROOT, "the declared properties of %s: γ = derivativeMin = %s, β = "
                    + "derivativeLipschitz = %s", act, num(gamma), num(beta));
            if (!p.smooth() || Double.isInfinite(beta)) {
                problems.add(act + " is not C² with Lipschitz σ' (declared smooth = " + p.smooth()
                        + ", Lip σ' = " + num(beta) + "): Assumption 2.2(iii) fails (ReLU and leaky ReLU are covered "
                        + "by nguyen_relu instead)");
            }
            if (!(gamma > 0)) {
                problems.add(act + " has inf σ' = " + num(gamma) + ": Assumption 2.2(i) needs σ' >= γ > 0 "
                        + "(tanh, sigmoid, softplus and GELU fail it)");
            } else if (!(gamma < 1)) {
                problems.add(act + " has inf σ' = " + num(gamma) + ": Assumption 2.2 needs γ < 1");
            }
            if (p.derivativeMax() > 1) {
                problems.add(act + " has sup σ' = " + num(p.derivativeMax()) + " > 1: Assumption 2.2(i) fails");
            }
            if (!p.zeroAtZero() || !p.contractive()) {
                problems.add(act + " does not declare |σ(x)| <= |x| (σ(0) = 0): Assumption 2.2(ii) fails");
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(gridCheck(act, gamma, beta, smooth));
        }
        return new SmoothActivation(gamma, beta, source, List.copyOf(problems), smooth);
    }

    /**
     * The grid sanity check of spec §1.2 (not a proof): σ(0) = 0, γ ≤ σ' ≤ 1 and |σ(x)| ≤ |x| on a
     * grid dense near 0, and max |σ''| ≤ β.
     */
    static List<String> gridCheck(Configured<Activation> act, double gamma, double beta, boolean smoothRelu) {
        Activation s = act.instance();
        List<String> bad = new ArrayList<>();
        if (!(Math.abs(s.value(0)) <= 1e-15)) {
            bad.add(String.format(Locale.ROOT, "grid check: σ(0) = %.3e, not 0", s.value(0)));
        }
        double scale = smoothRelu ? Math.max(1e-3, (1 - gamma) / (beta * Math.sqrt(2 * Math.PI))) : 1;
        double worstD = 0;
        double worstV = 0;
        double maxD2 = 0;
        for (int k = -4000; k <= 4000; k++) {
            double t = k / 400.0;
            double x = Math.signum(t) * scale * (Math.expm1(Math.abs(t)) * 0.05);
            double d1 = s.derivative(x);
            if (d1 < gamma - GRID_TOL || d1 > 1 + GRID_TOL) {
                worstD = Math.max(worstD, Math.max(gamma - d1, d1 - 1));
            }
            double v = s.value(x);
            if (Math.abs(v) > Math.abs(x) * (1 + GRID_TOL) + 1e-15) {
                worstV = Math.max(worstV, Math.abs(v) - Math.abs(x));
            }
            maxD2 = Math.max(maxD2, Math.abs(s.secondDerivative(x)));
        }
        if (worstD > 0) {
            bad.add(String.format(Locale.ROOT, "grid check: σ' leaves [γ, 1] = [%s, 1] by %.3e", num(gamma), worstD));
        }
        if (worstV > 0) {
            bad.add(String.format(Locale.ROOT, "grid check: |σ(x)| exceeds |x| by %.3e", worstV));
        }
        if (maxD2 > beta * (1 + 1e-9) + 1e-15) {
            bad.add(String.format(Locale.ROOT, "grid check: max |σ''| = %.6g exceeds β = %s", maxD2, num(beta)));
        }
        return bad;
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
