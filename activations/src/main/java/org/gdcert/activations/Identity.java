package org.gdcert.activations;

import java.util.Optional;
import java.util.OptionalDouble;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;
import org.gdcert.core.spi.ClosedForm;

/** σ(x) = x: a linear network (useful as a control: with N &gt; d its Gram matrix is singular). */
final class Identity implements Activation {

    private static final ClosedForm FORM = new ClosedForm.Identity();

    private static final ActivationProperties PROPERTIES =
            new ActivationProperties(true, true, 1.0, 1.0, 0.0, true, true);

    @Override
    public double value(double x) {
        return x;
    }

    @Override
    public double derivative(double x) {
        return 1.0;
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
        System.arraycopy(in, inOffset, out, outOffset, len);
    }

    @Override
    public void applyDerivative(double[] in, int inOffset, double[] out, int outOffset, int len) {
        java.util.Arrays.fill(out, outOffset, outOffset + len, 1.0);
    }

    @Override
    public void applyWithDerivative(double[] in, int inOffset, double[] value, double[] deriv, int outOffset,
            int len) {
        System.arraycopy(in, inOffset, value, outOffset, len);
        java.util.Arrays.fill(deriv, outOffset, outOffset + len, 1.0);
    }

    @Override
    public void apply(float[] in, int inOffset, float[] out, int outOffset, int len) {
        System.arraycopy(in, inOffset, out, outOffset, len);
    }

    @Override
    public void applyDerivative(float[] in, int inOffset, float[] out, int outOffset, int len) {
        java.util.Arrays.fill(out, outOffset, outOffset + len, 1.0f);
    }

    @Override
    public void applyWithDerivative(float[] in, int inOffset, float[] value, float[] deriv, int outOffset,
            int len) {
        System.arraycopy(in, inOffset, value, outOffset, len);
        java.util.Arrays.fill(deriv, outOffset, outOffset + len, 1.0f);
    }

    /** E[uv] = c. */
    @Override
    public OptionalDouble gaussianPairExpectation(double qa, double qb, double c) {
        Checks.variances(qa, qb);
        return OptionalDouble.of(Checks.clamp(qa, qb, c));
    }

    @Override
    public OptionalDouble gaussianPairDerivativeExpectation(double qa, double qb, double c) {
        Checks.variances(qa, qb);
        return OptionalDouble.of(1.0);
    }

    /** Declared so that SIMD and GPU backends may evaluate it with their own kernels. */
    @Override
    public Optional<ClosedForm> closedForm() {
        return Optional.of(FORM);
    }

    @Override
    public String toString() {
        return "identity";
    }
}
