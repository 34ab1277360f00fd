package org.gdcert.core.testing;

import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.ValidatedParams;

/** Small activations for core's own tests (core cannot depend on the activations module). */
public final class TestActivations {
    private TestActivations() {
    }

    /** tanh. */
    public static final Activation TANH = new Activation() {
        @Override
        public double value(double x) {
            return Math.tanh(x);
        }

        @Override
        public double derivative(double x) {
            double t = Math.tanh(x);
            return 1 - t * t;
        }

        @Override
        public double secondDerivative(double x) {
            double t = Math.tanh(x);
            return -2 * t * (1 - t * t);
        }

        @Override
        public ActivationProperties properties() {
            return new ActivationProperties(true, true, 0, 1, 4 / (3 * Math.sqrt(3)), true, false);
        }
    };

    /** softplus ln(1 + e^x). */
    public static final Activation SOFTPLUS = new Activation() {
        @Override
        public double value(double x) {
            return x > 30 ? x : Math.log1p(Math.exp(x));
        }

        @Override
        public double derivative(double x) {
            return 1 / (1 + Math.exp(-x));
        }

        @Override
        public double secondDerivative(double x) {
            double s = derivative(x);
            return s * (1 - s);
        }

        @Override
        public ActivationProperties properties() {
            return new ActivationProperties(false, false, 0, 1, 0.25, true, false);
        }
    };

    /** x + 0.3 sin(x): smooth, with nonzero second derivative and σ(0) = 0. */
    public static final Activation WIGGLE = new Activation() {
        @Override
        public double value(double x) {
            return x + 0.3 * Math.sin(x);
        }

        @Override
        public double derivative(double x) {
            return 1 + 0.3 * Math.cos(x);
        }

        @Override
        public double secondDerivative(double x) {
            return -0.3 * Math.sin(x);
        }

        @Override
        public ActivationProperties properties() {
            return new ActivationProperties(true, false, 0.7, 1.3, 0.3, true, false);
        }
    };

    public static Configured<Activation> configured(String name, Activation a) {
        return new Configured<>(name, ValidatedParams.empty(), a);
    }
}
