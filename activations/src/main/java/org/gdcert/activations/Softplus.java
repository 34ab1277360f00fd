package org.gdcert.activations;

import java.util.Optional;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;
import org.gdcert.core.spi.ClosedForm;

/**
 * σ(x) = log(1 + eˣ), evaluated as max(x, 0) + log1p(e^{−|x|}): no overflow for large x, full
 * relative accuracy for x ≪ 0. σ' = sigmoid ∈ (0, 1), σ'' = sigmoid·(1 − sigmoid) ≤ 1/4 = σ''(0).
 * σ(0) = ln 2 ≠ 0 and |σ(x)| ≤ |x| fails (certificates-du.md §2.1, certificates-song.md §3.6).
 * One exponential per element for value and derivative together.
 */
final class Softplus implements Activation {

    private static final ClosedForm FORM = new ClosedForm.Softplus();

    private static final ActivationProperties PROPERTIES =
            new ActivationProperties(false, false, 0.0, 1.0, 0.25, true, false, true);

    @Override
    public double value(double x) {
        double u = Math.exp(-Math.abs(x));
        return Math.max(x, 0.0) + FastMath.log1p(u);
    }

    @Override
    public double derivative(double x) {
        double u = Math.exp(-Math.abs(x));
        return x >= 0 ? 1.0 / (1.0 + u) : u / (1.0 + u);
    }

    @Override
    public double secondDerivative(double x) {
        double u = Math.exp(-Math.abs(x));
        double w = 1.0 + u;
        return u / (w * w);
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
            out[outOffset + i] = Math.max(x, 0.0) + FastMath.log1p(u);
        }
    }

    @Override
    public void applyDerivative(double[] in, int inOffset, double[] out, int outOffset, int len) {
        for (int i = 0; i < len; i++) {
            double x = in[inOffset + i];
            double u = Math.exp(-Math.abs(x));
            out[outOffset + i] = x >= 0 ? 1.0 / (1.0 + u) : u / (1.0 + u);
        }
    }

    @Override
    public void applyWithDerivative(double[] in, int inOffset, double[] value, double[] deriv, int outOffset,
            int len) {
        for (int i = 0; i < len; i++) {
            double x = in[inOffset + i];
            double u = Math.exp(-Math.abs(x));
            deriv[outOffset + i] = x >= 0 ? 1.0 / (1.0 + u) : u / (1.0 + u);
            value[outOffset + i] = Math.max(x, 0.0) + FastMath.log1p(u);
        }
    }

    @Override
    public void apply(float[] in, int inOffset, float[] out, int outOffset, int len) {
        for (int i = 0; i < len; i++) {
            double x = in[inOffset + i];
            double u = Math.exp(-Math.abs(x));
            out[outOffset + i] = (float) (Math.max(x, 0.0) + FastMath.log1p(u));
        }
    }

    @Override
    public void applyDerivative(float[] in, int inOffset, float[] out, int outOffset, int len) {
        for (int i = 0; i < len; i++) {
            double x = in[inOffset + i];
            double u = Math.exp(-Math.abs(x));
            out[outOffset + i] = (float) (x >= 0 ? 1.0 / (1.0 + u) : u / (1.0 + u));
        }
    }

    @Override
    public void applyWithDerivative(float[] in, int inOffset, float[] value, float[] deriv, int outOffset,
            int len) {
        for (int i = 0; i < len; i++) {
            double x = in[inOffset + i];
            double u = Math.exp(-Math.abs(x));
            deriv[outOffset + i] = (float) (x >= 0 ? 1.0 / (1.0 + u) : u / (1.0 + u));
            value[outOffset + i] = (float) (Math.max(x, 0.0) + FastMath.log1p(u));
        }
    }

    /** Declared so that SIMD and GPU backends may evaluate it with their own kernels. */
    @Override
    public Optional<ClosedForm> closedForm() {
        return Optional.of(FORM);
    }

    @Override
    public String toString() {
        return "softplus";
    }
}
