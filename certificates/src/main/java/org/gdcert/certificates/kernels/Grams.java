package org.gdcert.certificates.kernels;

import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;

/**
 * Gram matrices A Aᵀ and Aᵀ A of matrices that live on a backend, computed with the backend's own
 * GEMM (so the heavy O(m²n) product runs wherever the data are) and returned in Java memory for
 * the small-side eigenproblem.
 *
 * <p>For A Aᵀ with many rows the symmetric product is split into row blocks A_1..A_b (gathered
 * once) and only the blocks A_i A_jᵀ with i ≤ j are multiplied: b(b+1)/2 of b² products, i.e.
 * 62.5% of the flops of one GEMM for b = 4.
 */
public final class Grams {
    /** Row count from which A Aᵀ is assembled from symmetric blocks. */
    static final int BLOCKED_FROM = 512;
    private static final int BLOCKS = 4;

    private Grams() {
    }

    /** A Aᵀ ({@code outer}) or Aᵀ A, symmetric, in Java memory. */
    public static HostMatrix gram(Backend b, Matrix a, boolean outer) {
        if (!outer) {
            int n = a.cols();
            try (Matrix c = b.zeros(n, n)) {
                b.gemm(true, false, 1, a, a, 0, c);
                return symmetrize(b.download(c));
            }
        }
        int m = a.rows();
        if (m < BLOCKED_FROM) {
            try (Matrix c = b.zeros(m, m)) {
                b.gemm(false, true, 1, a, a, 0, c);
                return symmetrize(b.download(c));
            }
        }
        int[] start = new int[BLOCKS + 1];
        for (int i = 0; i <= BLOCKS; i++) {
            start[i] = (int) ((long) m * i / BLOCKS);
        }
        Matrix[] blocks = new Matrix[BLOCKS];
        HostMatrix g = new HostMatrix(m, m);
        try {
            for (int i = 0; i < BLOCKS; i++) {
                int rows = start[i + 1] - start[i];
                int[] idx = new int[rows];
                for (int r = 0; r < rows; r++) {
                    idx[r] = start[i] + r;
                }
                blocks[i] = b.zeros(rows, a.cols());
                b.gatherRows(a, idx, blocks[i]);
            }
            for (int i = 0; i < BLOCKS; i++) {
                for (int j = i; j < BLOCKS; j++) {
                    try (Matrix c = b.zeros(blocks[i].rows(), blocks[j].rows())) {
                        b.gemm(false, true, 1, blocks[i], blocks[j], 0, c);
                        HostMatrix h = b.download(c);
                        place(g, h, start[i], start[j]);
                    }
                }
            }
        } finally {
            for (Matrix blk : blocks) {
                if (blk != null) {
                    blk.close();
                }
            }
        }
        return symmetrize(g);
    }

    /** Gram of a host matrix on the given backend (uploads it first). */
    public static HostMatrix gram(Backend b, HostMatrix a, boolean outer) {
        try (Matrix m = b.upload(a)) {
            return gram(b, m, outer);
        }
    }

    private static void place(HostMatrix g, HostMatrix block, int r0, int c0) {
        int m = g.cols();
        double[] gd = g.data();
        double[] bd = block.data();
        int br = block.rows();
        int bc = block.cols();
        for (int i = 0; i < br; i++) {
            System.arraycopy(bd, i * bc, gd, (r0 + i) * m + c0, bc);
            if (r0 != c0) {
                for (int j = 0; j < bc; j++) {
                    gd[(c0 + j) * m + r0 + i] = bd[i * bc + j];
                }
            }
        }
    }

    /** (G + Gᵀ)/2, in place: removes the asymmetry a GEMM may leave in the last bits. */
    static HostMatrix symmetrize(HostMatrix g) {
        int n = g.rows();
        double[] d = g.data();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = 0.5 * (d[i * n + j] + d[j * n + i]);
                d[i * n + j] = v;
                d[j * n + i] = v;
            }
        }
        return g;
    }
}
