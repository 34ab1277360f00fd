package org.gdcert.core.spectral;

import org.gdcert.core.backend.Parallel;
import org.gdcert.core.linalg.Vectors;

/**
 * Blocked right-looking Cholesky factorization M = L Lᵀ of M = sign·A − shift·I for a symmetric
 * row-major A (only its lower triangle is read), with the trailing updates on the threads of a
 * {@link Parallel}; then triangular solves with L.
 *
 * <p>Verification (Higham, Thm 10.3; Rump 2006): if the factorization runs to completion in
 * floating point, L̂ L̂ᵀ = M̂ + ΔM with |ΔM| ≤ γ_{n+1} |L̂| |L̂ᵀ|, hence
 * λ_min(M̂) ≥ −γ_{n+1} ‖L̂‖_F², where M̂ is M as stored (its diagonal rounded once). This holds for
 * any order of the inner sums, so for this blocked algorithm too; it assumes no underflow.
 */
final class Cholesky {
    private static final int NB = 128;

    /** L row-major (strict upper triangle zero), or null when a pivot was not positive. */
    final double[] l;
    final int n;
    /** The index of the first non-positive pivot, or −1. */
    final int failedAt;
    /** The value of that pivot (NaN or ≤ 0), NaN when the factorization succeeded. */
    final double failedPivot;
    /** ‖L̂‖_F² (upper bound of the computed sum), 0 on failure. */
    final double factorFrobeniusSquared;
    /** max_i |M̂_ii|: the rounding of the shifted diagonal is at most u times this. */
    final double maxDiagonal;

    private Cholesky(double[] l, int n, int failedAt, double failedPivot, double frob, double maxDiagonal) {
        this.l = l;
        this.n = n;
        this.failedAt = failedAt;
        this.failedPivot = failedPivot;
        this.factorFrobeniusSquared = frob;
        this.maxDiagonal = maxDiagonal;
    }

    boolean succeeded() {
        return l != null;
    }

    /**
     * A lower bound of λ_min(sign·A − shift·I) that holds in exact arithmetic when the
     * factorization succeeded: −(γ_{n+1}‖L̂‖_F² + u·max|M̂_ii|), enlarged for the rounding of these
     * very terms.
     */
    double lambdaMinLowerBoundOfShifted() {
        double g = Rounding.gamma(n + 1L) * factorFrobeniusSquared * (1 + Rounding.gamma((long) n * n + 2));
        return -Rounding.up(2 * (g + Rounding.U * maxDiagonal));
    }

    /** Factors sign·A − shift·I (A is n×n row-major, not modified). */
    static Cholesky factor(double[] a, int n, double sign, double shift, Parallel par) {
        double[] m = new double[n * n];
        double maxDiag = 0;
        for (int i = 0; i < n; i++) {
            int r = i * n;
            if (sign == 1) {
                System.arraycopy(a, r, m, r, i + 1);
            } else {
                for (int j = 0; j <= i; j++) {
                    m[r + j] = -a[r + j];
                }
            }
            m[r + i] -= shift;
            maxDiag = Math.max(maxDiag, Math.abs(m[r + i]));
        }
        double[] panel = new double[Math.min(NB, n) * n];
        for (int k0 = 0; k0 < n; k0 += NB) {
            int k1 = Math.min(n, k0 + NB);
            // diagonal block
            for (int i = k0; i < k1; i++) {
                int ri = i * n;
                for (int j = k0; j <= i; j++) {
                    int rj = j * n;
                    double s = m[ri + j] - Vectors.dot(m, ri + k0, m, rj + k0, j - k0);
                    if (i == j) {
                        if (!(s > 0)) {
                            return new Cholesky(null, n, i, s, 0, maxDiag);
                        }
                        m[ri + i] = Math.sqrt(s);
                    } else {
                        m[ri + j] = s / m[rj + j];
                    }
                }
            }
            if (k1 == n) {
                break;
            }
            // panel rows below the block: L21 = A21 · L11⁻ᵀ
            final int fk0 = k0;
            final int fk1 = k1;
            Parallel.RangeBody solve = (from, to) -> {
                for (int i = from; i < to; i++) {
                    int ri = i * n;
                    for (int j = fk0; j < fk1; j++) {
                        int rj = j * n;
                        m[ri + j] = (m[ri + j] - Vectors.dot(m, ri + fk0, m, rj + fk0, j - fk0)) / m[rj + j];
                    }
                }
            };
            int rest = n - k1;
            if (par == null) {
                solve.run(k1, n);
            } else {
                par.forRange(rest, 64, (from, to) -> solve.run(k1 + from, k1 + to));
            }
            // trailing update A22 −= L21 L21ᵀ (lower triangle) with the panel transposed
            int b = k1 - k0;
            for (int k = 0; k < b; k++) {
                int po = k * rest;
                int col = k0 + k;
                for (int i = 0; i < rest; i++) {
                    panel[po + i] = m[(k1 + i) * n + col];
                }
            }
            Kernels.syrkLower(panel, 0, rest, b, rest, -1, m, k1 * n + k1, n, par);
        }
        double frob = 0;
        for (int i = 0; i < n; i++) {
            int r = i * n;
            for (int j = 0; j <= i; j++) {
                frob += m[r + j] * m[r + j];
            }
            java.util.Arrays.fill(m, r + i + 1, r + n, 0);
        }
        return new Cholesky(m, n, -1, Double.NaN, frob, maxDiag);
    }

    /** x := (L Lᵀ)⁻¹ x, by a forward and a backward substitution. */
    void solveInPlace(double[] x) {
        Kernels.solveLowerThenTranspose(l, n, x);
    }
}
