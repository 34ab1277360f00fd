package org.gdcert.certificates.du;

import java.util.OptionalDouble;
import org.gdcert.core.math.SpecialFunctions;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;
import org.gdcert.core.testing.TestActivations;
import org.gdcert.core.testing.TestActivations.Fn;

/**
 * Test-only activations (the certificates module must not depend on the activations module), with
 * the closed-form dual kernels of spec certificates-du.md §3.1.4 where they exist: core's
 * {@link TestActivations} under the names these tests use, and the ones only seed 002's tests need.
 */
final class DuTestActivations {
    private DuTestActivations() {
    }

    static final Activation SOFTPLUS = TestActivations.SOFTPLUS;

    static final Activation SIGMOID = TestActivations.SIGMOID;

    static final Activation TANH = TestActivations.TANH;

    static final Activation GELU = TestActivations.GELU;

    private static double sigmoid(double x) {
        return SIGMOID.value(x);
    }

    static final Activation SILU = new Fn(x -> x * sigmoid(x), x -> sigmoid(x) * (1 + x * (1 - sigmoid(x))),
            x -> sigmoid(x) * (1 - sigmoid(x)) * (2 + x * (1 - 2 * sigmoid(x))),
            new ActivationProperties(true, false, -0.0998393, 1.0998393, 0.5, true, false, true));

    /** erf with the closed forms of §3.1.4. */
    static final Activation ERF = new Fn(SpecialFunctions::erf, x -> 2 / Math.sqrt(Math.PI) * Math.exp(-x * x),
            x -> -4 * x / Math.sqrt(Math.PI) * Math.exp(-x * x),
            new ActivationProperties(true, false, 0, 2 / Math.sqrt(Math.PI), Math.sqrt(8 / (Math.E * Math.PI)), true,
                    false)) {
        @Override
        public OptionalDouble gaussianPairExpectation(double a, double b, double c) {
            return OptionalDouble.of(2 / Math.PI * Math.asin(2 * c / Math.sqrt((1 + 2 * a) * (1 + 2 * b))));
        }

        @Override
        public OptionalDouble gaussianPairDerivativeExpectation(double a, double b, double c) {
            return OptionalDouble.of(4 / Math.PI / Math.sqrt((1 + 2 * a) * (1 + 2 * b) - 4 * c * c));
        }
    };

    /** sin with closed forms. */
    static final Activation SIN = new Fn(Math::sin, Math::cos, x -> -Math.sin(x),
            new ActivationProperties(true, true, -1, 1, 1, true, false, true)) {
        @Override
        public OptionalDouble gaussianPairExpectation(double a, double b, double c) {
            return OptionalDouble.of(Math.exp(-(a + b) / 2) * Math.sinh(c));
        }

        @Override
        public OptionalDouble gaussianPairDerivativeExpectation(double a, double b, double c) {
            return OptionalDouble.of(Math.exp(-(a + b) / 2) * Math.cosh(c));
        }
    };

    /** cos with closed forms (σ' = −sin, so Ė = E[sin u sin v]). */
    static final Activation COS = new Fn(Math::cos, x -> -Math.sin(x), x -> -Math.cos(x),
            new ActivationProperties(false, false, -1, 1, 1, true, false, true)) {
        @Override
        public OptionalDouble gaussianPairExpectation(double a, double b, double c) {
            return OptionalDouble.of(Math.exp(-(a + b) / 2) * Math.cosh(c));
        }

        @Override
        public OptionalDouble gaussianPairDerivativeExpectation(double a, double b, double c) {
            return OptionalDouble.of(Math.exp(-(a + b) / 2) * Math.sinh(c));
        }
    };

    /** ReLU with the arc-cosine closed forms (outside the theorems). */
    static final Activation RELU = new Fn(TestActivations.RELU::value, TestActivations.RELU::derivative,
            TestActivations.RELU::secondDerivative, TestActivations.RELU.properties()) {
        @Override
        public OptionalDouble gaussianPairExpectation(double a, double b, double c) {
            double s = Math.sqrt(a * b);
            if (s == 0) {
                return OptionalDouble.of(0);
            }
            double th = Math.acos(Math.max(-1, Math.min(1, c / s)));
            return OptionalDouble.of(s * (Math.sin(th) + (Math.PI - th) * Math.cos(th)) / (2 * Math.PI));
        }

        @Override
        public OptionalDouble gaussianPairDerivativeExpectation(double a, double b, double c) {
            double s = Math.sqrt(a * b);
            if (s == 0) {
                return OptionalDouble.of(0.25);
            }
            double th = Math.acos(Math.max(-1, Math.min(1, c / s)));
            return OptionalDouble.of((Math.PI - th) / (2 * Math.PI));
        }
    };

    /** ELU(α = 1): C¹, σ' Lipschitz, not analytic at 0. */
    static final Activation ELU = new Fn(x -> x > 0 ? x : Math.expm1(x), x -> x > 0 ? 1 : Math.exp(x),
            x -> x > 0 ? 0 : Math.exp(x), new ActivationProperties(true, true, 0, 1, 1, false, false));

    /** The same function, with properties that do not declare analyticity. */
    static Activation undeclaredAnalyticity(Activation a) {
        ActivationProperties p = a.properties();
        return TestActivations.withProperties(a, new ActivationProperties(p.zeroAtZero(), p.contractive(),
                p.derivativeMin(), p.derivativeMax(), p.derivativeLipschitz(), p.smooth(), p.piecewiseLinear()));
    }
}
