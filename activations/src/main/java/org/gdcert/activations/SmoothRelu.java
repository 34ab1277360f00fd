package org.gdcert.activations;

import java.util.OptionalDouble;
import org.gdcert.core.math.GaussianExpectations;
import org.gdcert.core.math.SpecialFunctions;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;

/**
 * The Gaussian-smoothed leaky ReLU of seed 000 eq. (2), with the corrected kernel max(γu, u)
 * (certificates-nguyen.md §1.2 and typo T0.1):
 * <pre>
 * σ(x) = −(1−γ)²/(2πβ) + (β/(1−γ)) ∫ max(γu, u)·exp(−πβ²(x−u)²/(1−γ)²) du
 *      = γx + (1−γ)·[ x·Φ(x/s) + s·(φ(x/s) − φ(0)) ],   s = (1−γ)/(β√(2π))
 * σ'(x)  = γ + (1−γ)·Φ(x/s)
 * σ''(x) = β·exp(−z²/2),  z = x/s
 * </pre>
 * Evaluated as γx + (1−γ)·[x·Φ(z) + ((1−γ)/(2πβ))·expm1(−z²/2)], an exact rewriting in which
 * the two terms never cancel for x &lt; 0 and σ(0) = 0 exactly. One exponential per element serves
 * value, σ' and σ'': e = exp(−z²/2) feeds Φ(z) (Cody's erfc·exp rational), expm1 = e − 1 for
 * |z| ≥ 1 (no cancellation there) or its Taylor series for |z| &lt; 1, and σ'' = β·e. The square z²
 * is not split as in {@link SpecialFunctions#expNegHalfSquare}: its rounding changes e by a relative
 * z²ε/2, i.e. σ and σ' by at most (1−γ)·ε·sup z²e^{−z²/2}/2 = (1−γ)ε/e absolutely — below one ulp
 * of σ'; only σ'' in the far tail (|z| ≫ 1, where it is below 1e-100) loses relative digits.
 *
 * <p>Properties (exact, §1.2): σ(0) = 0, γ|x| ≤ |σ(x)| ≤ |x|, σ' ∈ (γ, 1), sup σ'' = σ''(0) = β
 * (σ' is β-Lipschitz with the best constant), real-analytic.
 */
final class SmoothRelu implements Activation {

    private final double gamma;
    private final double beta;
    /** s = (1−γ)/(β√(2π)), the standard deviation of the smoothing kernel. */
    private final double s;
    private final double invS;
    /** 1 − γ. */
    private final double oneMinusGamma;
    /** s·φ(0) = (1−γ)/(2πβ). */
    private final double sPhi0;
    private final ActivationProperties properties;

