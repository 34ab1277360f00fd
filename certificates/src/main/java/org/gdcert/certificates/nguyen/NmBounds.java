package org.gdcert.certificates.nguyen;

import java.util.function.IntToDoubleFunction;

/**
 * The numbers of seed 000 Theorem 3.2 (spec certificates-nguyen.md §1.4) as a pure function of
 * the spectral inputs at θ0. Arrays are 1-based (index 0 unused).
 *
 * @param depth L
 * @param gamma γ of Assumption 2.2
 * @param beta β = Lip(σ') of Assumption 2.2 (T0.14)
 * @param normXF ‖X‖_F
 * @param normX2 ‖X‖_2
 * @param r0 ‖F_L(θ0) − Y‖_F = √(2Φ(θ0))
 * @param specNorm s_l = ‖W_l^0‖_2
 * @param lambda λ_l = σ_min(W_l^0) (used for l ≥ 3)
 * @param lambdaF λ_F = σ_N(F_1^0)
 * @param lambdaBar λ̄_l of (3)
 * @param kL K_L = (γ⁴/3)(6/γ²)^L
 * @param m M = min_{l≥3} λ_l λ̄_l (+∞ for L = 2)
 * @param rhs4 the right side of (4) (the left side is λ_F²)
 * @param rhs5 the right side of (5) (the left side is λ_F³)
 * @param alpha0 α_0 of (6)
 * @param r R = ∏ max(1, (3/2)λ̄_p)
 * @param q0 Q_0 of (6)
 * @param etaMax min(1/α_0, 1/Q_0), for the loss Φ = ½‖·‖² (the paper's)
 * @param q1 Q_1 of (8)
 * @param d D_l, the proof's bound on the path length of W_l [derived]
 * @param b B_l, the movement budget of W_l (1 for l ≤ 2, λ_l/2 for l ≥ 3)
 * @param dF D_F = ‖X‖_2 D_1, the bound on ‖F_1^k − F_1^0‖_F [derived]
 */
