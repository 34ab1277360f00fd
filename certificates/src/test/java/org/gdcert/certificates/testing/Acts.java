package org.gdcert.certificates.testing;

import java.util.List;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;
import org.gdcert.core.testing.TestActivations;

/**
 * Test-only activations (the certificates module must not depend on the activations module):
 * seed 000's activation (2) in the closed form of spec §1.2 and the softplus-leaky σ of spec §1.2
 * that satisfies Assumption 2.2 without a pair closed form; ReLU, leaky ReLU and tanh are core's
 * {@link TestActivations}, configured as the plugins would be.
 */
public final class Acts {
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    private Acts() {
    }

    /** smoothrelu(gamma, beta), configured with both parameters. */
    public static Configured<Activation> smoothRelu(double gamma, double beta) {
        ParameterSchema schema = ParameterSchema.of(ParameterSpec.real("gamma", 0.5, "slope").withOpenRange(0, 1),
                ParameterSpec.real("beta", 1, "smoothness").positive());
        ValidatedParams p = schema.validateOrThrow("smoothrelu", List.of(Argument.named("gamma", gamma),
                Argument.named("beta", beta)));
        double s = (1 - gamma) / (beta * SQRT_2PI);
        Activation a = new TestActivations.Fn(x -> {
            double z = x / s;
            return gamma * x + (1 - gamma) * s * (z * cdf(z) + pdf(z) - pdf(0));
        }, x -> gamma + (1 - gamma) * cdf(x / s), x -> (1 - gamma) / s * pdf(x / s),
                new ActivationProperties(true, true, gamma, 1, beta, true, false, true));
        return new Configured<>("smoothrelu", p, a);
    }

    public static Configured<Activation> relu() {
        return TestActivations.configured("relu", TestActivations.RELU);
    }

    public static Configured<Activation> leaky(double gamma) {
        ParameterSchema schema = ParameterSchema.of(ParameterSpec.real("slope", 0.01, "slope"));
        ValidatedParams p = schema.validateOrThrow("leakyrelu", List.of(Argument.named("slope", gamma)));
        return new Configured<>("leakyrelu", p, TestActivations.leaky(gamma));
    }

    public static Configured<Activation> tanh() {
        return TestActivations.configured("tanh", TestActivations.TANH);
    }

    /** γx + (1−γ)(ln(1+eˣ) − ln 2): Assumption 2.2 with β = (1−γ)/4 (spec §1.2), no pair closed form. */
    public static Configured<Activation> softplusLeaky(double gamma) {
        return TestActivations.configured("softplus_leaky", new TestActivations.Fn(x -> {
            double sp = x > 30 ? x : Math.log1p(Math.exp(x));
            return gamma * x + (1 - gamma) * (sp - Math.log(2));
        }, x -> gamma + (1 - gamma) / (1 + Math.exp(-x)), x -> {
            double sg = 1 / (1 + Math.exp(-x));
            return (1 - gamma) * sg * (1 - sg);
        }, new ActivationProperties(true, true, gamma, 1, (1 - gamma) / 4, true, false, true)));
    }

    static double pdf(double z) {
        return Math.exp(-0.5 * z * z) / SQRT_2PI;
    }

    /** Φ(z) by an independent route from the main code: Simpson-free Taylor/asymptotic split via erf series. */
    static double cdf(double z) {
        if (z < -38) {
            return 0;
        }
        if (z > 38) {
            return 1;
        }
        // Φ(z) = ½ + φ(z) Σ z^{2n+1}/(1·3·…·(2n+1)) for |z| <= 6 (Marsaglia 2004), positive-term series;
        // for |z| > 6 the continued fraction of the Mills ratio
        if (Math.abs(z) <= 6) {
            double term = z;
            double sum = z;
            double z2 = z * z;
            for (int n = 1; n < 500; n++) {
                term *= z2 / (2 * n + 1);
                sum += term;
                if (Math.abs(term) < 1e-17 * Math.abs(sum)) {
                    break;
                }
            }
            return 0.5 + pdf(z) * sum;
        }
        double x = Math.abs(z);
        double f = x;
        for (int k = 200; k >= 1; k--) {
            f = x + k / f;
        }
        double tail = pdf(x) / f;
        return z > 0 ? 1 - tail : tail;
    }
}
