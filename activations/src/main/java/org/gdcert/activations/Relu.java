package org.gdcert.activations;

import java.util.Optional;
import java.util.OptionalDouble;
import org.gdcert.core.math.GaussianExpectations;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;
import org.gdcert.core.spi.ClosedForm;

/**
 * σ(x) = max(0, x). σ'(0) is a convention, {@code derivativeAtZero} (default 0, PyTorch's choice and
 * the left derivative); any value in [0, 1] is a valid Clarke subgradient and keeps seed 001's
 * proof valid (certificates-nguyen.md §0.3). σ'' is 0 everywhere (the Dirac mass at 0 is ignored);
 * σ' is not Lipschitz, so the declared Lipschitz constant is +∞. NaN propagates through σ and σ'.
 *
 * <p>σ'(x) for x ≠ 0 is computed branch-free as min(1, max(0, ⌈x⌉)), which HotSpot vectorizes (about
 * 6× faster than a conditional on a 2000×2000 matrix); zeros get the convention in a second pass.
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

    /** 1 for x &gt; 0, 0 for x &lt; 0 (NaN for NaN), without a branch. */
    static double step(double x) {
        return Math.min(1.0, Math.max(0.0, Math.ceil(x)));
    }

    @Override
    public double derivative(double x) {
        return x == 0 ? derivativeAtZero : step(x);
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
        for (int i = 0; i < len; i++) {
            out[outOffset + i] = step(in[inOffset + i]);
        }
        fixZeros(in, inOffset, out, outOffset, len);
    }

    /** deriv[o+i] := σ'(0) where in[i0+i] == 0 (skipped for the default σ'(0) = 0, which step gives). */
    private void fixZeros(double[] in, int inOffset, double[] deriv, int outOffset, int len) {
        if (derivativeAtZero == 0) {
            return;
        }
        for (int i = 0; i < len; i++) {
            if (in[inOffset + i] == 0) {
                deriv[outOffset + i] = derivativeAtZero;
            }
        }
    }

    @Override
    public void applyWithDerivative(double[] in, int inOffset, double[] value, double[] deriv, int outOffset,
            int len) {
        if (derivativeAtZero != 0 && in == value) {
            fixZeros(in, inOffset, deriv, outOffset, len); // before the input is overwritten
            for (int i = 0; i < len; i++) {
                double x = in[inOffset + i];
                if (x != 0) {
                    deriv[outOffset + i] = step(x);
                }
                value[outOffset + i] = Math.max(x, 0.0);
            }
            return;
        }
        for (int i = 0; i < len; i++) {
            double x = in[inOffset + i];
            deriv[outOffset + i] = step(x);
            value[outOffset + i] = Math.max(x, 0.0);
        }
        fixZeros(in, inOffset, deriv, outOffset, len);
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
            out[outOffset + i] = x == 0 ? d0 : (float) step(x);
        }
    }

    @Override
    public void applyWithDerivative(float[] in, int inOffset, float[] value, float[] deriv, int outOffset,
            int len) {
        float d0 = derivativeAtZeroF;
        for (int i = 0; i < len; i++) {
            float x = in[inOffset + i];
            deriv[outOffset + i] = x == 0 ? d0 : (float) step(x);
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

    /** Declared so that SIMD and GPU backends may evaluate it with their own kernels. */
    @Override
    public Optional<ClosedForm> closedForm() {
        return Optional.of(new ClosedForm.Relu(derivativeAtZero));
    }

    @Override
    public String toString() {
        return "relu(derivative_at_zero=" + derivativeAtZero + ")";
    }
}
