package org.gdcert.certificates.du;

import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;
import org.gdcert.core.math.SpecialFunctions;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.ValidatedParams;

/**
 * Test-only activations (the certificates module must not depend on the activations module), with
 * the closed-form dual kernels of spec certificates-du.md §3.1.4 where they exist.
 */
final class DuTestActivations {
    private DuTestActivations() {
    }

    /** A scalar activation from value / derivative / second derivative and its properties. */
    static class Simple implements Activation {
        private final DoubleUnaryOperator f;
        private final DoubleUnaryOperator df;
        private final DoubleUnaryOperator d2f;
        private final ActivationProperties props;

        Simple(DoubleUnaryOperator f, DoubleUnaryOperator df, DoubleUnaryOperator d2f, ActivationProperties props) {
            this.f = f;
            this.df = df;
            this.d2f = d2f;
            this.props = props;
        }

        @Override
        public double value(double x) {
            return f.applyAsDouble(x);
        }

        @Override
        public double derivative(double x) {
            return df.applyAsDouble(x);
        }

        @Override
        public double secondDerivative(double x) {
            return d2f.applyAsDouble(x);
        }

        @Override
        public ActivationProperties properties() {
            return props;
        }
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    static final Activation SOFTPLUS = new Simple(x -> x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)),
            DuTestActivations::sigmoid, x -> sigmoid(x) * (1 - sigmoid(x)),
            new ActivationProperties(false, false, 0, 1, 0.25, true, false, true));

    static final Activation SIGMOID = new Simple(DuTestActivations::sigmoid, x -> sigmoid(x) * (1 - sigmoid(x)),
            x -> sigmoid(x) * (1 - sigmoid(x)) * (1 - 2 * sigmoid(x)),
            new ActivationProperties(false, false, 0, 0.25, 1 / (6 * Math.sqrt(3)), true, false, true));

    static final Activation TANH = new Simple(Math::tanh, x -> 1 - Math.tanh(x) * Math.tanh(x),
            x -> -2 * Math.tanh(x) * (1 - Math.tanh(x) * Math.tanh(x)),
            new ActivationProperties(true, true, 0, 1, 4 / (3 * Math.sqrt(3)), true, false, true));

    static final Activation SILU = new Simple(x -> x * sigmoid(x), x -> sigmoid(x) * (1 + x * (1 - sigmoid(x))),
            x -> sigmoid(x) * (1 - sigmoid(x)) * (2 + x * (1 - 2 * sigmoid(x))),
            new ActivationProperties(true, false, -0.0998393, 1.0998393, 0.5, true, false, true));

    static final Activation GELU = new Simple(x -> x * normalCdf(x),
            x -> normalCdf(x) + x * Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI),
            x -> (2 - x * x) * Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI),
            new ActivationProperties(true, false, -0.1289041, 1.1289041, 2 / Math.sqrt(2 * Math.PI), true, false, true));

    /** erf with the closed forms of §3.1.4. */
    static final Activation ERF = new Simple(DuTestActivations::erf, x -> 2 / Math.sqrt(Math.PI) * Math.exp(-x * x),
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
    static final Activation SIN = new Simple(Math::sin, Math::cos, x -> -Math.sin(x),
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
    static final Activation COS = new Simple(Math::cos, x -> -Math.sin(x), x -> -Math.cos(x),
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
    static final Activation RELU = new Simple(x -> Math.max(x, 0), x -> x > 0 ? 1 : 0, x -> 0,
            new ActivationProperties(true, true, 0, 1, Double.POSITIVE_INFINITY, false, true)) {
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
    static final Activation ELU = new Simple(x -> x > 0 ? x : Math.expm1(x), x -> x > 0 ? 1 : Math.exp(x),
            x -> x > 0 ? 0 : Math.exp(x), new ActivationProperties(true, true, 0, 1, 1, false, false));

    /** The same function without closed forms, to validate them against quadrature. */
    static Activation withoutClosedForms(Activation a) {
        return new Simple(a::value, a::derivative, a::secondDerivative, a.properties());
    }

    /** The same function, with properties that do not declare analyticity. */
    static Activation undeclaredAnalyticity(Activation a) {
        ActivationProperties p = a.properties();
        return new Simple(a::value, a::derivative, a::secondDerivative, new ActivationProperties(p.zeroAtZero(),
                p.contractive(), p.derivativeMin(), p.derivativeMax(), p.derivativeLipschitz(), p.smooth(),
                p.piecewiseLinear()));
    }

    static Configured<Activation> configured(String name, Activation a) {
        return new Configured<>(name, ValidatedParams.empty(), a);
    }

    static double normalCdf(double x) {
        return SpecialFunctions.normalCdf(x);
    }

    static double erf(double x) {
        return SpecialFunctions.erf(x);
    }
}
