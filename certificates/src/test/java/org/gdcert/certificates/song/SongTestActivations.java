package org.gdcert.certificates.song;

import java.util.function.DoubleUnaryOperator;
import org.gdcert.core.math.SpecialFunctions;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.ValidatedParams;

/**
 * Test-only activations (the certificates module must not depend on the activations module) with
 * the analytic constants of spec certificates-song.md §3.6 declared in their properties.
 */
final class SongTestActivations {
    private SongTestActivations() {
    }

    /** A scalar activation from value / derivative / second derivative and its properties. */
    static final class Simple implements Activation {
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

    static final double SQRT2 = Math.sqrt(2);
    /** GeLU's φ̇_max = Φ(√2) + √2 φ_N(√2), attained at √2 (§3.6). */
    static final double GELU_DOT_MAX = SpecialFunctions.normalCdf(SQRT2) + SQRT2 * SpecialFunctions.normalPdf(SQRT2);
    /** GeLU's φ̈_max = 2φ_N(0) = √(2/π). */
    static final double GELU_DDOT_MAX = Math.sqrt(2 / Math.PI);

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    /** GeLU x Φ_N(x) with the exact erf. */
    static final Activation GELU = new Simple(x -> x * SpecialFunctions.normalCdf(x),
            x -> SpecialFunctions.normalCdf(x) + x * SpecialFunctions.normalPdf(x),
            x -> (2 - x * x) * SpecialFunctions.normalPdf(x),
            new ActivationProperties(true, true, 1 - GELU_DOT_MAX, GELU_DOT_MAX, GELU_DDOT_MAX, true, false, true));

    static final Activation TANH = new Simple(Math::tanh, x -> 1 - Math.tanh(x) * Math.tanh(x),
            x -> -2 * Math.tanh(x) * (1 - Math.tanh(x) * Math.tanh(x)),
            new ActivationProperties(true, true, 0, 1, 4 / (3 * Math.sqrt(3)), true, false, true));

    static final Activation SIGMOID = new Simple(SongTestActivations::sigmoid,
            x -> sigmoid(x) * (1 - sigmoid(x)), x -> sigmoid(x) * (1 - sigmoid(x)) * (1 - 2 * sigmoid(x)),
            new ActivationProperties(false, false, 0, 0.25, 1 / (6 * Math.sqrt(3)), true, false, true));

    static final Activation SOFTPLUS = new Simple(x -> x > 0 ? x + Math.log1p(Math.exp(-x))
            : Math.log1p(Math.exp(x)), SongTestActivations::sigmoid, x -> sigmoid(x) * (1 - sigmoid(x)),
            new ActivationProperties(false, false, 0, 1, 0.25, true, false, true));

    static final Activation RELU = new Simple(x -> Math.max(x, 0), x -> x > 0 ? 1 : 0, x -> 0,
            new ActivationProperties(true, true, 0, 1, Double.POSITIVE_INFINITY, false, true));

    /** tanh whose plugin declares φ̇_max = 1/2: a wrong declaration the checker must refuse. */
    static final Activation TANH_WRONG_BOUND = new Simple(Math::tanh, x -> 1 - Math.tanh(x) * Math.tanh(x),
            x -> -2 * Math.tanh(x) * (1 - Math.tanh(x) * Math.tanh(x)),
            new ActivationProperties(true, true, 0, 0.5, 4 / (3 * Math.sqrt(3)), true, false, true));

    static Configured<Activation> configured(String name, Activation a) {
        return new Configured<>(name, ValidatedParams.empty(), a);
    }
}
