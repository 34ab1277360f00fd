package org.gdcert.core.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gdcert.core.linalg.HostMatrix;

/**
 * What an initializer may know about the layer it fills.
 *
 * @param layer 1-based layer index l
 * @param depth number of weight layers L
 * @param fanIn n_{l-1}
 * @param fanOut n_l
 * @param activation the activation after this layer; empty for the linear output layer
 * @param inputs the training inputs X (N × d), for data-dependent constructions
 * @param targets the training targets Y (N × n_L)
 * @param previous the weights of layers 1..l-1 already initialized, in order
 */
public record LayerContext(
        int layer,
        int depth,
        int fanIn,
        int fanOut,
        Optional<Configured<Activation>> activation,
        HostMatrix inputs,
        HostMatrix targets,
        List<HostMatrix> previous) {

    public LayerContext {
        if (layer < 1 || layer > depth) {
            throw new IllegalArgumentException("layer " + layer + " outside 1.." + depth);
        }
        Objects.requireNonNull(activation);
        Objects.requireNonNull(inputs);
        Objects.requireNonNull(targets);
        previous = List.copyOf(previous);
    }

    /** N, the number of samples. */
    public int samples() {
        return inputs.rows();
    }

    public boolean isOutputLayer() {
        return layer == depth;
    }
}
