package org.gdcert.core.engine;

import java.util.Objects;
import java.util.Optional;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Configured;

/**
 * One weight layer l: G_l = weightScale · F_{l-1} W_l (+ 1 b_lᵀ), then for a hidden layer
 * F_l = branchScale · σ(G_l) (+ F_{l-1} for a residual block), for the output layer F_L = G_L.
 *
 * <p>The standard parameterization has both scales 1. Seed 002's NTK-style network puts
 * √(c_σ/m) in {@code branchScale}; its residual blocks use c_res/(H√m).
 *
 * @param width n_l
 * @param activation σ for a hidden layer; empty for the linear output layer (or a linear hidden layer)
 * @param bias whether the layer has a bias b_l
 * @param trainable false for frozen layers (no gradient, never updated)
 * @param residual F_l = F_{l-1} + branchScale·σ(G_l); requires n_{l-1} = n_l
 * @param weightScale multiplier of F_{l-1} W_l
 * @param branchScale multiplier of σ(G_l)
 */
public record LayerSpec(
        int width,
        Optional<Configured<Activation>> activation,
        boolean bias,
        boolean trainable,
        boolean residual,
        double weightScale,
        double branchScale) {

    public LayerSpec {
        Objects.requireNonNull(activation);
        if (width < 1) {
            throw new IllegalArgumentException("layer width must be >= 1, got " + width);
        }
        if (!Double.isFinite(weightScale) || !Double.isFinite(branchScale)) {
            throw new IllegalArgumentException("layer scales must be finite");
        }
    }

    /** A standard hidden layer σ(F W). */
    public static LayerSpec hidden(int width, Configured<Activation> activation) {
        return new LayerSpec(width, Optional.of(activation), false, true, false, 1, 1);
    }

    /** The standard linear output layer F W. */
    public static LayerSpec output(int width) {
        return new LayerSpec(width, Optional.empty(), false, true, false, 1, 1);
    }

    public LayerSpec withBias(boolean b) {
        return new LayerSpec(width, activation, b, trainable, residual, weightScale, branchScale);
    }

    public LayerSpec withTrainable(boolean t) {
        return new LayerSpec(width, activation, bias, t, residual, weightScale, branchScale);
    }

    public LayerSpec withResidual(boolean r) {
        return new LayerSpec(width, activation, bias, trainable, r, weightScale, branchScale);
    }

    public LayerSpec withScales(double weight, double branch) {
        return new LayerSpec(width, activation, bias, trainable, residual, weight, branch);
    }

    /** σ, or empty when linear. */
    public Optional<Activation> sigma() {
        return activation.map(Configured::instance);
    }
}
