package org.gdcert.initializers;

import java.util.List;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.InitializerProvider;
import org.gdcert.core.spi.LayerContext;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code nm20_pyramidal(c, v, scheme, margin)}: the whole "width N suffices" construction of seed 000
 * §3.1 (certificates-nguyen.md §1.3 (b)), layer by layer:
 * <ul>
 * <li>W₁: LeCun, N(0, 1/d) (any W₁ with λ_F &gt; 0 would do);</li>
 * <li>W₂: iid N(0, v); v = 0 (the default) gives W₂ = 0, which makes both conditions of P0-(10)
 * hold (r₀ = ‖Y‖_F, λ̄₂ = 2/3); for v &gt; 0 the certificate checks ‖W₂‖₂ ≤ 1/2;</li>
 * <li>W_l, l ≥ 3, by {@code scheme}: {@code autoscale} (b3, default: meets λ_l ≥ 1 and
 * λ_l² ≥ c·λ̄_l exactly, with relative slack {@code margin}); {@code identity} (b2:
 * κ·[I; 0] with κ = max(1, c)·(1 + margin)); or {@code gaussian} (b1: the paper's
 * N(0, (200c)²/n_{l−1}), which fails near the aspect ratio 1.01 the paper claims, T0.8: kept for
 * comparison, the certificate reports whether it holds).</li>
 * </ul>
 * The construction needs L ≥ 3 to help condition (4) (T0.13).
 */
public final class Nm20PyramidalProvider implements InitializerProvider {

    private static final List<String> SCHEMES = List.of("autoscale", "identity", "gaussian");

    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            Nm20AutoscaleProvider.C,
            ParameterSpec.real("v", 0.0, "variance of the iid N(0, v) entries of W_2 (0: W_2 = 0)").nonNegative(),
            ParameterSpec.choice("scheme", "autoscale", SCHEMES,
                    "layers l >= 3: autoscale (b3), identity (b2) or gaussian (b1, the paper's (200c)^2/n recipe)"),
            Nm20AutoscaleProvider.MARGIN);

    @Override
    public String name() {
        return "nm20_pyramidal";
    }

    @Override
    public String description() {
        return "seed 000 sec. 3.1 construction: W1 LeCun, W2 ~ N(0, v) (default 0), W_l (l >= 3) scaled so "
                + "sigma_min >= 1 and sigma_min^2 >= c ||W_l||_2";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Initializer create(ValidatedParams params) {
        return new Pyramidal(params.getDouble("c"), params.getDouble("v"), params.getString("scheme"),
                params.getDouble("margin"));
    }

    /** The layer-indexed construction. */
    static final class Pyramidal implements Initializer {
        private final double c;
        private final double v;
        private final String scheme;
        private final double margin;

        Pyramidal(double c, double v, String scheme, double margin) {
            this.c = c;
            this.v = v;
            this.scheme = scheme;
            this.margin = margin;
        }

        @Override
        public void initialize(LayerContext layer, HostMatrix weights, Rng rng) {
            Shapes.check(layer, weights);
            switch (layer.layer()) {
                case 1 -> Fill.gaussian(weights, 1.0 / Math.sqrt(layer.fanIn()), rng);
                case 2 -> Fill.gaussian(weights, Math.sqrt(v), rng);
                default -> {
                    switch (scheme) {
                        case "identity" -> Fill.scaledIdentity(weights, Math.max(1.0, c) * (1 + margin));
                        case "gaussian" -> Fill.gaussian(weights, 200 * c / Math.sqrt(layer.fanIn()), rng);
                        default -> AutoScale.fill("nm20_pyramidal", layer, weights, c, margin, rng);
                    }
                }
            }
        }
    }
}
