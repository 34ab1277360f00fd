package org.gdcert.core.spectral;

import org.gdcert.core.backend.Parallel;
import org.gdcert.core.linalg.Vectors;

/**
 * Blocked Householder LQ factorization B = L Q of a wide row-major p×q matrix (p ≤ q): L is p×p
 * lower triangular, Q has orthonormal rows. Backward stable (L is the exact factor of B + ΔB with
 * ‖ΔB‖ = O(u)‖B‖), so the singular values of L are those of B to absolute accuracy O(u‖B‖) —
 * without the squaring of the condition number that a Gram matrix brings.
 *
 * <p>Rows are reflected one panel of {@value #NB} rows at a time; the rows below a panel are
 * updated with the compact WY form (I − Vᵀ T V), independently per row and so in parallel.
 */
final class HouseholderLq {
    private static final int NB = 32;

    /** L (p×p row-major, strict upper triangle zero). */
    final double[] l;
    private final double[] reflectors;
    private final double[] tau;
    private final int p;
    private final int q;

    private HouseholderLq(double[] l, double[] reflectors, double[] tau, int p, int q) {
        this.l = l;
        this.reflectors = reflectors;
        this.tau = tau;
        this.p = p;
        this.q = q;
    }

    /**
     * x := Qᵀ w for w of length p: the vector with B x = L w (so x is a right singular vector of B
     * when w is one of L). Returns a new array of length q.
     */
    double[] applyQTranspose(double[] w) {
        double[] x = new double[q];
        System.arraycopy(w, 0, x, 0, p);
        // B H_0 ⋯ H_{p-1} = [L 0], so B (H_0 ⋯ H_{p-1} [w; 0]) = L w
        for (int i = p - 1; i >= 0; i--) {
            if (tau[i] != 0) {
                applyReflector(reflectors, i * q + i, tau[i], x, i, q - i);
            }
        }
        return x;
    }

    /**
     * Factors {@code b} (p×q row-major, p ≤ q), overwriting it with the reflectors (the factorization
     * keeps it).
     */
    static HouseholderLq factor(double[] b, int p, int q, Parallel par) {
        if (p > q) {
            throw new IllegalArgumentException("LQ needs a wide matrix, got " + p + "x" + q);
        }
        double[] tau = new double[p];
        double[] t = new double[NB * NB];
        for (int k0 = 0; k0 < p; k0 += NB) {
            int k1 = Math.min(p, k0 + NB);
            int nb = k1 - k0;
            // panel: reflect rows k0..k1-1, updating only the panel rows below each reflector
            for (int i = k0; i < k1; i++) {
                tau[i] = reflector(b, i * q + i, q - i);
                if (tau[i] != 0) {
                    for (int r = i + 1; r < k1; r++) {
                        applyReflector(b, i * q + i, tau[i], b, r * q + i, q - i);
                    }
                }
            }
            if (k1 == p) {
                break;
            }
            // T (nb×nb upper triangular) with H_k0 ⋯ H_k1-1 = I − Vᵀ T V
            java.util.Arrays.fill(t, 0);
            double[] w = new double[nb];
            for (int i = 0; i < nb; i++) {
                int gi = k0 + i;
                t[i * NB + i] = tau[gi];
                if (i == 0 || tau[gi] == 0) {
                    continue;
                }
                for (int j = 0; j < i; j++) {
                    int gj = k0 + j;
                    // V_j · v_i over columns ≥ gi (v_i = 1 at column gi)
                    w[j] = b[gj * q + gi] + Vectors.dot(b, gj * q + gi + 1, b, gi * q + gi + 1, q - gi - 1);
                }
                for (int j = 0; j < i; j++) {
                    double s = 0;
                    for (int l = j; l < i; l++) {
                        s += t[j * NB + l] * w[l];
                    }
                    t[j * NB + i] = -tau[gi] * s;
                }
            }
            // trailing rows: R := R (I − Vᵀ T V), row by row
            final int fk0 = k0;
            Parallel.RangeBody update = (from, to) -> {
                double[] wr = new double[nb];
                double[] wt = new double[nb];
                for (int r = from; r < to; r++) {
                    int ro = r * q;
                    for (int j = 0; j < nb; j++) {
                        int gj = fk0 + j;
                        wr[j] = b[ro + gj] + Vectors.dot(b, gj * q + gj + 1, b, ro + gj + 1, q - gj - 1);
                    }
                    for (int j = 0; j < nb; j++) {
                        double s = 0;
                        for (int l = 0; l <= j; l++) {
                            s += wr[l] * t[l * NB + j];
                        }
                        wt[j] = s;
                    }
                    for (int j = 0; j < nb; j++) {
                        int gj = fk0 + j;
                        b[ro + gj] -= wt[j];
                        Kernels.axpy(q - gj - 1, -wt[j], b, gj * q + gj + 1, b, ro + gj + 1);
                    }
                }
            };
            if (par == null) {
                update.run(k1, p);
            } else {
                par.forRange(p - k1, 8, (from, to) -> update.run(k1 + from, k1 + to));
            }
        }
        double[] l = new double[p * p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(b, i * q, l, i * p, i + 1);
        }
        return new HouseholderLq(l, b, tau, p, q);
    }

    /**
     * Turns x = a[off .. off+len) into β e₁ by H = I − τ v vᵀ (v₀ = 1, the rest of v stored over
     * x's tail); returns τ (0 when x's tail is already zero and x₀ ≥ 0). LAPACK dlarfg.
     */
    private static double reflector(double[] a, int off, int len) {
        if (len <= 1) {
            return 0;
        }
        double alpha = a[off];
        double tail = normTail(a, off + 1, len - 1);
        if (tail == 0) {
            return 0;
        }
        double beta = -Math.copySign(TridiagonalEigen.hypot(alpha, tail), alpha);
        double tau = (beta - alpha) / beta;
        double scale = 1 / (alpha - beta);
        for (int k = 1; k < len; k++) {
            a[off + k] *= scale;
        }
        a[off] = beta;
        return tau;
    }

    /** row[off ..] := row (I − τ v vᵀ) over len entries, v from {@code v[vOff ..]} with v₀ = 1. */
    private static void applyReflector(double[] v, int vOff, double tau, double[] row, int off, int len) {
        double s = row[off] + Vectors.dot(v, vOff + 1, row, off + 1, len - 1);
        double f = -tau * s;
        row[off] += f;
        Kernels.axpy(len - 1, f, v, vOff + 1, row, off + 1);
    }

    private static double normTail(double[] a, int off, int len) {
        double scale = 0;
        for (int k = 0; k < len; k++) {
            scale = Math.max(scale, Math.abs(a[off + k]));
        }
        if (scale == 0) {
            return 0;
        }
        double s = 0;
        for (int k = 0; k < len; k++) {
            double x = a[off + k] / scale;
            s += x * x;
        }
        return scale * Math.sqrt(s);
    }
}
