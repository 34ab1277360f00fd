package org.gdcert.core.backend;

/**
 * Packing and write-back helpers shared by GEMM kernels ({@link DoubleGemmKernel},
 * {@link FloatGemmKernel}). All source matrices are row-major with a leading dimension; op(X) is X
 * or Xᵀ according to {@code trans}.
 */
public final class GemmPacking {
    private GemmPacking() {
    }

    /**
     * Packs op(A)[i0 .. i0+rows, p0 .. p0+kc] into {@code dst} as one depth-major panel of width
     * {@code mr}: {@code dst[p·mr + r] = op(A)[i0+r, p0+p]}. Rows rows..mr−1 and depths kc..kcPadded−1
     * are zero.
     */
    public static void packPanel(boolean trans, double[] a, int lda, int i0, int p0, int rows, int kc, int mr,
            int kcPadded, double[] dst) {
        if (trans) {
            for (int p = 0; p < kc; p++) {
                int src = (p0 + p) * lda + i0;
                int o = p * mr;
                for (int r = 0; r < rows; r++) {
                    dst[o + r] = a[src + r];
                }
                for (int r = rows; r < mr; r++) {
                    dst[o + r] = 0;
                }
            }
        } else {
            for (int r = 0; r < rows; r++) {
                int src = (i0 + r) * lda + p0;
                for (int p = 0, o = r; p < kc; p++, o += mr) {
                    dst[o] = a[src + p];
                }
            }
            for (int r = rows; r < mr; r++) {
                for (int p = 0, o = r; p < kc; p++, o += mr) {
                    dst[o] = 0;
                }
            }
        }
        java.util.Arrays.fill(dst, kc * mr, kcPadded * mr, 0);
    }

    /** Float version of {@link #packPanel(boolean, double[], int, int, int, int, int, int, int, double[])}. */
    public static void packPanel(boolean trans, float[] a, int lda, int i0, int p0, int rows, int kc, int mr,
            int kcPadded, float[] dst) {
        if (trans) {
            for (int p = 0; p < kc; p++) {
                int src = (p0 + p) * lda + i0;
                int o = p * mr;
                for (int r = 0; r < rows; r++) {
                    dst[o + r] = a[src + r];
                }
                for (int r = rows; r < mr; r++) {
                    dst[o + r] = 0;
                }
            }
        } else {
            for (int r = 0; r < rows; r++) {
                int src = (i0 + r) * lda + p0;
                for (int p = 0, o = r; p < kc; p++, o += mr) {
                    dst[o] = a[src + p];
                }
            }
            for (int r = rows; r < mr; r++) {
                for (int p = 0, o = r; p < kc; p++, o += mr) {
                    dst[o] = 0;
                }
            }
        }
        java.util.Arrays.fill(dst, kc * mr, kcPadded * mr, 0);
    }

    /**
     * Packs op(B)[p0 .. p0+kc, j0 .. j0+nc] into one array per depth: {@code dst[p][j] =
     * op(B)[p0+p, j0+j]}; rows kc..kcPadded−1 are zero in their first nc entries.
     */
    public static void packRows(boolean trans, double[] b, int ldb, int p0, int j0, int kc, int nc, int kcPadded,
            double[][] dst) {
        if (trans) {
            for (int j = 0; j < nc; j++) {
                int src = (j0 + j) * ldb + p0;
                for (int p = 0; p < kc; p++) {
                    dst[p][j] = b[src + p];
                }
            }
        } else {
            for (int p = 0; p < kc; p++) {
                System.arraycopy(b, (p0 + p) * ldb + j0, dst[p], 0, nc);
            }
        }
        for (int p = kc; p < kcPadded; p++) {
            java.util.Arrays.fill(dst[p], 0, nc, 0);
        }
    }

    /** Float version of {@link #packRows(boolean, double[], int, int, int, int, int, int, double[][])}. */
    public static void packRows(boolean trans, float[] b, int ldb, int p0, int j0, int kc, int nc, int kcPadded,
            float[][] dst) {
        if (trans) {
            for (int j = 0; j < nc; j++) {
                int src = (j0 + j) * ldb + p0;
                for (int p = 0; p < kc; p++) {
                    dst[p][j] = b[src + p];
                }
            }
        } else {
            for (int p = 0; p < kc; p++) {
                System.arraycopy(b, (p0 + p) * ldb + j0, dst[p], 0, nc);
            }
        }
        for (int p = kc; p < kcPadded; p++) {
            java.util.Arrays.fill(dst[p], 0, nc, 0);
        }
    }

    /**
     * c[off + j·cs] := alpha · t[j] + beta · c[off + j·cs] for j &lt; n; with beta == 0 the old value is
     * not read (NaN there does not propagate).
     */
    public static void storeRow(double[] t, int n, double alpha, double beta, double[] c, int off, int cs) {
        if (cs == 1) {
            if (beta == 0) {
                for (int j = 0; j < n; j++) {
                    c[off + j] = alpha * t[j];
                }
            } else if (beta == 1) {
                for (int j = 0; j < n; j++) {
                    c[off + j] += alpha * t[j];
                }
            } else {
                for (int j = 0; j < n; j++) {
                    c[off + j] = alpha * t[j] + beta * c[off + j];
                }
            }
        } else {
            if (beta == 0) {
                for (int j = 0, o = off; j < n; j++, o += cs) {
                    c[o] = alpha * t[j];
                }
            } else if (beta == 1) {
                for (int j = 0, o = off; j < n; j++, o += cs) {
                    c[o] += alpha * t[j];
                }
            } else {
                for (int j = 0, o = off; j < n; j++, o += cs) {
                    c[o] = alpha * t[j] + beta * c[o];
                }
            }
        }
    }

    /** Float version of {@link #storeRow(double[], int, double, double, double[], int, int)}. */
    public static void storeRow(float[] t, int n, float alpha, float beta, float[] c, int off, int cs) {
        if (cs == 1) {
            if (beta == 0) {
                for (int j = 0; j < n; j++) {
                    c[off + j] = alpha * t[j];
                }
            } else if (beta == 1) {
                for (int j = 0; j < n; j++) {
                    c[off + j] += alpha * t[j];
                }
            } else {
                for (int j = 0; j < n; j++) {
                    c[off + j] = alpha * t[j] + beta * c[off + j];
                }
            }
        } else {
            if (beta == 0) {
                for (int j = 0, o = off; j < n; j++, o += cs) {
                    c[o] = alpha * t[j];
                }
            } else if (beta == 1) {
                for (int j = 0, o = off; j < n; j++, o += cs) {
                    c[o] += alpha * t[j];
                }
            } else {
                for (int j = 0, o = off; j < n; j++, o += cs) {
                    c[o] = alpha * t[j] + beta * c[o];
                }
            }
        }
    }
}
