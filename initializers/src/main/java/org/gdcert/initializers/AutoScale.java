package org.gdcert.initializers;

import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.LayerContext;

/**
 * Seed 000 §3.1 option (b3), the "auto-scale" of certificates-nguyen.md §1.3 [derived]: draw
 * G ~ N(0, 1/n_{l−1}), compute a = σ_min(G) and b = ‖G‖₂ (SVD), and set W = s·G with
 * s = max(1/a, c·b/a²)·(1 + margin). Then λ_l = σ_min(W) = s·a ≥ 1 + margin and
 * λ_l² = s²a² ≥ c·s·b·(1 + margin) = c·‖W‖₂·(1 + margin): both requirements of §3.1 hold with the
 * relative margin to spare (which also absorbs the rounding of any later SVD).
 */
final class AutoScale {

    private AutoScale() {
    }

    /** Fills {@code w} and returns the scale s used. */
    static double fill(String owner, LayerContext layer, HostMatrix w, double c, double margin, Rng rng) {
        Fill.gaussian(w, 1.0 / Math.sqrt(layer.fanIn()), rng);
        double[] sv = Spectra.singularValues(w);
        if (sv.length == 0) {
            return 1.0;
        }
        double a = sv[sv.length - 1];
        double b = sv[0];
        if (!(a > 0)) {
            throw new IllegalStateException(owner + ": layer " + layer.layer() + " (" + layer.fanIn() + "x"
                    + layer.fanOut() + "): the Gaussian draw is singular (sigma_min = " + a + "); no scale can meet "
                    + "lambda_l >= 1");
        }
        double s = Math.max(1.0 / a, c * b / (a * a)) * (1.0 + margin);
        w.scaleInPlace(s);
        return s;
    }
}
