package org.gdcert.certificates.nguyen;

import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;

/**
 * An absolute allowance for rounding in a computed loss, so that monitors comparing losses of
 * different iterates do not report float noise as violations (spec §6.4: certified per-step changes
 * approach float64 resolution). The residual F_L − Y is computed with an absolute error of order
 * ε·‖Y‖_F per sample block, so Φ = ½‖r‖² carries an error of order ‖r‖·ε·‖Y‖_F. The allowance is
 * 64·√(N n_L)·ε·‖Y‖_F·√(2Φ): about 1e-14 relative at Φ = 1e-10 for unit targets, growing only
 * when Φ itself approaches rounding level.
 */
final class RoundingNoise {
    private RoundingNoise() {
    }

    /** 64·√(N n_L)·ε·‖Y‖_F. */
    static double scale(Backend b, Matrix targets) {
        return 64 * Math.sqrt((double) targets.rows() * targets.cols()) * Math.ulp(1.0)
                * Math.sqrt(b.sumOfSquares(targets));
    }

    /** The allowance at loss Φ. */
    static double of(double scale, double phi) {
        return scale * Math.sqrt(2 * Math.max(phi, 0));
    }
}
