package org.gdcert.certificates.du;

import java.util.List;

/**
 * The theorem expressions of spec certificates-du.md §4.3 with every hidden constant set to 1 and
 * 2^{O(H)} set to 1: "scaling expressions", not bounds. Width terms as printed in Theorems 5.1 and
 * 6.1 (eq. 9); natural logarithm (A25: the base only changes the hidden constant).
 *
 * @param architecture FC or RESNET
 * @param terms the width terms, in the order of the theorem
 * @param termNames how the theorem writes each term
 * @param widthScaling M = max of the terms
 * @param dominant index of the largest term
 * @param stepScaling E (λ_0/n² for FC, λ_0 H²/n² for ResNet)
 */
record TheoremTerms(Architecture architecture, double[] terms, List<String> termNames, double widthScaling,
        int dominant, double stepScaling) {

    static TheoremTerms of(Architecture a, int n, double lambda0, int depth, double delta) {
        double l = lambda0;
        double log = Math.log(depth * (double) n / delta);
        double n2 = (double) n * n;
        double[] t;
        List<String> names;
        double e;
        if (a == Architecture.FC) {
            t = new double[] {n2 * n2 / Math.pow(l, 4), n / delta, n2 * log / (l * l)};
            names = List.of("n⁴/λ_0⁴", "n/δ", "n² log(Hn/δ)/λ_0²");
            e = l / n2;
        } else if (a == Architecture.RESNET) {
            double h2 = (double) depth * depth;
            t = new double[] {n2 * n2 / (Math.pow(l, 4) * h2 * h2 * h2), n2 / (l * l * h2), n / delta,
                n2 * log / (l * l)};
            names = List.of("n⁴/(λ_0⁴H⁶)", "n²/(λ_0²H²)", "n/δ", "n² log(Hn/δ)/λ_0²");
            e = l * h2 / n2;
        } else {
            throw new IllegalArgumentException("Theorem 7.1 (convolutional ResNet) is not evaluated yet");
        }
        int dom = 0;
        for (int i = 1; i < t.length; i++) {
            if (t[i] > t[dom]) {
                dom = i;
            }
        }
        return new TheoremTerms(a, t, names, t[dom], dom, e);
    }

    /** m / M: the width hypothesis holds iff the unknown C_m·2^{O(H)} is at most this. */
    double impliedWidthConstant(int width) {
        return width / widthScaling;
    }

    /** FC: log₂(m/M)/H, the largest c in 2^{cH} compatible with C_m = 1. */
    double impliedDepthExponent(int width, int depth) {
        return Math.log(width / widthScaling) / Math.log(2) / depth;
    }

    /** η/E: the step hypothesis holds iff the unknown C_η (FC: C_η 2^{−cH}) is at least this. */
    double impliedStepConstant(double etaPaper) {
        return etaPaper / stepScaling;
    }

    String dominantName() {
        return termNames.get(dominant);
    }
}
