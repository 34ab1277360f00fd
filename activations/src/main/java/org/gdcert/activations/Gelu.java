package org.gdcert.activations;

import org.gdcert.core.math.SpecialFunctions;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;

/**
 * GELU in its exact form σ(x) = x·Φ(x) (not the tanh approximation), σ' = Φ(x) + x·φ(x),
 * σ'' = φ(x)·(2 − x²). σ' ∈ [Φ(−√2) − √2φ(√2), Φ(√2) + √2φ(√2)] = [−0.128904145185, 1.128904145185]
 * (extremes at ∓√2), sup|σ''| = 2φ(0) = √(2/π) (certificates-song.md §3.6, certificates-du.md §2.1).
 * σ(0) = 0 and |σ(x)| ≤ |x|.
 */
final class Gelu implements Activation {

    /** Φ(√2) + √2·φ(√2): sup σ'. */
    static final double DERIVATIVE_MAX = SpecialFunctions.normalCdf(Math.sqrt(2.0))
            + Math.sqrt(2.0) * SpecialFunctions.normalPdf(Math.sqrt(2.0));
    /** 1 − sup σ' (σ'(x) + σ'(−x) = 1): inf σ'. */
    static final double DERIVATIVE_MIN = 1.0 - DERIVATIVE_MAX;
    /** √(2/π) = 2φ(0). */
    static final double SECOND_DERIVATIVE_MAX = 2.0 * SpecialFunctions.INV_SQRT_2PI;

    private static final ActivationProperties PROPERTIES = new ActivationProperties(true, true, DERIVATIVE_MIN,
            DERIVATIVE_MAX, SECOND_DERIVATIVE_MAX, true, false, true);

    @Override
    public double value(double x) {
        double cdf = SpecialFunctions.normalCdf(x);
        return cdf == 0 ? 0.0 : x * cdf;
    }

    @Override
    public double derivative(double x) {
        double e = SpecialFunctions.expNegHalfSquare(x);
        return derivative(x, e, SpecialFunctions.normalCdf(x, e));
    }

    private static double derivative(double x, double e, double cdf) {
        return e == 0 ? cdf : cdf + x * (SpecialFunctions.INV_SQRT_2PI * e);
    }

    @Override
    public double secondDerivative(double x) {
        double e = SpecialFunctions.expNegHalfSquare(x);
        return e == 0 ? 0.0 : SpecialFunctions.INV_SQRT_2PI * e * (2.0 - x * x);
    }

    @Override
    public ActivationProperties properties() {
        return PROPERTIES;
    }

    @Override
    public void applyWithDerivative(double[] in, int inOffset, double[] value, double[] deriv, int outOffset,
            int len) {
        for (int i = 0; i < len; i++) {
            double x = in[inOffset + i];
            double e = SpecialFunctions.expNegHalfSquare(x);
            double cdf = SpecialFunctions.normalCdf(x, e);
            deriv[outOffset + i] = derivative(x, e, cdf);
            value[outOffset + i] = cdf == 0 ? 0.0 : x * cdf;
        }
    }

    @Override
    public void applyWithDerivative(float[] in, int inOffset, float[] value, float[] deriv, int outOffset,
            int len) {
        for (int i = 0; i < len; i++) {
            double x = in[inOffset + i];
            double e = SpecialFunctions.expNegHalfSquare(x);
            double cdf = SpecialFunctions.normalCdf(x, e);
            deriv[outOffset + i] = (float) derivative(x, e, cdf);
            value[outOffset + i] = (float) (cdf == 0 ? 0.0 : x * cdf);
        }
    }

    @Override
    public String toString() {
        return "gelu";
    }
}
