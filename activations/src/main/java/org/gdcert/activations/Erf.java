package org.gdcert.activations;

import java.util.OptionalDouble;
import org.gdcert.core.math.SpecialFunctions;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;

/**
 * σ(x) = erf(x), σ' = (2/√π)e^{−x²} ∈ (0, 2/√π], σ'' = −2x·σ'(x), sup|σ''| = √(8/(eπ)) at ±1/√2
 * (certificates-du.md §2.1). σ(0) = 0 but |σ(x)| ≤ |x| fails near 0 (slope 2/√π &gt; 1). Its
 * Gaussian dual kernels are closed-form (arcsine kernel), which makes it a test activation for
 * kernel certificates.
 */
final class Erf implements Activation {

    /** √(8/(eπ)). */
    static final double SECOND_DERIVATIVE_MAX = Math.sqrt(8.0 / (Math.E * Math.PI));

    private static final ActivationProperties PROPERTIES = new ActivationProperties(true, false, 0.0,
            SpecialFunctions.TWO_OVER_SQRT_PI, SECOND_DERIVATIVE_MAX, true, false, true);

    @Override
    public double value(double x) {
        return SpecialFunctions.erf(x);
    }

    @Override
    public double derivative(double x) {
        return SpecialFunctions.TWO_OVER_SQRT_PI * SpecialFunctions.expNegSquare(x);
    }

    @Override
    public double secondDerivative(double x) {
        double d = derivative(x);
        return d == 0 ? 0.0 : -2.0 * x * d;
    }

    @Override
    public ActivationProperties properties() {
        return PROPERTIES;
    }

    /** (2/π)·asin(2c/√((1+2qa)(1+2qb))) (Williams' arcsine kernel). */
    @Override
    public OptionalDouble gaussianPairExpectation(double qa, double qb, double c) {
        Checks.variances(qa, qb);
        double cc = Checks.clamp(qa, qb, c);
        double r = 2 * cc / Math.sqrt((1 + 2 * qa) * (1 + 2 * qb));
        return OptionalDouble.of(2 / Math.PI * Math.asin(Math.max(-1, Math.min(1, r))));
    }

    /** (4/π)/√((1+2qa)(1+2qb) − 4c²). */
    @Override
    public OptionalDouble gaussianPairDerivativeExpectation(double qa, double qb, double c) {
        Checks.variances(qa, qb);
        double cc = Checks.clamp(qa, qb, c);
        double det = (1 + 2 * qa) * (1 + 2 * qb) - 4 * cc * cc;
        return OptionalDouble.of(4 / Math.PI / Math.sqrt(det));
    }

    @Override
    public String toString() {
        return "erf";
    }
}
