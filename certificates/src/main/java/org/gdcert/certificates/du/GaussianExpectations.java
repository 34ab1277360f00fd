package org.gdcert.certificates.du;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;
import org.gdcert.core.spi.Activation;

/**
 * The Gaussian expectations of spec certificates-du.md §3.1.1 for one activation σ at one quadrature
 * order: for (u, v) ∼ N(0, [[a, c], [c, b]]),
 * <ul>
 *   <li>S(a,b,c) = E[σ(u)σ(v)], Ė(a,b,c) = E[σ'(u)σ'(v)];</li>
 *   <li>μ(s) = E_{u∼N(0,s)}[σ(u)], ν₂(s) = E[σ(u)²] = S(s,s,s);</li>
 *   <li>c_σ = 1/E_{z∼N(0,1)}[σ(z)²] (eq. 2).</li>
 * </ul>
 * The closed forms of the activation ({@link Activation#gaussianPairExpectation},
 * {@link Activation#gaussianPairDerivativeExpectation}) are used when it provides them (§3.1.4);
 * Gauss–Hermite quadrature through the Cholesky factor of the covariance otherwise (§3.1.2), with
 * the off-diagonal clamped to [−√(ab), √(ab)] first. μ is always computed by 1-D quadrature.
 */
final class GaussianExpectations {
    private final Activation sigma;
    private final GaussHermite rule;
    private final boolean closedPair;
    private final boolean closedDerivative;
    private final DoubleUnaryOperator value;
    private final DoubleUnaryOperator derivative;

    GaussianExpectations(Activation sigma, int order) {
        this(sigma, order, true);
    }

    /**
     * @param useClosedForms false forces quadrature even where σ provides closed forms (used to
     *     validate closed forms against quadrature)
     */
    GaussianExpectations(Activation sigma, int order, boolean useClosedForms) {
        this.sigma = Objects.requireNonNull(sigma);
        this.rule = GaussHermite.of(order);
        this.closedPair = useClosedForms && probe(sigma.gaussianPairExpectation(1, 1, 0.5));
        this.closedDerivative = useClosedForms && probe(sigma.gaussianPairDerivativeExpectation(1, 1, 0.5));
        this.value = sigma::value;
        this.derivative = sigma::derivative;
    }

    private static boolean probe(OptionalDouble v) {
        return v.isPresent() && Double.isFinite(v.getAsDouble());
    }

    int order() {
        return rule.order();
    }

    /** Whether S comes from σ's closed form. */
    boolean closedPair() {
        return closedPair;
    }

    /** Whether Ė comes from σ's closed form. */
    boolean closedDerivative() {
        return closedDerivative;
    }

    /** S(a, b, c) = E[σ(u)σ(v)]. */
    double pair(double a, double b, double c) {
        double cc = clamp(a, b, c);
        if (closedPair) {
            return sigma.gaussianPairExpectation(a, b, cc).getAsDouble();
        }
        return quadrature(value, value, a, b, cc);
    }

    /** Ė(a, b, c) = E[σ'(u)σ'(v)]. */
    double derivativePair(double a, double b, double c) {
        double cc = clamp(a, b, c);
        if (closedDerivative) {
            return sigma.gaussianPairDerivativeExpectation(a, b, cc).getAsDouble();
        }
        return quadrature(derivative, derivative, a, b, cc);
    }

    /** μ(s) = E_{u∼N(0,s)}[σ(u)]. */
    double mean(double s) {
        double r = Math.sqrt(Math.max(s, 0));
        double sum = 0;
        for (int k = 0; k < rule.order(); k++) {
            double w = rule.weight(k);
            if (w != 0) {
                sum += w * sigma.value(r * rule.node(k));
            }
        }
        return sum;
    }

    /** ν₂(s) = E_{u∼N(0,s)}[σ(u)²]. */
    double meanSquare(double s) {
        return pair(s, s, s);
    }

    /** c_σ = 1 / E_{z∼N(0,1)}[σ(z)²]. */
    double cSigma() {
        return 1 / meanSquare(1);
    }

    /** E_{z∼N(0,1)}[σ'(z)²]. */
    double derivativeMeanSquare() {
        return derivativePair(1, 1, 1);
    }

    private static double clamp(double a, double b, double c) {
        double r = Math.sqrt(Math.max(a, 0) * Math.max(b, 0));
        return Math.max(-r, Math.min(r, c));
    }

    /** E[f(u) g(v)] by the tensor Gauss–Hermite rule in Cholesky coordinates. */
    private double quadrature(DoubleUnaryOperator f, DoubleUnaryOperator g, double a, double b, double c) {
        int n = rule.order();
        if (!(a > 0)) {
            double sb = Math.sqrt(Math.max(b, 0));
            double inner = 0;
            for (int l = 0; l < n; l++) {
                double w = rule.weight(l);
                if (w != 0) {
                    inner += w * g.applyAsDouble(sb * rule.node(l));
                }
            }
            return f.applyAsDouble(0) * inner;
        }
        double l11 = Math.sqrt(a);
        double l21 = c / l11;
        double l22 = Math.sqrt(Math.max(b - l21 * l21, 0));
        double total = 0;
        for (int k = 0; k < n; k++) {
            double wk = rule.weight(k);
            if (wk == 0) {
                continue;
            }
            double tk = rule.node(k);
            double fk = f.applyAsDouble(l11 * tk);
            if (fk == 0) {
                continue;
            }
            double inner;
            if (l22 == 0) {
                inner = g.applyAsDouble(l21 * tk);
            } else {
                inner = 0;
                double base = l21 * tk;
                for (int l = 0; l < n; l++) {
                    double wl = rule.weight(l);
                    if (wl != 0) {
                        inner += wl * g.applyAsDouble(base + l22 * rule.node(l));
                    }
                }
            }
            total += wk * fk * inner;
        }
        return total;
    }
}
