package org.gdcert.certificates.kernels;

import java.util.stream.IntStream;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.linalg.Vectors;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;

/**
 * Recursive Cholesky factorisation A = L Lᵀ whose O(n³) work runs as GEMMs on a double-precision
 * backend (the vector backend's GEMM is ~10× EJML's blocked Cholesky kernels here).
 *
 * <p>Recursion on the leading half: L₁₁ = chol(A₁₁); L₂₁ = A₂₁ L₁₁⁻ᵀ (a recursive triangular
 * solve whose updates are GEMMs); L₂₂ = chol(A₂₂ − L₂₁ L₂₁ᵀ). Blocks of order ≤ {@link #BASE}
 * are factored and solved in Java. This is the same arithmetic as the blocked right-looking
 * algorithm of LAPACK's dpotrf and has the same backward error bound (Higham, Accuracy and
 * Stability, Thm 10.3 with the GEMM's own bound), so {@link Spectral}'s inertia argument, which
 * allows a c·n·ε·‖A‖ margin, applies unchanged.
 */
final class BlockedCholesky {
    /** Order up to which blocks are factored and triangular solves run in plain Java. */
    static final int BASE = 96;

    private BlockedCholesky() {
    }

    /** Whether {@code b} can do the GEMMs (a double-precision backend). */
    static boolean usable(Backend b) {
        return b != null && b.precision() == Precision.DOUBLE;
    }

    /**
     * Overwrites the n×n row-major symmetric {@code a} (lower triangle read) with its lower
     * Cholesky factor, upper triangle zeroed. Returns false, leaving {@code a} partly overwritten,
     * when a pivot is not positive or not finite (A not positive definite to working precision).
     */
    static boolean factorInPlace(Backend b, double[] a, int n) {
        if (!chol(b, a, n, 0, n)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(a, i * n + i + 1, (i + 1) * n, 0.0);
        }
        return true;
    }

    /** Block order of the two substitution sweeps of {@link #solveInPlace}. */
    private static final int SOLVE_BLOCK = 128;

    /**
     * Overwrites y with (L Lᵀ)⁻¹ y for a row-major lower factor L. Both sweeps go by blocks of
     * {@link #SOLVE_BLOCK} rows and read L row by row; the part of each block's work that does not
     * depend on the block itself (a matrix-vector product with the rows or columns already solved,
     * almost all of the work) is split over the common pool's threads.
     */
    static void solveInPlace(double[] l, int n, double[] y) {
        boolean parallel = n >= 4 * SOLVE_BLOCK;
        for (int s = 0; s < n; s += SOLVE_BLOCK) {
            int e = Math.min(n, s + SOLVE_BLOCK);
            int from = s;
            if (parallel && s > 0) {
                IntStream.range(s, e).parallel().forEach(i -> y[i] -= Vectors.dot(l, i * n, y, 0, from));
            } else {
                for (int i = s; i < e; i++) {
                    y[i] -= Vectors.dot(l, i * n, y, 0, s);
                }
            }
            for (int i = s; i < e; i++) {
                int r = i * n;
                y[i] = (y[i] - Vectors.dot(l, r + s, y, s, i - s)) / l[r + i];
            }
        }
        int top = ((n - 1) / SOLVE_BLOCK) * SOLVE_BLOCK;
        for (int block = top; block >= 0; block -= SOLVE_BLOCK) {
            int s = block;
            int e = Math.min(n, s + SOLVE_BLOCK);
            int width = e - s;
            if (e < n) {
                // y_J −= Σ_{i ≥ e} L_{i,J}ᵀ y_i, rows i split into chunks with private sums
                int rows = n - e;
                int chunks = parallel ? Math.min(8, Math.max(1, rows / 64)) : 1;
                double[][] part = new double[chunks][width];
                IntStream range = IntStream.range(0, chunks);
                (chunks > 1 ? range.parallel() : range).forEach(c -> {
                    double[] acc = part[c];
                    int i0 = e + (int) ((long) rows * c / chunks);
                    int i1 = e + (int) ((long) rows * (c + 1) / chunks);
                    for (int i = i0; i < i1; i++) {
                        double yi = y[i];
                        int r = i * n + s;
                        for (int j = 0; j < width; j++) {
                            acc[j] += l[r + j] * yi;
                        }
                    }
                });
                for (double[] acc : part) {
                    for (int j = 0; j < width; j++) {
                        y[s + j] -= acc[j];
                    }
                }
            }
            for (int i = e - 1; i >= s; i--) {
                int r = i * n;
                double yi = y[i] / l[r + i];
                y[i] = yi;
                for (int j = s; j < i; j++) {
                    y[j] -= l[r + j] * yi;
                }
            }
        }
    }

