package org.gdcert.activations;

import java.util.Optional;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;
import org.gdcert.core.spi.ClosedForm;

/**
 * σ(x) = tanh(x) = −m/(2 + m) with m = expm1(−2|x|) (sign restored), σ' = sech²(x) = 4u/(1+u)²
 * with u = e^{−2|x|}: both from one exponential (plus a logarithm for |x| &lt; 0.55, where expm1
 * needs Kahan's correction). Unlike 1 − tanh², sech² keeps full relative accuracy in the tails.
 * σ' ∈ (0, 1], sup|σ''| = 4/(3√3) at x = ±artanh(1/√3).
 */
final class Tanh implements Activation {

    /** 4/(3√3). */
    static final double SECOND_DERIVATIVE_MAX = 4.0 / (3.0 * Math.sqrt(3.0));
    /** Below this |x|, e^{−2|x|} − 1 would lose more than a bit to cancellation. */
    private static final double SMALL = 0.55;

    private static final ClosedForm FORM = new ClosedForm.Tanh();

    private static final ActivationProperties PROPERTIES =
            new ActivationProperties(true, true, 0.0, 1.0, SECOND_DERIVATIVE_MAX, true, false, true);

    private static double expm1NegTwice(double t, double u) {
        return t < SMALL ? (u == 1.0 ? -2.0 * t : (u - 1.0) * (-2.0 * t / Math.log(u))) : u - 1.0;
    }

    @Override
    public double value(double x) {
        double t = Math.abs(x);
        double u = Math.exp(-2.0 * t);
        double m = expm1NegTwice(t, u);
        double r = -m / (2.0 + m);
        return x < 0 ? -r : r;
    }

    @Override
    public double derivative(double x) {
        double u = Math.exp(-2.0 * Math.abs(x));
        double w = 1.0 + u;
        return 4.0 * u / (w * w);
    }

    /** σ'' = −2·tanh(x)·sech²(x). */
    @Override
    public double secondDerivative(double x) {
        return -2.0 * value(x) * derivative(x);
    }

    @Override
    public ActivationProperties properties() {
        return PROPERTIES;
    }

    @Override
    public void apply(double[] in, int inOffset, double[] out, int outOffset, int len) {
        for (int i = 0; i < len; i++) {
            double x = in[inOffset + i];
            double t = Math.abs(x);
            double u = Math.exp(-2.0 * t);
            double m = expm1NegTwice(t, u);
            double r = -m / (2.0 + m);
            out[outOffset + i] = x < 0 ? -r : r;
        }
    }

    @Override
    public void applyDerivative(double[] in, int inOffset, double[] out, int outOffset, int len) {
        for (int i = 0; i < len; i++) {
            double u = Math.exp(-2.0 * Math.abs(in[inOffset + i]));
            double w = 1.0 + u;
            out[outOffset + i] = 4.0 * u / (w * w);
        }
    }

    @Override
    public void applyWithDerivative(double[] in, int inOffset, double[] value, double[] deriv, int outOffset,
            int len) {
        for (int i = 0; i < len; i++) {
            double x = in[inOffset + i];
            double t = Math.abs(x);
            double u = Math.exp(-2.0 * t);
            double w = 1.0 + u;
            deriv[outOffset + i] = 4.0 * u / (w * w);
            double m = expm1NegTwice(t, u);
            double r = -m / (2.0 + m);
            value[outOffset + i] = x < 0 ? -r : r;
        }
    }

    @Override
    public void apply(float[] in, int inOffset, float[] out, int outOffset, int len) {
        for (int i = 0; i < len; i++) {
            double x = in[inOffset + i];
            double t = Math.abs(x);
            double u = Math.exp(-2.0 * t);
            double m = expm1NegTwice(t, u);
            double r = -m / (2.0 + m);
            out[outOffset + i] = (float) (x < 0 ? -r : r);
        }
    }

    @Override
    public void applyDerivative(float[] in, int inOffset, float[] out, int outOffset, int len) {
        for (int i = 0; i < len; i++) {
            double u = Math.exp(-2.0 * Math.abs((double) in[inOffset + i]));
            double w = 1.0 + u;
            out[outOffset + i] = (float) (4.0 * u / (w * w));
        }
    }

    @Override
    public void applyWithDerivative(float[] in, int inOffset, float[] value, float[] deriv, int outOffset,
            int len) {
        for (int i = 0; i < len; i++) {
            double x = in[inOffset + i];
            double t = Math.abs(x);
            double u = Math.exp(-2.0 * t);
            double w = 1.0 + u;
            deriv[outOffset + i] = (float) (4.0 * u / (w * w));
            double m = expm1NegTwice(t, u);
            double r = -m / (2.0 + m);
            value[outOffset + i] = (float) (x < 0 ? -r : r);
        }
    }

    /** Declared so that SIMD and GPU backends may evaluate it with their own kernels. */
    @Override
    public Optional<ClosedForm> closedForm() {
        return Optional.of(FORM);
    }

    @Override
    public String toString() {
        return "tanh";
    }
}
