package org.gdcert.certificates.sgdrelu;

import org.gdcert.core.linalg.HostMatrix;

/**
 * Seed 004's two-layer model Ŷ = φ(X W) V in the coordinates actually trained (spec
 * certificates-sgd-relu.md §1.4, scale-equivalence rule). gdcert's layer computes
 * s2·b1·φ(s1·X W)·V with positive multipliers s1 (weightScale of layer 1), b1 (its branchScale)
 * and s2 (weightScale of the output layer); since φ is positively homogeneous this is
 * φ((s1 b1 s2)·X W)·V, the paper's model with the same trained coordinates (W, V) and the input
 * X_eff = scale·X. Every constant of the deterministic certificate is computed for X_eff.
 *
 * @param x X_eff (N × d0)
 * @param y Y (N × d2)
 * @param w0 W0 (d0 × d1)
 * @param v0 V0 (d1 × d2)
 * @param scale s1·b1·s2 (1 for gdcert's standard parameterization)
 * @param mask which layers are trained
 * @param derivativeAtZero the σ'(0) the run's ReLU uses (its fixed Clarke selection)
 * @param outputScale s2, so that the paper's H = φ(X_eff W) is s2 times gdcert's hidden features F_1
 */
record Instance(HostMatrix x, HostMatrix y, HostMatrix w0, HostMatrix v0, double scale, Mask mask,
        double derivativeAtZero, double outputScale) {

    /** Which layers are trained: seed 004's setups S1 (both) and S2 (W only), §5.2. */
    enum Mask {
        BOTH("W and V (setup S1, the paper's theory)"),
        W_ONLY("W only, V frozen (setup S2)"),
        V_ONLY("V only, W frozen"),
        NONE("no layer");

        private final String words;

        Mask(String words) {
            this.words = words;
        }

        String words() {
            return words;
        }

        boolean trainsW() {
            return this == BOTH || this == W_ONLY;
        }

        boolean trainsV() {
            return this == BOTH || this == V_ONLY;
        }
    }

    int samples() {
        return x.rows();
    }

    int inputDim() {
        return x.cols();
    }

    int width() {
        return w0.cols();
    }

    int outputs() {
        return v0.cols();
    }
}