    private static boolean chol(Backend b, double[] a, int n, int o, int m) {
        if (m <= BASE) {
            return unblocked(a, n, o, m);
        }
        int m1 = m / 2;
        int m2 = m - m1;
        if (!chol(b, a, n, o, m1)) {
            return false;
        }
        trsm(b, a, n, o + m1, m2, o, m1);
        HostMatrix l21 = extract(a, n, o + m1, o, m2, m1);
        HostMatrix a22 = extract(a, n, o + m1, o + m1, m2, m2);
        try (Matrix dl = b.upload(l21); Matrix dc = b.upload(a22)) {
            b.gemm(false, true, -1, dl, dl, 1, dc);
            b.download(dc, a22);
        }
        store(a22, a, n, o + m1, o + m1);
        return chol(b, a, n, o + m1, m2);
    }

    /** Cholesky of the block at (o, o) of order m, in place, row by row. */
    private static boolean unblocked(double[] a, int n, int o, int m) {
        for (int i = 0; i < m; i++) {
            int ri = (o + i) * n + o;
            for (int j = 0; j <= i; j++) {
                int rj = (o + j) * n + o;
                double s = a[ri + j] - Vectors.dot(a, ri, a, rj, j);
                if (i == j) {
                    if (!(s > 0) || !Double.isFinite(s)) {
                        return false;
                    }
                    a[ri + i] = Math.sqrt(s);
                } else {
                    a[ri + j] = s / a[rj + j];
                }
            }
        }
        return true;
    }

    /**
     * Solves X Lᵀ = B in place, B the mr×mc block at (r0, c0) and L the lower factor of order mc
     * already stored at (c0, c0).
     */
    private static void trsm(Backend b, double[] a, int n, int r0, int mr, int c0, int mc) {
        if (mc <= BASE) {
            if ((long) mr * mc * mc >= 1L << 20) {
                IntStream.range(0, mr).parallel().forEach(i -> solveRow(a, n, r0 + i, c0, mc));
            } else {
                for (int i = 0; i < mr; i++) {
                    solveRow(a, n, r0 + i, c0, mc);
                }
            }
            return;
        }
        int ma = mc / 2;
        int mb = mc - ma;
        trsm(b, a, n, r0, mr, c0, ma);
        HostMatrix xa = extract(a, n, r0, c0, mr, ma);
        HostMatrix lba = extract(a, n, c0 + ma, c0, mb, ma);
        HostMatrix bb = extract(a, n, r0, c0 + ma, mr, mb);
        try (Matrix dx = b.upload(xa); Matrix dl = b.upload(lba); Matrix dc = b.upload(bb)) {
            b.gemm(false, true, -1, dx, dl, 1, dc);
            b.download(dc, bb);
        }
        store(bb, a, n, r0, c0 + ma);
        trsm(b, a, n, r0, mr, c0 + ma, mb);
    }

    private static void solveRow(double[] a, int n, int row, int c0, int mc) {
        int rx = row * n + c0;
        for (int j = 0; j < mc; j++) {
            int rl = (c0 + j) * n + c0;
            a[rx + j] = (a[rx + j] - Vectors.dot(a, rx, a, rl, j)) / a[rl + j];
        }
    }

    private static HostMatrix extract(double[] a, int n, int r0, int c0, int rows, int cols) {
        HostMatrix m = new HostMatrix(rows, cols);
        double[] d = m.data();
        for (int i = 0; i < rows; i++) {
            System.arraycopy(a, (r0 + i) * n + c0, d, i * cols, cols);
        }
        return m;
    }

    private static void store(HostMatrix m, double[] a, int n, int r0, int c0) {
        int rows = m.rows();
        int cols = m.cols();
        double[] d = m.data();
        for (int i = 0; i < rows; i++) {
            System.arraycopy(d, i * cols, a, (r0 + i) * n + c0, cols);
        }
    }
}
