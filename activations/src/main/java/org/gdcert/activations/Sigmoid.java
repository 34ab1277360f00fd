package org.gdcert.activations;

import java.util.Optional;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;
import org.gdcert.core.spi.ClosedForm;

/**
 * σ(x) = 1/(1 + e^{−x}), evaluated from u = e^{−|x|} (never overflows; the lower tail u/(1+u) keeps
 * full relative accuracy). σ' = u/(1+u)² ∈ (0, 1/4], sup|σ''| = 1/(6√3) at x = ±ln(2 + √3).
 * σ(0) = 1/2 ≠ 0. One exponential per element for value and derivative together.
 */
final class Sigmoid implements Activation {

    /** 1/(6√3). */
    static final double SECOND_DERIVATIVE_MAX = 1.0 / (6.0 * Math.sqrt(3.0));

    private static final ClosedForm FORM = new ClosedForm.Sigmoid();

    private static final ActivationProperties PROPERTIES =
            new ActivationProperties(false, false, 0.0, 0.25, SECOND_DERIVATIVE_MAX, true, false, true);

    @Override
    public double value(double x) {
        double u = Math.exp(-Math.abs(x));
        return x >= 0 ? 1.0 / (1.0 + u) : u / (1.0 + u);
    }

    @Override
    public double derivative(double x) {
        double u = Math.exp(-Math.abs(x));
        double w = 1.0 + u;
        return u / (w * w);
    }

    /** σ'' = σ'·(1 − 2σ) = −sign(x)·u·(1 − u)/(1 + u)³ with 1 − u = −expm1(−|x|). */
    @Override
    public double secondDerivative(double x) {
        double t = Math.abs(x);
        double u = Math.exp(-t);
        double w = 1.0 + u;
        double r = u * Math.expm1(-t) / (w * w * w);
        return x >= 0 ? r : -r;
    }

    @Override
    public ActivationProperties properties() {
        return PROPERTIES;
    }

    @Override
    public void apply(double[] in, int inOffset, double[] out, int outOffset, int len) {
        for (int i = 0; i < len; i++) {
            double x = in[inOffset + i];
            double u = Math.exp(-Math.abs(x));
            out[outOffset + i] = x >= 0 ? 1.0 / (1.0 + u) : u / (1.0 + u);
        }
    }

    @Override
    public void applyDerivative(double[] in, int inOffset, double[] out, int outOffset, int len) {
        for (int i = 0; i < len; i++) {
            double u = Math.exp(-Math.abs(in[inOffset + i]));
            double w = 1.0 + u;
            out[outOffset + i] = u / (w * w);
        }
    }

    @Override
    public void applyWithDerivative(double[] in, int inOffset, double[] value, double[] deriv, int outOffset,
            int len) {
        for (int i = 0; i < len; i++) {
            double x = in[inOffset + i];
            double u = Math.exp(-Math.abs(x));
            double w = 1.0 + u;
            deriv[outOffset + i] = u / (w * w);
            value[outOffset + i] = x >= 0 ? 1.0 / w : u / w;
        }
    }

    @Override
    public void apply(float[] in, int inOffset, float[] out, int outOffset, int len) {
        for (int i = 0; i < len; i++) {
            double x = in[inOffset + i];
            double u = Math.exp(-Math.abs(x));
            out[outOffset + i] = (float) (x >= 0 ? 1.0 / (1.0 + u) : u / (1.0 + u));
        }
    }

    @Override
    public void applyDerivative(float[] in, int inOffset, float[] out, int outOffset, int len) {
        for (int i = 0; i < len; i++) {
            double u = Math.exp(-Math.abs((double) in[inOffset + i]));
            double w = 1.0 + u;
            out[outOffset + i] = (float) (u / (w * w));
        }
    }

    @Override
    public void applyWithDerivative(float[] in, int inOffset, float[] value, float[] deriv, int outOffset,
            int len) {
        for (int i = 0; i < len; i++) {
            double x = in[inOffset + i];
            double u = Math.exp(-Math.abs(x));
            double w = 1.0 + u;
            deriv[outOffset + i] = (float) (u / (w * w));
            value[outOffset + i] = (float) (x >= 0 ? 1.0 / w : u / w);
        }
    }

    /** Declared so that SIMD and GPU backends may evaluate it with their own kernels. */
    @Override
    public Optional<ClosedForm> closedForm() {
        return Optional.of(FORM);
    }

    @Override
    public String toString() {
        return "sigmoid";
    }
}
