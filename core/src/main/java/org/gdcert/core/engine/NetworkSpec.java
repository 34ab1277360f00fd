package org.gdcert.core.engine;

import java.util.List;
import java.util.Objects;

/**
 * The architecture: input dimension d = n_0 and the weight layers 1..L. The last layer is the
 * linear output layer (no activation, no residual). W_l has shape n_{l-1} × n_l.
 *
 * @param parameterization a label for reports ({@code standard}, {@code ntk}); the layer scales
 *     carry its effect
 */
public record NetworkSpec(int inputDim, List<LayerSpec> layers, String parameterization) {

    public NetworkSpec {
        Objects.requireNonNull(parameterization);
        layers = List.copyOf(layers);
        if (inputDim < 1) {
            throw new IllegalArgumentException("input dimension must be >= 1, got " + inputDim);
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        LayerSpec last = layers.get(layers.size() - 1);
        if (last.activation().isPresent() || last.residual()) {
            throw new IllegalArgumentException("the output layer is linear: no activation, no residual");
        }
        int prev = inputDim;
        for (int l = 0; l < layers.size(); l++) {
            LayerSpec s = layers.get(l);
            if (s.residual() && s.width() != prev) {
                throw new IllegalArgumentException("residual layer " + (l + 1) + " needs equal widths, got "
                        + prev + " -> " + s.width());
            }
            prev = s.width();
        }
    }

    public NetworkSpec(int inputDim, List<LayerSpec> layers) {
        this(inputDim, layers, "standard");
    }

    /** L, the number of weight layers. */
    public int depth() {
        return layers.size();
    }

    /** n_l for l = 0..L (n_0 = d). */
    public int width(int l) {
        return l == 0 ? inputDim : layers.get(l - 1).width();
    }

    /** n_L. */
    public int outputDim() {
        return width(depth());
    }

    /** Layer l (1-based). */
    public LayerSpec layer(int l) {
        return layers.get(l - 1);
    }

    /** Number of trainable scalars. */
    public long trainableParameterCount() {
        long n = 0;
        for (int l = 1; l <= depth(); l++) {
            LayerSpec s = layer(l);
            if (s.trainable()) {
                n += (long) width(l - 1) * width(l) + (s.bias() ? width(l) : 0);
            }
        }
        return n;
    }

    /** {@code 784 -> 4000 -> 64 -> 10}. */
    public String widthsText() {
        StringBuilder sb = new StringBuilder().append(inputDim);
        for (LayerSpec s : layers) {
            sb.append(" -> ").append(s.width());
        }
        return sb.toString();
    }
}
