package org.gdcert.optimizers;

/**
 * A frozen classification of every (sample i, neuron j) preactivation pair for one smooth segment
 * of the Clarke flow: {@link #POS} and {@link #NEG} pairs use the slope of their side; {@link #SLIDE}
 * pairs sit on the kink, their selection s_ij chosen so that ż_ij = 0 (Filippov sliding), which for
 * neuron j projects its gradient onto the orthogonal complement of span{x̃_i : i sliding}.
 *
 * <p>{@link #threshold} holds, for POS (NEG) pairs, the value below (above) which z_ij must not go
 * during the segment: τ_ij/2 past the kink, or past the starting value for a pair that has just left
 * the kink, so a segment never starts on an event.
 */
final class ClarkeMode {
    static final byte POS = 0;
    static final byte NEG = 1;
    static final byte SLIDE = 2;

    /** The sliding pairs of one neuron and the factors of the projection. */
    record Slide(int[] rows, double[] basis, double[] coef, int rank) {
        // basis: rank × dt (orthonormal rows spanning the x̃_i), coef: |rows| × rank (U_r Σ_r⁻¹)
    }

    final byte[] cls;
    final double[] threshold;
    final double[] tau;
    final Slide[] slides;
    int sliding;
    int kinks;
    int degenerate;

    ClarkeMode(int n, int d1) {
        cls = new byte[n * d1];
        threshold = new double[n * d1];
        tau = new double[n * d1];
        slides = new Slide[d1];
    }
}
