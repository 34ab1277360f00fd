package org.gdcert.core.spi;

/**
 * A standard activation function, declared by an {@link Activation} through
 * {@link Activation#closedForm()} so that backends with kernels of their own (SIMD, GPU) may
 * evaluate σ and σ' themselves instead of calling the activation's Java bulk methods. A declaration
 * promises that the activation's {@code value} and {@code derivative} are this function; backends
 * may check that on a few points and ignore a declaration that disagrees. The scalar methods here are
 * the reference definitions (in double) such kernels are tested against.
 *
 * <p>Optional: an activation without a closed form (the default) is evaluated through its bulk
 * methods, as before. Activations outside this short list simply declare none.
 */
public sealed interface ClosedForm {

    /** σ(x) by the reference formula. */
    double value(double x);

    /** σ'(x) by the reference formula. */
    double derivative(double x);

    /** σ(x) = log(1 + eˣ) = max(x, 0) + log1p(e^{−|x|}); σ' = the logistic function. */
    record Softplus() implements ClosedForm {
        @Override
        public double value(double x) {
            return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
        }

        @Override
        public double derivative(double x) {
            double u = Math.exp(-Math.abs(x));
            return x >= 0 ? 1.0 / (1.0 + u) : u / (1.0 + u);
        }
    }

    /** σ(x) = 1/(1 + e^{−x}); σ' = σ(1 − σ) = e^{−|x|}/(1 + e^{−|x|})². */
    record Sigmoid() implements ClosedForm {
        @Override
        public double value(double x) {
            double u = Math.exp(-Math.abs(x));
            return x >= 0 ? 1.0 / (1.0 + u) : u / (1.0 + u);
        }

        @Override
        public double derivative(double x) {
            double u = Math.exp(-Math.abs(x));
            double w = 1.0 + u;
            return u / (w * w);
        }
    }

    /** σ = tanh; σ' = 1 − tanh² = 4e^{−2|x|}/(1 + e^{−2|x|})². */
    record Tanh() implements ClosedForm {
        @Override
        public double value(double x) {
            return Math.tanh(x);
        }

        @Override
        public double derivative(double x) {
            double u = Math.exp(-2 * Math.abs(x));
            double w = 1.0 + u;
            return 4.0 * u / (w * w);
        }
    }

    /** σ(x) = max(x, 0); σ'(x) = 1 for x &gt; 0, 0 for x &lt; 0 and {@code derivativeAtZero} at 0. */
    record Relu(double derivativeAtZero) implements ClosedForm {
        @Override
        public double value(double x) {
            return Math.max(x, 0.0);
        }

        @Override
        public double derivative(double x) {
            return x > 0 ? 1.0 : x < 0 ? 0.0 : derivativeAtZero;
        }
    }

    /** σ(x) = max(x, a·x) for a slope a ∈ [0, 1]; σ'(x) = 1 for x &gt; 0, a for x ≤ 0. */
    record LeakyRelu(double slope) implements ClosedForm {
        public LeakyRelu {
            if (!(slope >= 0 && slope <= 1)) {
                throw new IllegalArgumentException("leaky ReLU slope must be in [0, 1], got " + slope);
            }
        }

        @Override
        public double value(double x) {
            return Math.max(x, slope * x);
        }

        @Override
        public double derivative(double x) {
            return x > 0 ? 1.0 : slope;
        }
    }

    /** σ(x) = x; σ' = 1. */
    record Identity() implements ClosedForm {
        @Override
        public double value(double x) {
            return x;
        }

        @Override
        public double derivative(double x) {
            return 1.0;
        }
    }
}
