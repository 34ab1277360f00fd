package org.gdcert.core.train;

/**
 * How the training objective reduces the squared errors. Losses are always <em>reported</em> as
 * the papers' Φ = ½‖F_L − Y‖²_F; the reduction only scales the gradient an optimizer follows,
 * so "MEAN with step η" is "SUM_HALF with step η·{@link #gradientMultiplier}".
 */
public enum LossReduction {
    /** ½ Σ (ŷ − y)², the papers' loss; the default. */
    SUM_HALF,
    /** (1/(N·n_L)) Σ (ŷ − y)², PyTorch's {@code MSELoss()}. */
    MEAN,
    /** Σ (ŷ − y)², seed 003's h. */
    SUM;

    /** Factor between ∇(this loss) and ∇Φ for {@code rows} samples of {@code outputs} outputs. */
    public double gradientMultiplier(int rows, int outputs) {
        return switch (this) {
            case SUM_HALF -> 1.0;
            case MEAN -> 2.0 / ((double) rows * outputs);
            case SUM -> 2.0;
        };
    }

    /** The value of this loss given Φ = ½‖·‖². */
    public double fromPhi(double phi, int rows, int outputs) {
        return phi * gradientMultiplier(rows, outputs);
    }
}