    SmoothRelu(double gamma, double beta) {
        if (!(gamma >= 0 && gamma < 1)) {
            throw new IllegalArgumentException("smoothrelu: gamma must be in [0, 1), got " + gamma);
        }
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("smoothrelu: beta must be > 0 and finite, got " + beta);
        }
        this.gamma = gamma;
        this.beta = beta;
        this.oneMinusGamma = 1 - gamma;
        this.s = oneMinusGamma / (beta * SpecialFunctions.SQRT_2PI);
        this.invS = 1 / s;
        this.sPhi0 = oneMinusGamma / (2 * Math.PI * beta);
        this.properties = new ActivationProperties(true, true, gamma, 1.0, beta, true, false, true);
    }

    double gamma() {
        return gamma;
    }

    double beta() {
        return beta;
    }

    /** The kernel's standard deviation s. */
    double kernelStd() {
        return s;
    }

    /** sup |σ − leaky| = (1−γ)²/(2πβ), approached as |x| → ∞. */
    double leakyGap() {
        return oneMinusGamma * sPhi0;
    }

    /** exp(−z²/2), see the class comment for why the square is not split. */
    private static double kernel(double z) {
        return Math.exp(-0.5 * z * z);
    }

    @Override
    public double value(double x) {
        double z = x * invS;
        double e = kernel(z);
        return value(x, z, e, SpecialFunctions.normalCdf(z, e));
    }

    private double value(double x, double z, double e, double cdf) {
        double em1 = Math.abs(z) < 1.0 ? FastMath.expm1Small(-0.5 * z * z) : e - 1.0;
        double xPhi = cdf == 0 ? 0.0 : x * cdf; // x → −∞: x·Φ(z) → 0 (avoids −∞·0)
        double linear = gamma == 0 ? 0.0 : gamma * x; // γ = 0: no 0·(−∞)
        return linear + oneMinusGamma * (xPhi + sPhi0 * em1);
    }

    @Override
    public double derivative(double x) {
        double z = x * invS;
        return gamma + oneMinusGamma * SpecialFunctions.normalCdf(z, kernel(z));
    }

    @Override
    public double secondDerivative(double x) {
        return beta * kernel(x * invS);
    }

    @Override
    public ActivationProperties properties() {
        return properties;
    }

    @Override
    public void apply(double[] in, int inOffset, double[] out, int outOffset, int len) {
        for (int i = 0; i < len; i++) {
            double x = in[inOffset + i];
            double z = x * invS;
            double e = kernel(z);
            out[outOffset + i] = value(x, z, e, SpecialFunctions.normalCdf(z, e));
        }
    }

    @Override
    public void applyDerivative(double[] in, int inOffset, double[] out, int outOffset, int len) {
        for (int i = 0; i < len; i++) {
            double z = in[inOffset + i] * invS;
            out[outOffset + i] = gamma + oneMinusGamma * SpecialFunctions.normalCdf(z, kernel(z));
        }
    }

    @Override
    public void applyWithDerivative(double[] in, int inOffset, double[] value, double[] deriv, int outOffset,
            int len) {
        for (int i = 0; i < len; i++) {
            double x = in[inOffset + i];
            double z = x * invS;
            double e = kernel(z);
            double cdf = SpecialFunctions.normalCdf(z, e);
            deriv[outOffset + i] = gamma + oneMinusGamma * cdf;
            value[outOffset + i] = value(x, z, e, cdf);
        }
    }

    @Override
    public void applyWithDerivative(float[] in, int inOffset, float[] value, float[] deriv, int outOffset,
            int len) {
        for (int i = 0; i < len; i++) {
            double x = in[inOffset + i];
            double z = x * invS;
            double e = kernel(z);
            double cdf = SpecialFunctions.normalCdf(z, e);
            deriv[outOffset + i] = (float) (gamma + oneMinusGamma * cdf);
            value[outOffset + i] = (float) value(x, z, e, cdf);
        }
    }

    /**
     * Closed form of certificates-nguyen.md §3.1: with S² = q + s²,
     * γc + (1−γ)²·[K1(qa+s², qb+s², c) − (s/(2π))(S_a + S_b) + s²/(2π)].
     */
    @Override
    public OptionalDouble gaussianPairExpectation(double qa, double qb, double c) {
        Checks.variances(qa, qb);
        double cc = Checks.clamp(qa, qb, c);
        double s2 = s * s;
        double k1 = GaussianExpectations.reluPair(qa + s2, qb + s2, cc);
        double sa = Math.sqrt(qa + s2);
        double sb = Math.sqrt(qb + s2);
        double bracket = k1 - s / (2 * Math.PI) * (sa + sb) + s2 / (2 * Math.PI);
        return OptionalDouble.of(gamma * cc + oneMinusGamma * oneMinusGamma * bracket);
    }

    /**
     * γ + (1−γ)²·P(u + sξ₁ &gt; 0, v + sξ₂ &gt; 0): σ'(u) = γ + (1−γ)·P(u + sξ &gt; 0 | u), and E[Φ(u/s)] = ½.
     */
    @Override
    public OptionalDouble gaussianPairDerivativeExpectation(double qa, double qb, double c) {
        Checks.variances(qa, qb);
        double cc = Checks.clamp(qa, qb, c);
        double s2 = s * s;
        double p = GaussianExpectations.positiveOrthant(qa + s2, qb + s2, cc);
        return OptionalDouble.of(gamma + oneMinusGamma * oneMinusGamma * p);
    }

    @Override
    public String toString() {
        return "smoothrelu(gamma=" + gamma + ", beta=" + beta + ")";
    }
}
