package org.gdcert.activations;

import java.util.OptionalDouble;
import org.gdcert.core.math.GaussianExpectations;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;

/**
 * σ(x) = max(0, x). σ'(0) is a convention, {@code derivativeAtZero} (default 0, PyTorch's choice and
 * the left derivative); any value in [0, 1] is a valid Clarke subgradient and keeps seed 001's
 * proof valid (certificates-nguyen.md §0.3). σ'' is 0 everywhere (the Dirac mass at 0 is ignored);
 * σ' is not Lipschitz, so the declared Lipschitz constant is +∞.
 */
final class Relu implements Activation {

    private static final ActivationProperties PROPERTIES =
            new ActivationProperties(true, true, 0.0, 1.0, Double.POSITIVE_INFINITY, false, true);

    private final double derivativeAtZero;
    private final float derivativeAtZeroF;

    Relu(double derivativeAtZero) {
        if (!(derivativeAtZero >= 0 && derivativeAtZero <= 1)) {
            throw new IllegalArgumentException("relu: derivative_at_zero must be in [0, 1], got " + derivativeAtZero);
        }
        this.derivativeAtZero = derivativeAtZero;
        this.derivativeAtZeroF = (float) derivativeAtZero;
    }

    double derivativeAtZero() {
        return derivativeAtZero;
    }

    @Override
    public double value(double x) {
        return Math.max(x, 0.0);
    }

    @Override
    public double derivative(double x) {
        return x > 0 ? 1.0 : x == 0 ? derivativeAtZero : 0.0;
    }

    @Override
    public double secondDerivative(double x) {
        return 0.0;
    }

    @Override
    public ActivationProperties properties() {
        return PROPERTIES;
    }

    @Override
    public void apply(double[] in, int inOffset, double[] out, int outOffset, int len) {
        for (int i = 0; i < len; i++) {
            out[outOffset + i] = Math.max(in[inOffset + i], 0.0);
        }
    }

    @Override
    public void applyDerivative(double[] in, int inOffset, double[] out, int outOffset, int len) {
        double d0 = derivativeAtZero;
        for (int i = 0; i < len; i++) {
            double x = in[inOffset + i];
            out[outOffset + i] = x > 0 ? 1.0 : x == 0 ? d0 : 0.0;
        }
    }

    @Override
    public void applyWithDerivative(double[] in, int inOffset, double[] value, double[] deriv, int outOffset,
            int len) {
        double d0 = derivativeAtZero;
        for (int i = 0; i < len; i++) {
            double x = in[inOffset + i];
            deriv[outOffset + i] = x > 0 ? 1.0 : x == 0 ? d0 : 0.0;
            value[outOffset + i] = Math.max(x, 0.0);
        }
    }

    @Override
    public void apply(float[] in, int inOffset, float[] out, int outOffset, int len) {
        for (int i = 0; i < len; i++) {
            out[outOffset + i] = Math.max(in[inOffset + i], 0.0f);
        }
    }

    @Override
    public void applyDerivative(float[] in, int inOffset, float[] out, int outOffset, int len) {
        float d0 = derivativeAtZeroF;
        for (int i = 0; i < len; i++) {
            float x = in[inOffset + i];
            out[outOffset + i] = x > 0 ? 1.0f : x == 0 ? d0 : 0.0f;
        }
    }

    @Override
    public void applyWithDerivative(float[] in, int inOffset, float[] value, float[] deriv, int outOffset,
            int len) {
        float d0 = derivativeAtZeroF;
        for (int i = 0; i < len; i++) {
            float x = in[inOffset + i];
            deriv[outOffset + i] = x > 0 ? 1.0f : x == 0 ? d0 : 0.0f;
            value[outOffset + i] = Math.max(x, 0.0f);
        }
    }

    /** K1(a, b, c), the arc-cosine kernel (certificates-nguyen.md §3.1, certificates-du.md §3.1.4). */
    @Override
    public OptionalDouble gaussianPairExpectation(double qa, double qb, double c) {
        return OptionalDouble.of(GaussianExpectations.reluPair(qa, qb, c));
    }

    /**
     * (π − θ)/(2π) for qa, qb &gt; 0; a variable that is identically 0 contributes σ'(0), the
     * convention, so then it is σ'(0)·E[σ'(v)].
     */
    @Override
    public OptionalDouble gaussianPairDerivativeExpectation(double qa, double qb, double c) {
        if (qa > 0 && qb > 0) {
            return OptionalDouble.of(GaussianExpectations.positiveOrthant(qa, qb, c));
        }
        GaussianExpectations.positiveOrthant(qa, qb, c); // validates the variances
        double ea = qa > 0 ? 0.5 : derivativeAtZero;
        double eb = qb > 0 ? 0.5 : derivativeAtZero;
        return OptionalDouble.of(ea * eb);
    }

    @Override
    public String toString() {
        return "relu(derivative_at_zero=" + derivativeAtZero + ")";
    }
}
