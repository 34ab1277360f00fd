package org.gdcert.activations;

/** Argument checks shared by the closed-form Gaussian expectations. */
final class Checks {
    private Checks() {
    }

    static void variances(double qa, double qb) {
        if (!(qa >= 0) || !(qb >= 0) || Double.isInfinite(qa) || Double.isInfinite(qb)) {
            throw new IllegalArgumentException("variances must be finite and >= 0, got qa=" + qa + ", qb=" + qb);
        }
    }

    /** c clamped to [−√(qa qb), √(qa qb)] (rounding can push a diagonal entry past it). */
    static double clamp(double qa, double qb, double c) {
        double bound = Math.sqrt(qa * qb);
        return Math.max(-bound, Math.min(bound, c));
    }
}
