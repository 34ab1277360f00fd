package org.gdcert.core.spi;

import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;

/**
 * Fills the weights W_l (n_{l-1} × n_l) of one layer. Initializers are chosen per layer; the same
 * seed must give bit-identical weights.
 */
public interface Initializer {

    /** Overwrites every entry of {@code weights} (shape fanIn × fanOut of {@code layer}). */
    void initialize(LayerContext layer, HostMatrix weights, Rng rng);

    /** Fills the bias of the layer (length fanOut); zero by default. */
    default void initializeBias(LayerContext layer, double[] bias, Rng rng) {
        java.util.Arrays.fill(bias, 0.0);
    }
}
