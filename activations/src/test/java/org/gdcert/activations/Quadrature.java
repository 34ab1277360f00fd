package org.gdcert.activations;

import java.util.function.DoubleUnaryOperator;
import org.gdcert.core.math.SpecialFunctions;

/**
 * Test-side quadrature, independent of the code under test: adaptive Gauss–Kronrod (7/15 points,
 * QUADPACK's QK15 constants) on panels split at given breakpoints, and Gaussian pair expectations
 * by nested one-dimensional integrals with the kinks as breakpoints.
 */
final class Quadrature {

    private static final double[] XGK = {0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788, 0.586087235467691130294144845693013,
        0.405845151377397166906606412076961, 0.207784955007898467600689403773245, 0.0};
    private static final double[] WGK = {0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238, 0.169004726639267902826583426598550,
        0.190350578064785409913256402421014, 0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
    /** Gauss 7-point weights for XGK[1], XGK[3], XGK[5], XGK[7]. */
    private static final double[] WG = {0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

    /** Integration range for standard normal variables: φ(12)·12 ≈ 1e-31. */
    static final double GAUSS_RANGE = 12.0;

    private Quadrature() {
    }

    /** ∫_a^b f, split at the breakpoints inside (a, b), each panel adaptive to absolute tolerance tol. */
    static double integrate(DoubleUnaryOperator f, double a, double b, double tol, double... breakpoints) {
        double[] pts = java.util.stream.DoubleStream.concat(java.util.stream.DoubleStream.of(a, b),
                java.util.Arrays.stream(breakpoints).filter(p -> p > a && p < b)).sorted().distinct().toArray();
        double sum = 0;
        for (int i = 0; i + 1 < pts.length; i++) {
            sum += adaptive(f, pts[i], pts[i + 1], tol / (pts.length - 1), 0);
        }
        return sum;
    }

    private static double adaptive(DoubleUnaryOperator f, double a, double b, double tol, int depth) {
        double c = 0.5 * (a + b);
        double h = 0.5 * (b - a);
        double fc = f.applyAsDouble(c);
        double k = WGK[7] * fc;
        double g = WG[3] * fc;
        double kabs = WGK[7] * Math.abs(fc);
        for (int j = 0; j < 7; j++) {
            double x = h * XGK[j];
            double f1 = f.applyAsDouble(c - x);
            double f2 = f.applyAsDouble(c + x);
            k += WGK[j] * (f1 + f2);
            kabs += WGK[j] * (Math.abs(f1) + Math.abs(f2));
            if (j % 2 == 1) {
                g += WG[j / 2] * (f1 + f2);
            }
        }
        k *= h;
        g *= h;
        kabs *= Math.abs(h);
        // stop at the tolerance, or when the difference is rounding noise (QUADPACK's guard)
        if (Math.abs(k - g) <= Math.max(tol, 50 * Math.ulp(1.0) * kabs) || depth > 30) {
            return k;
        }
        return adaptive(f, a, c, tol / 2, depth + 1) + adaptive(f, c, b, tol / 2, depth + 1);
    }

    /** E[f(G)], G ~ N(0, 1). */
    static double gaussian(DoubleUnaryOperator f, double tol, double... breakpoints) {
        return integrate(z -> f.applyAsDouble(z) * SpecialFunctions.normalPdf(z), -GAUSS_RANGE, GAUSS_RANGE, tol,
                breakpoints);
    }

    /**
     * E[f(u)·g(v)] for (u, v) ~ N(0, [[a, c], [c, b]]), a &gt; 0, as ∫ f(√a z₁)·(∫ g(l21 z₁ + l22 z₂) dφ(z₂)) dφ(z₁)
     * with a breakpoint where each argument crosses {@code kink} (0 for ReLU-type functions).
     */
    static double pair(DoubleUnaryOperator f, DoubleUnaryOperator g, double a, double b, double c, double tol) {
        double l11 = Math.sqrt(a);
        double l21 = c / l11;
        double l22 = Math.sqrt(Math.max(b - l21 * l21, 0));
        DoubleUnaryOperator inner = z1 -> {
            if (l22 == 0) {
                return g.applyAsDouble(l21 * z1);
            }
            double bp = -l21 * z1 / l22;
            return gaussian(z2 -> g.applyAsDouble(l21 * z1 + l22 * z2), tol / 10, around(bp));
        };
        return gaussian(z1 -> f.applyAsDouble(l11 * z1) * inner.applyAsDouble(z1), tol, around(0.0));
    }

    /**
     * Breakpoints at a kink and at geometric distances 1e-4 … 1 on both sides, so that panels next to
     * the kink are small: a feature of width s ≪ 1 there (smoothrelu with large β) cannot fall between
     * the Kronrod nodes of a wide panel.
     */
    static double[] around(double kink) {
        double[] d = {1e-4, 1e-3, 1e-2, 0.1, 1};
        double[] out = new double[2 * d.length + 1];
        out[0] = kink;
        for (int i = 0; i < d.length; i++) {
            out[2 * i + 1] = kink - d[i];
            out[2 * i + 2] = kink + d[i];
        }
        return out;
    }
}
