package org.gdcert.initializers;

import java.util.List;
import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.InitializerProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code signs(arrangement)}: the fixed output layer of seed 004's setup S2 (certificates-sgd-relu.md
 * §1.3, §5.2, after Oymak &amp; Soltanolkotabi): in every column, ⌈n/2⌉ entries +1/√n and ⌊n/2⌋
 * entries −1/√n, n = fan-in (d₁). {@code block}: the first ⌈n/2⌉ rows positive; {@code alternate}:
 * even rows positive. Neurons are exchangeable, so the arrangement does not change the dynamics'
 * law. No randomness. Freeze the layer in the DSL to keep V fixed.
 */
public final class SignsProvider implements InitializerProvider {

    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            ParameterSpec.choice("arrangement", "block", List.of("block", "alternate"),
                    "block: first ceil(n/2) rows +1/sqrt(n); alternate: even rows +1/sqrt(n)"));

    @Override
    public String name() {
        return "signs";
    }

    @Override
    public String description() {
        return "seed 004 fixed output layer: half the entries of each column +1/sqrt(fan_in), half -1/sqrt(fan_in)";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Initializer create(ValidatedParams params) {
        boolean alternate = "alternate".equals(params.getString("arrangement"));
        return (layer, weights, rng) -> {
            Shapes.check(layer, weights);
            int n = weights.rows();
            double v = 1.0 / Math.sqrt(n);
            int positives = (n + 1) / 2;
            for (int i = 0; i < n; i++) {
                boolean plus = alternate ? i % 2 == 0 : i < positives;
                for (int j = 0; j < weights.cols(); j++) {
                    weights.set(i, j, plus ? v : -v);
                }
            }
        };
    }
}
