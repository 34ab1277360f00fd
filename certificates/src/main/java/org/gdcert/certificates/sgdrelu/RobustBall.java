package org.gdcert.certificates.sgdrelu;

/**
 * The robust-ball certificate of spec certificates-sgd-relu.md §4.3 [EXT]: for every θ in
 * Q_r = B(θ0, r), ‖W − W0‖_F ≤ r and ‖V − V0‖_F ≤ r, so Theorem 3.4 holds on all of Q_r when
 * α_lo = α − ‖X‖_op r > 0 and F(a_hi, α_lo, c, c1_hi, c2_hi) < 1/8, with
 * a_hi = a + (r/√2)(‖X‖_op(‖V0‖_F + r) + ‖H0‖_op), c1_hi = 2√2‖X‖²(‖V0‖ + r),
 * c2_hi = 2‖X‖³(‖W0‖ + r). F increases in a, c1, c2 and decreases in α, so F_hi is increasing in
 * r and the largest certified radius r* is found by bisection.
 *
 * @param a √L(θ0) (upper bound)
 * @param alpha α (lower bound)
 * @param xop ‖X‖_op (upper bound)
 * @param normW ‖W0‖_F
 * @param normV ‖V0‖_F
 * @param h0op ‖H0‖_op
 */
record RobustBall(double a, double alpha, double xop, double normW, double normV, double h0op) {

    /** The constants of Theorem 3.4 valid at every point of B(θ0, r). */
    DiConstants at(double r) {
        double alphaLo = alpha - xop * r;
        double aHi = a + r / DiConstants.SQRT2 * (xop * (normV + r) + h0op);
        double c = xop * xop;
        double c1 = 2 * DiConstants.SQRT2 * xop * xop * (normV + r);
        double c2 = 2 * xop * xop * xop * (normW + r);
        return new DiConstants(aHi, alphaLo, c, c1, c2);
    }

    /** F_hi(r); +∞ when α_lo ≤ 0. */
    double fAt(double r) {
        DiConstants k = at(r);
        return k.alpha() > 0 ? k.f() : Double.POSITIVE_INFINITY;
    }

    /**
     * The largest r with F_hi(r) &lt; 1/8, to a relative precision of about 1e-12; 0 when even
     * r = 0 does not certify. The returned radius itself certifies (the lower end of the bracket).
     */
    double largestRadius() {
        if (!(fAt(0) < 0.125)) {
            return 0;
        }
        double lo = 0;
        double hi = alpha / xop;
        for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (fAt(mid) < 0.125) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * U_hi(s) = √2‖X‖_op(‖W0‖_F + ‖V0‖_F + 2r)·s·e^{√2‖X‖_op s}, Lemma 3.1's displacement bound
     * valid from every start in B(θ0, r).
     */
    double displacementFrom(double r, double s) {
        return DiConstants.displacement(xop, normW + normV + 2 * r, s);
    }

    /** The radius of G = B(θ0, r + U_hi(2 a_hi/α_lo²)) that every DI solution from Q_r stays in. */
    double containingRadius(double r) {
        DiConstants k = at(r);
        return r + displacementFrom(r, k.lbarBound());
    }
}
