package org.gdcert.certificates.song;

import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;
import org.gdcert.core.testing.TestActivations;

/**
 * Test-only activations (the certificates module must not depend on the activations module) with
 * the analytic constants of spec certificates-song.md §3.6 declared in their properties: core's
 * {@link TestActivations} under the names these tests use, and a wrongly declared tanh.
 */
final class SongTestActivations {
    private SongTestActivations() {
    }

    /** GeLU's φ̇_max = Φ(√2) + √2 φ_N(√2), attained at √2 (§3.6). */
    static final double GELU_DOT_MAX = TestActivations.GELU_DERIVATIVE_MAX;
    /** GeLU's φ̈_max = 2φ_N(0) = √(2/π). */
    static final double GELU_DDOT_MAX = TestActivations.GELU_SECOND_MAX;

    /** GeLU x Φ_N(x) with the exact erf. */
    static final Activation GELU = TestActivations.GELU;

    static final Activation TANH = TestActivations.TANH;

    static final Activation SIGMOID = TestActivations.SIGMOID;

    static final Activation SOFTPLUS = TestActivations.SOFTPLUS;

    static final Activation RELU = TestActivations.RELU;

    /** tanh whose plugin declares φ̇_max = 1/2: a wrong declaration the checker must refuse. */
    static final Activation TANH_WRONG_BOUND = TestActivations.withProperties(TANH,
            new ActivationProperties(true, true, 0, 0.5, 4 / (3 * Math.sqrt(3)), true, false, true));
}
