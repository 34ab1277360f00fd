package org.gdcert.activations;

import java.util.Optional;
import java.util.OptionalDouble;
import org.gdcert.core.math.GaussianExpectations;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;
import org.gdcert.core.spi.ClosedForm;

/**
 * σ(x) = max(a·x, x) for a slope a ∈ [0, 1]: x for x &gt; 0, a·x otherwise. σ'(0) := a, the left
 * derivative (as relu's default 0). σ' ∈ [a, 1], |σ(x)| ≤ |x|, σ' not Lipschitz (unless a = 1).
 * Branch-free, so HotSpot vectorizes the bulk loops: σ(x) = max(x, a·x) (a ≤ 1) and
 * σ'(x) = t + (1 − t)·a with t = min(1, max(0, ⌈x⌉)) ∈ {0, 1}, exact in both cases. NaN propagates.
 */
final class LeakyRelu implements Activation {

    private final double a;
    private final ActivationProperties properties;

    LeakyRelu(double a) {
        if (!(a >= 0 && a <= 1)) {
            throw new IllegalArgumentException("leakyrelu: slope a must be in [0, 1], got " + a);
        }
        this.a = a;
        this.properties = new ActivationProperties(true, true, a, 1.0, a == 1 ? 0.0 : Double.POSITIVE_INFINITY,
                a == 1, true);
    }

    @Override
    public double value(double x) {
        return Math.max(x, a * x);
    }

    @Override
    public double derivative(double x) {
        double t = Relu.step(x);
        return t + (1 - t) * a;
    }

    @Override
    public double secondDerivative(double x) {
        return 0.0;
    }

    @Override
    public ActivationProperties properties() {
        return properties;
    }

    @Override
    public void apply(double[] in, int inOffset, double[] out, int outOffset, int len) {
        double s = a;
        for (int i = 0; i < len; i++) {
            double x = in[inOffset + i];
            out[outOffset + i] = Math.max(x, s * x);
        }
    }

    @Override
    public void applyDerivative(double[] in, int inOffset, double[] out, int outOffset, int len) {
        double s = a;
        for (int i = 0; i < len; i++) {
            double t = Relu.step(in[inOffset + i]);
            out[outOffset + i] = t + (1 - t) * s;
        }
    }

    @Override
    public void applyWithDerivative(double[] in, int inOffset, double[] value, double[] deriv, int outOffset,
            int len) {
        double s = a;
        for (int i = 0; i < len; i++) {
            double x = in[inOffset + i];
            double t = Relu.step(x);
            deriv[outOffset + i] = t + (1 - t) * s;
            value[outOffset + i] = Math.max(x, s * x);
        }
    }

    @Override
    public void apply(float[] in, int inOffset, float[] out, int outOffset, int len) {
        double s = a;
        for (int i = 0; i < len; i++) {
            float x = in[inOffset + i];
            out[outOffset + i] = (float) Math.max(x, s * x);
        }
    }

    @Override
    public void applyDerivative(float[] in, int inOffset, float[] out, int outOffset, int len) {
        double s = a;
        for (int i = 0; i < len; i++) {
            double t = Relu.step(in[inOffset + i]);
            out[outOffset + i] = (float) (t + (1 - t) * s);
        }
    }

    @Override
    public void applyWithDerivative(float[] in, int inOffset, float[] value, float[] deriv, int outOffset,
            int len) {
        double s = a;
        for (int i = 0; i < len; i++) {
            double x = in[inOffset + i];
            double t = Relu.step(x);
            deriv[outOffset + i] = (float) (t + (1 - t) * s);
            value[outOffset + i] = (float) Math.max(x, s * x);
        }
    }

    /** a·c + (1 − a)²·K1(qa, qb, c) (Stein: E[u·relu(v)] = c/2). */
    @Override
    public OptionalDouble gaussianPairExpectation(double qa, double qb, double c) {
        double k1 = GaussianExpectations.reluPair(qa, qb, c);
        double one = 1 - a;
        return OptionalDouble.of(a * Checks.clamp(qa, qb, c) + one * one * k1);
    }

    /** a + (1 − a)²·(π − θ)/(2π); with a variable ≡ 0 it is σ'(0)·E[σ'(v)] = a·E[σ'(v)]. */
    @Override
    public OptionalDouble gaussianPairDerivativeExpectation(double qa, double qb, double c) {
        double orthant = GaussianExpectations.positiveOrthant(qa, qb, c);
        double one = 1 - a;
        if (qa > 0 && qb > 0) {
            return OptionalDouble.of(a + one * one * orthant);
        }
        double mean = a + one * 0.5; // E[σ'(v)] for v non-degenerate
        double ea = qa > 0 ? mean : a;
        double eb = qb > 0 ? mean : a;
        return OptionalDouble.of(ea * eb);
    }

    /** Declared so that SIMD and GPU backends may evaluate it with their own kernels. */
    @Override
    public Optional<ClosedForm> closedForm() {
        return Optional.of(new ClosedForm.LeakyRelu(a));
    }

    @Override
    public String toString() {
        return "leakyrelu(a=" + a + ")";
    }
}
