package org.gdcert.certificates.sgdrelu;

/**
 * The constants of seed 004's Proposition 3.2, Lemma 3.3 and Theorem 3.4 (spec
 * certificates-sgd-relu.md §3.1–§3.3) as pure functions of a = √L(θ0), α = σ_min(H0ᵀ),
 * c = ‖X‖²_op, c1 and c2 (eq. 7). F (eq. 11) and Λ (eq. 10) are evaluated in the log domain;
 * when the exponent 4ca²/α⁴ exceeds {@link #EXPONENT_CAP} they are +∞ (spec §4.1 step 6).
 *
 * @param a √L(θ0)
 * @param alpha α > 0
 * @param c ‖X‖²_op
 * @param c1 2√2‖X‖²_op‖V0‖_F
 * @param c2 2‖X‖³_op‖W0‖_F
 */
record DiConstants(double a, double alpha, double c, double c1, double c2) {
    /** Exponents beyond this make F and Λ +∞ (spec §4.1 step 6). */
    static final double EXPONENT_CAP = 700;
    static final double SQRT2 = Math.sqrt(2);

    /** From ‖X‖_op, ‖W0‖_F and ‖V0‖_F by eq. (7). */
    static DiConstants of(double a, double alpha, double xop, double normW, double normV) {
        return new DiConstants(a, alpha, xop * xop, 2 * SQRT2 * xop * xop * normV, 2 * xop * xop * xop * normW);
    }

    /** A = a c1/α³. */
    double termA() {
        return a * c1 / (alpha * alpha * alpha);
    }

    /** B = a² c2/α⁵. */
    double termB() {
        double a2 = alpha * alpha;
        return a * a * c2 / (a2 * a2 * alpha);
    }

    /** 4 c a²/α⁴, the exponent of (10) and (11). */
    double exponent() {
        double a2 = alpha * alpha;
        return 4 * c * a * a / (a2 * a2);
    }

    /** ln F of eq. (11): ln(A + B) + 4ca²/α⁴. */
    double logF() {
        return Math.log(termA() + termB()) + exponent();
    }

    /** F of eq. (11); +∞ when the exponent exceeds the cap or α ≤ 0. */
    double f() {
        if (!(alpha > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double e = exponent();
        if (!(e <= EXPONENT_CAP)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.exp(logF());
    }

    /** ln Λ of eq. (10): ln(4(A + 2B)) + 4ca²/α⁴. */
    double logLambda() {
        return Math.log(4 * (termA() + 2 * termB())) + exponent();
    }

    /** Λ of eq. (10); +∞ when the exponent exceeds the cap or α ≤ 0. */
    double lambda() {
        if (!(alpha > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double e = exponent();
        if (!(e <= EXPONENT_CAP)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.exp(logLambda());
    }

    /** 2a/α²: Lemma 3.3's bound on L̄(t) = ∫₀ᵗ √L. */
    double lbarBound() {
        return 2 * a / (alpha * alpha);
    }

    /** g(y) = (c1 y + c2 y²) e^{c y²} of the comparison ODE (9). */
    double g(double y) {
        return (c1 * y + c2 * y * y) * Math.exp(c * y * y);
    }

    /**
     * U(s) = √2‖X‖_op(‖W0‖_F + ‖V0‖_F)·s·e^{√2‖X‖_op s}, the displacement bound (5) of Lemma 3.1.
     */
    static double displacement(double xop, double normSum, double s) {
        return SQRT2 * xop * normSum * s * Math.exp(SQRT2 * xop * s);
    }

    /** u = 4‖X‖_op a/α² of eq. (13). */
    double u(double xop) {
        return 4 * xop * a / (alpha * alpha);
    }

    /** T_ε = max(0, ln(L0/ε))/α²: when the bound (12) reaches ε. */
    double timeTo(double epsilon) {
        return Math.max(0, Math.log(a * a / epsilon)) / (alpha * alpha);
    }
}
