package org.gdcert.certificates.du;

import java.util.Objects;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Configured;

/**
 * A gdcert network read as one of seed 002's models (spec certificates-du.md §1): L = H + 1 weight
 * layers, hidden width m, scalar output a = W_{H+1}. In gdcert's orientation W_l is n_{l−1} × n_l,
 * so the paper's W^(h) (m × fan-in) is W_hᵀ; hidden F_h = branchScale_h · σ(F_{h−1} W_h)
 * (+ F_{h−1} for a residual block) is the paper's x^(h) (rows are samples).
 *
 * @param architecture FC or RESNET
 * @param depth H
 * @param width m
 * @param inputDim d
 * @param cRes c_res as measured from the residual multipliers (NaN for FC)
 * @param activation σ as configured
 */
record DuModel(Architecture architecture, int depth, int width, int inputDim, double cRes,
        Configured<Activation> activation) {

    DuModel {
        Objects.requireNonNull(architecture);
        Objects.requireNonNull(activation);
    }

    Activation sigma() {
        return activation.instance();
    }

    boolean resnet() {
        return architecture == Architecture.RESNET;
    }

    /** The number of gdcert layers L = H + 1. */
    int layers() {
        return depth + 1;
    }
}
