package org.gdcert.example.activation;

import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;

/**
 * σ(x) = x·s with s = sigmoid(βx); σ'(x) = s + βx·s(1 − s); σ''(x) = β·s(1 − s)·(2 + βx(1 − 2s)).
 * With u = βx, σ'(x) = s(u)(1 + u(1 − s(u))) ranges over [−0.09984, 1.09984] (extremes at
 * u ≈ ∓2.3994) whatever β is, and σ''(x) = β·g(u) with g even and largest at 0, where it is 1/2:
 * sup |σ''| = β/2. σ(0) = 0 and |σ(x)| ≤ |x| because s ∈ (0, 1). Only the scalar methods are
 * implemented; the bulk kernels of {@link Activation} loop over them.
 */
final class Swish implements Activation {
    /** inf σ', rounded outward (the exact value is −0.0998393...). */
    private static final double DERIVATIVE_MIN = -0.09984;
    /** sup σ', rounded outward (1.0998393...). */
    private static final double DERIVATIVE_MAX = 1.09984;
    private final double beta;
    private final ActivationProperties properties;

    Swish(double beta) {
        this.beta = beta;
        this.properties = new ActivationProperties(true, true, DERIVATIVE_MIN, DERIVATIVE_MAX, beta / 2, true, false,
                true);
    }

    private double gate(double x) {
        double u = beta * x;
        // sigmoid without overflow for large |u|
        return u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u));
    }

    @Override
    public double value(double x) {
        return x * gate(x);
    }

    @Override
    public double derivative(double x) {
        double s = gate(x);
        return s + beta * x * s * (1 - s);
    }

    @Override
    public double secondDerivative(double x) {
        double s = gate(x);
        return beta * s * (1 - s) * (2 + beta * x * (1 - 2 * s));
    }

    @Override
    public ActivationProperties properties() {
        return properties;
    }

    @Override
    public String toString() {
        return "swish(beta=" + beta + ")";
    }
}
