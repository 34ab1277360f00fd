package org.gdcert.core.data;

import java.util.List;
import org.gdcert.core.spi.ParameterSpec;

/** Parameter specs shared by several data and label sources, so that the same word means the same thing. */
final class Specs {
    /** Upper bound of sample counts and dimensions (one Java array holds N·d values). */
    static final double MAX_COUNT = Integer.MAX_VALUE - 8;

    private Specs() {
    }

    static ParameterSpec samples() {
        return ParameterSpec.integerRequired("n", "number of samples N").withRange(1, MAX_COUNT);
    }

    static ParameterSpec dimension() {
        return ParameterSpec.integerRequired("d", "input dimension d").withRange(1, MAX_COUNT);
    }

    static ParameterSpec outputs() {
        return ParameterSpec.integer("outputs", 1, "number of label columns (network outputs)")
                .withRange(1, MAX_COUNT);
    }

    static ParameterSpec labelType() {
        return ParameterSpec.choice("label_type", "auto", List.of("auto", "values", "classes"),
                "how labels are used: values (regression targets only), classes (targets and integer class"
                        + " indices for onehot; every label must be a whole number >= 0), auto (classes when"
                        + " there is one label column of whole numbers >= 0)");
    }

    /** {@code seed}: a fixed seed, or {@code run} for the run's data seed. */
    static ParameterSpec seed(String what) {
        return ParameterSpec.integer("seed", 0, "seed of " + what + "; run: derived from the run's seed")
                .withRange(0, Long.MAX_VALUE).withSymbols("run").withSymbolDefault("run");
    }
}
