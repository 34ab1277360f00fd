package org.gdcert.core.testing;

import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.gdcert.core.math.SpecialFunctions;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;
import org.gdcert.core.spi.ClosedForm;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.ValidatedParams;

/**
 * Activations for the tests of every module that must not depend on the activations module (core,
 * optimizers, certificates, backends): the standard functions with the properties the activations
 * plugin declares for them, each declaring its {@link ClosedForm} where it has one (σ and σ' are the
 * form's reference formulas), and {@link Fn} to build others from σ, σ' and σ''.
 *
 * <p>None of them declares Gaussian pair expectations; a test that needs them subclasses {@link Fn}.
 */
public final class TestActivations {
    private TestActivations() {
    }

    /**
     * A scalar activation given by σ, σ' and σ'', its properties and optionally the closed form it
     * declares (which need not agree with σ, for tests of how a declaration is checked). The bulk
     * kernels are the interface's defaults; subclass to add Gaussian pair expectations.
     */
    public static class Fn implements Activation {
        private final DoubleUnaryOperator f;
        private final DoubleUnaryOperator df;
        private final DoubleUnaryOperator d2f;
        private final ActivationProperties props;
        private final ClosedForm form;

        /** σ, σ', σ'' and the properties; declares no closed form. */
        public Fn(DoubleUnaryOperator f, DoubleUnaryOperator df, DoubleUnaryOperator d2f, ActivationProperties props) {
            this(f, df, d2f, props, null);
        }

        /** σ, σ', σ'', the properties and the closed form it declares ({@code null}: none). */
        public Fn(DoubleUnaryOperator f, DoubleUnaryOperator df, DoubleUnaryOperator d2f, ActivationProperties props,
                ClosedForm form) {
            this.f = Objects.requireNonNull(f, "f");
            this.df = Objects.requireNonNull(df, "df");
            this.d2f = Objects.requireNonNull(d2f, "d2f");
            this.props = Objects.requireNonNull(props, "props");
            this.form = form;
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

        @Override
        public Optional<ClosedForm> closedForm() {
            return Optional.ofNullable(form);
        }
    }

    /** The activation that is exactly {@code form}, with σ'' given, declaring the form. */
    private static Fn declaring(ClosedForm form, DoubleUnaryOperator second, ActivationProperties props) {
        return new Fn(form::value, form::derivative, second, props, form);
    }

    private static final ClosedForm LOGISTIC = new ClosedForm.Sigmoid();

    /** sup |tanh''| = 4/(3√3), at tanh² = 1/3. */
    private static final double TANH_SECOND_MAX = 4 / (3 * Math.sqrt(3));
    /** sup |σ''| of the logistic function σ = 1/(1 + e^{−x}): 1/(6√3). */
    private static final double SIGMOID_SECOND_MAX = 1 / (6 * Math.sqrt(3));
    /** GeLU's sup σ' = Φ(√2) + √2 φ(√2), attained at √2; inf σ' = 1 − sup σ' by symmetry. */
    public static final double GELU_DERIVATIVE_MAX = SpecialFunctions.normalCdf(Math.sqrt(2))
            + Math.sqrt(2) * SpecialFunctions.normalPdf(Math.sqrt(2));
    /** GeLU's sup |σ''| = 2φ(0) = √(2/π). */
    public static final double GELU_SECOND_MAX = Math.sqrt(2 / Math.PI);

    /** tanh; σ'' = −2 tanh (1 − tanh²). */
    public static final Activation TANH = declaring(new ClosedForm.Tanh(), x -> {
        double t = Math.tanh(x);
        return -2 * t * (1 - t * t);
    }, new ActivationProperties(true, true, 0, 1, TANH_SECOND_MAX, true, false, true));

    /** softplus ln(1 + eˣ); σ' is the logistic function s, σ'' = s(1 − s). */
    public static final Activation SOFTPLUS = declaring(new ClosedForm.Softplus(), x -> {
        double s = LOGISTIC.value(x);
        return s * (1 - s);
    }, new ActivationProperties(false, false, 0, 1, 0.25, true, false, true));

    /** The logistic function s = 1/(1 + e^{−x}); σ' = s(1 − s), σ'' = s(1 − s)(1 − 2s). */
    public static final Activation SIGMOID = declaring(LOGISTIC, x -> {
        double s = LOGISTIC.value(x);
        return s * (1 - s) * (1 - 2 * s);
    }, new ActivationProperties(false, false, 0, 0.25, SIGMOID_SECOND_MAX, true, false, true));

    /** GeLU x Φ(x) with the exact normal CDF; σ' = Φ + xφ, σ'' = (2 − x²)φ. No closed form. */
    public static final Activation GELU = new Fn(x -> x * SpecialFunctions.normalCdf(x),
            x -> SpecialFunctions.normalCdf(x) + x * SpecialFunctions.normalPdf(x),
            x -> (2 - x * x) * SpecialFunctions.normalPdf(x),
            new ActivationProperties(true, true, 1 - GELU_DERIVATIVE_MAX, GELU_DERIVATIVE_MAX, GELU_SECOND_MAX, true,
                    false, true));

    /** The identity. */
    public static final Activation IDENTITY = declaring(new ClosedForm.Identity(), x -> 0,
            new ActivationProperties(true, true, 1, 1, 0, true, true));

    /** ReLU max(x, 0) with σ'(0) = 0. */
    public static final Activation RELU = relu(0);

    /** x + 0.3 sin(x): smooth, with nonzero second derivative and σ(0) = 0; no closed form. */
    public static final Activation WIGGLE = new Fn(x -> x + 0.3 * Math.sin(x), x -> 1 + 0.3 * Math.cos(x),
            x -> -0.3 * Math.sin(x), new ActivationProperties(true, false, 0.7, 1.3, 0.3, true, false, true));

    /** ReLU max(x, 0) with σ'(0) = {@code derivativeAtZero}, as the activations module's {@code relu}; σ'' = 0. */
    public static Activation relu(double derivativeAtZero) {
        return declaring(new ClosedForm.Relu(derivativeAtZero), x -> 0,
                new ActivationProperties(true, true, 0, 1, Double.POSITIVE_INFINITY, false, true));
    }

    /**
     * Leaky ReLU max(x, γx): σ'(x) = 1 for x &gt; 0 and γ for x ≤ 0 (σ'(0) = γ, PyTorch's convention
     * for γ = 0); σ'' = 0. Declares the closed form for γ in [0, 1].
     */
    public static Activation leaky(double gamma) {
        return new Fn(x -> x > 0 ? x : gamma * x, x -> x > 0 ? 1 : gamma, x -> 0,
                new ActivationProperties(true, true, gamma, 1, Double.POSITIVE_INFINITY, false, true),
                gamma >= 0 && gamma <= 1 ? new ClosedForm.LeakyRelu(gamma) : null);
    }

    /**
     * The same σ, σ', σ'' and properties, declaring nothing else: no closed form, no Gaussian pair
     * expectations, the default bulk kernels.
     */
    public static Activation scalarOnly(Activation a) {
        return withProperties(a, a.properties());
    }

    /** The same σ, σ' and σ'' with other properties, declaring nothing else (as {@link #scalarOnly}). */
    public static Activation withProperties(Activation a, ActivationProperties properties) {
        return new Fn(a::value, a::derivative, a::secondDerivative, properties);
    }

    /** {@code a} under {@code name}, without parameters. */
    public static Configured<Activation> configured(String name, Activation a) {
        return new Configured<>(name, ValidatedParams.empty(), a);
    }
}