public record NmBounds(int depth, double gamma, double beta, double normXF, double normX2, double r0,
        double[] specNorm, double[] lambda, double lambdaF, double[] lambdaBar, double kL, double m, double rhs4,
        double rhs5, double alpha0, double r, double q0, double etaMax, double q1, double[] d, double[] b,
        double dF) {

    /** Evaluates every formula of §1.4. */
    public static NmBounds of(int depth, double gamma, double beta, double normXF, double normX2, double r0,
            double[] specNorm, double[] lambda, double lambdaF) {
        int n = depth;
        double[] lbar = new double[n + 1];
        for (int l = 1; l <= n; l++) {
            lbar[l] = l <= 2 ? (2.0 / 3.0) * (1 + specNorm[l]) : specNorm[l];
        }
        double kL = Math.pow(gamma, 4) / 3 * Math.pow(6 / (gamma * gamma), n);
        double lbar3 = prod(lbar, 3, n);
        double lam3 = prod(lambda, 3, n);
        double m = Double.POSITIVE_INFINITY;
        for (int l = 3; l <= n; l++) {
            m = Math.min(m, lambda[l] * lbar[l]);
        }
        double first = n >= 3 ? 2 * lbar[1] * lbar[2] / m : 0;
        double mx = Math.max(first, Math.max(lbar[1], lbar[2]));
        double ratio = lbar3 / (lam3 * lam3);
        double rhs4 = kL * normXF * r0 * ratio * mx;
        double rhs5 = 2 * kL * normX2 * normXF * r0 * ratio * lbar[2];
        double alpha0 = Math.pow(gamma, 2.0 * n - 4) * Math.pow(4, 1.0 - n) * lambdaF * lambdaF * lam3 * lam3;
        double r = 1;
        double minLbar2 = Double.POSITIVE_INFINITY;
        for (int l = 1; l <= n; l++) {
            r *= Math.max(1, 1.5 * lbar[l]);
            minLbar2 = Math.min(minLbar2, lbar[l] * lbar[l]);
        }
        double pAll = prod(lbar, 1, n);
        double l32 = n * Math.sqrt(n);
        double q0 = l32 * Math.pow(1.5, 2.0 * (n - 1)) * normXF * normXF * pAll * pAll / minLbar2
                + l32 * normXF * (1 + n * beta * normXF * r) * r * r0;
        double etaMax = Math.min(1 / alpha0, 1 / q0);
        double sum = 0;
        for (int l = 1; l <= n; l++) {
            sum += pAll / lbar[l];
        }
        double q1 = (4.0 / 3.0) * Math.pow(1.5, n) * normXF / alpha0 * sum * r0;
        double[] d = new double[n + 1];
        double[] b = new double[n + 1];
        for (int l = 1; l <= n; l++) {
            d[l] = 2 / alpha0 * normXF * Math.pow(1.5, n - 1.0) * (pAll / lbar[l]) * r0;
            b[l] = l <= 2 ? 1 : lambda[l] / 2;
        }
        double dF = normX2 * d[1];
        return new NmBounds(n, gamma, beta, normXF, normX2, r0, specNorm.clone(), lambda.clone(), lambdaF, lbar, kL,
                m, rhs4, rhs5, alpha0, r, q0, etaMax, q1, d, b, dF);
    }

    /** ∏_{l=i}^{j} v_l (1 when i > j). */
    static double prod(double[] v, int i, int j) {
        double p = 1;
        for (int l = i; l <= j; l++) {
            p *= v[l];
        }
        return p;
    }

    /** The l in 1..depth with the largest {@code slack} (the first on ties): the binding layer. */
    static int argmaxLayer(int depth, IntToDoubleFunction slack) {
        int arg = 1;
        for (int l = 2; l <= depth; l++) {
            if (slack.applyAsDouble(l) > slack.applyAsDouble(arg)) {
                arg = l;
            }
        }
        return arg;
    }

    /**
     * k_ε = ⌈ln(ε/Φ_0)/ln(1 − x)⌉ for a per-step contraction 1 − x of the loss Φ_0 = r_0²/2, by
     * log1p (0 when Φ_0 ≤ ε, +∞ when 1 − x does not contract).
     */
    static double stepsTo(double r0, double epsilon, double x) {
        double phi0 = 0.5 * r0 * r0;
        if (phi0 <= epsilon) {
            return 0;
        }
        double lr = Math.log1p(-x);
        if (!(lr < 0)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.ceil(Math.log(epsilon / phi0) / lr);
    }

    /** RHS_4/λ_F², the slack of (4); equals max_l D_l/B_l [derived]. */
    public double slack4() {
        return rhs4 / (lambdaF * lambdaF);
    }

    /** RHS_5/λ_F³, the slack of (5); equals D_F/(λ_F/2) [derived]. */
    public double slack5() {
        return rhs5 / (lambdaF * lambdaF * lambdaF);
    }

    /** D_l/B_l. */
    public double layerSlack(int l) {
        return d[l] / b[l];
    }

    /** The layer with the largest D_l/B_l: the one that binds in (4). */
    public int bindingLayer() {
        return argmaxLayer(depth, this::layerSlack);
    }

    /** D_F/(λ_F/2). */
    public double featureSlack() {
        return dF / (lambdaF / 2);
    }

    /** Whether 1/Q_0 (rather than 1/α_0) is the smaller step-size bound. */
    public boolean q0Binds() {
        return 1 / q0 <= 1 / alpha0;
    }

    /** ρ = 1 − ηα_0 for a step η on the loss ½‖·‖². */
    public double contraction(double eta) {
        return 1 - eta * alpha0;
    }

    /** u = √(1 − ηα_0). */
    public double u(double eta) {
        return Math.sqrt(contraction(eta));
    }

    /** k_ε = ⌈ln(ε/Φ_0)/ln(1 − ηα_0)⌉ (0 when Φ_0 ≤ ε), by log1p. */
    public double stepsTo(double epsilon, double eta) {
        return stepsTo(r0, epsilon, eta * alpha0);
    }

    /** λ̄_{i→j}. */
    public double lambdaBarProduct(int i, int j) {
        return prod(lambdaBar, i, j);
    }
}
