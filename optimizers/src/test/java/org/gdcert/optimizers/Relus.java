package org.gdcert.optimizers;

import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.testing.TestActivations;

/** ReLU and leaky ReLU configured as the activations module would (the optimizers module does not depend on it). */
final class Relus {
    private Relus() {
    }

    static Configured<Activation> relu() {
        return TestActivations.configured("relu", TestActivations.RELU);
    }

    /** max(γx, x) with σ'(0) = γ (the left slope, PyTorch's convention for γ = 0). */
    static Configured<Activation> leakyrelu(double gamma) {
        return TestActivations.configured("leakyrelu", TestActivations.leaky(gamma));
    }
}
