package org.gdcert.initializers;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.gdcert.core.linalg.HostMatrix;

/**
 * Extreme singular values of the small weight matrices the seeds' constructions rescale, by EJML's
 * SVD (singular values only: backward stable, |σ̂ − σ| ≤ c·ε·‖W‖₂; no power iteration, which would
 * underestimate ‖W‖₂). Cost O(mn·min(m, n)): meant for the narrow layers of a pyramid.
 */
final class Spectra {

    private Spectra() {
    }

    /** Singular values, descending; min(rows, cols) of them. */
    static double[] singularValues(HostMatrix w) {
        DMatrixRMaj m = new DMatrixRMaj(w.rows(), w.cols(), true, w.data().clone());
        double[] s = SingularOps_DDRM.singularValues(m);
        double[] sorted = Arrays.copyOf(s, Math.min(w.rows(), w.cols()));
        Arrays.sort(sorted);
        for (int i = 0, j = sorted.length - 1; i < j; i++, j--) {
            double t = sorted[i];
            sorted[i] = sorted[j];
            sorted[j] = t;
        }
        return sorted;
    }

    /** ‖W‖₂. */
    static double spectralNorm(HostMatrix w) {
        double[] s = singularValues(w);
        return s.length == 0 ? 0.0 : s[0];
    }

    /** σ_min(W) = σ_{min(m, n)}(W) (certificates-nguyen.md §0.4). */
    static double smallestSingularValue(HostMatrix w) {
        double[] s = singularValues(w);
        return s.length == 0 ? 0.0 : s[s.length - 1];
    }
}
