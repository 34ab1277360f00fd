package org.gdcert.initializers;

import java.util.List;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.InitializerProvider;
import org.gdcert.core.spi.LayerContext;
import org.gdcert.core.spi.ParameterException;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code song(product, ratio, omega2)}: seed 003's two-layer family (17), W₀ ~ N(0, ω₁²),
 * V₀ ~ N(0, ω₂²), parameterised as in certificates-song.md §3.4: by the product P = ω₁ω₂ and the
 * ratio r = ω₂/ω₁ (ω₁ = √(P/r), ω₂ = √(P·r)), or by P and ω₂ (ω₁ = P/ω₂, the App. G sweep).
 * {@code product=he} is 2/√(d₀d₁) and {@code product=lecun} 1/√(d₀d₁) (the value P·√(d₀d₁) is what
 * condition (19) compares with 1); {@code ratio=fanin} is √(d₀/d₁), which with those products gives
 * exactly He and LeCun. d₀ is the input dimension, d₁ the hidden width. Two-layer networks only.
 */
public final class SongProvider implements InitializerProvider {

    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            ParameterSpec.real("product", 0, "P = omega1*omega2, or he (2/sqrt(d0 d1)) or lecun (1/sqrt(d0 d1))")
                    .positive().withSymbols("he", "lecun").withSymbolDefault("he"),
            ParameterSpec.real("ratio", 0, "r = omega2/omega1, or fanin (sqrt(d0/d1), as He and LeCun)")
                    .positive().withSymbols("fanin").withSymbolDefault("fanin"),
            ParameterSpec.real("omega2", 0, "std of the output layer instead of ratio (then omega1 = P/omega2)")
                    .positive().withSymbols("auto").withSymbolDefault("auto"));

    @Override
    public String name() {
        return "song";
    }

    @Override
    public String description() {
        return "seed 003 family (17): W ~ N(0, omega1^2), V ~ N(0, omega2^2) by product P = omega1 omega2 and "
                + "ratio omega2/omega1 (or omega2); defaults give He";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Initializer create(ValidatedParams params) {
        if (params.isGiven("omega2") && params.isGiven("ratio") && params.symbol("omega2").isEmpty()) {
            throw new ParameterException(name(), List.of(new ParameterSchema.Problem(-1,
                    "give ratio or omega2, not both")));
        }
        return new Family(params.symbol("product").orElse(null),
                params.symbol("product").isPresent() ? 0 : params.getDouble("product"),
                params.symbol("ratio").isPresent() ? Double.NaN : params.getDouble("ratio"),
                params.symbol("omega2").isPresent() ? Double.NaN : params.getDouble("omega2"));
    }

    /** ω₁ and ω₂ resolved from the layer sizes. */
    static final class Family implements Initializer {
        private final String productWord;
        private final double product;
        private final double ratio;
        private final double omega2;

        Family(String productWord, double product, double ratio, double omega2) {
            this.productWord = productWord;
            this.product = product;
            this.ratio = ratio;
            this.omega2 = omega2;
        }

        /** {ω₁, ω₂} for input dimension d0 and hidden width d1. */
        double[] omegas(int d0, int d1) {
            double root = Math.sqrt((double) d0 * d1);
            double p = productWord == null ? product : ("lecun".equals(productWord) ? 1 : 2) / root;
            if (!Double.isNaN(omega2)) {
                return new double[] {p / omega2, omega2};
            }
            double r = Double.isNaN(ratio) ? Math.sqrt((double) d0 / d1) : ratio;
            return new double[] {Math.sqrt(p / r), Math.sqrt(p * r)};
        }

        @Override
        public void initialize(LayerContext layer, HostMatrix weights, Rng rng) {
            Shapes.check(layer, weights);
            if (layer.depth() != 2) {
                throw new IllegalArgumentException("song: the seed 003 family is defined for two-layer networks, "
                        + "this one has " + layer.depth() + " weight layers");
            }
            int d0;
            int d1;
            if (layer.layer() == 1) {
                d0 = layer.fanIn();
                d1 = layer.fanOut();
            } else {
                d1 = layer.fanIn();
                d0 = layer.previous().isEmpty() ? layer.inputs().cols() : layer.previous().get(0).rows();
            }
            double[] w = omegas(d0, d1);
            Fill.gaussian(weights, layer.layer() == 1 ? w[0] : w[1], rng);
        }
    }
}
