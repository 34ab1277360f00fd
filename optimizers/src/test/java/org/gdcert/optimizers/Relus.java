package org.gdcert.optimizers;

import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.testing.TestActivations;

/** ReLU and leaky ReLU for tests (the optimizers module does not depend on the activations module). */
final class Relus {
    private Relus() {
    }

    /** max(γx, x) with σ'(0) = γ (the left slope, PyTorch's convention for γ = 0). */
    static Activation leaky(double gamma) {
        return new Activation() {
            @Override
            public double value(double x) {
                return x > 0 ? x : gamma * x;
            }

            @Override
            public double derivative(double x) {
                return x > 0 ? 1 : gamma;
            }

            @Override
            public double secondDerivative(double x) {
                return 0;
            }

            @Override
            public ActivationProperties properties() {
                return new ActivationProperties(true, true, gamma, 1, Double.POSITIVE_INFINITY, false, true);
            }
        };
    }

    static Configured<Activation> relu() {
        return TestActivations.configured("relu", leaky(0));
    }

    static Configured<Activation> leakyrelu(double gamma) {
        return TestActivations.configured("leakyrelu", leaky(gamma));
    }
}
