package org.gdcert.certificates.sgdrelu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gdcert.core.linalg.HostMatrix;

/**
 * The data checker outputs of spec certificates-sgd-relu.md §1.4: row norms (equal? about 1? about
 * √d0?), d0 ≤ N, δ0_eff = ln d0/ln N, d1 ≥ N, max‖Y_i‖ against β_w β_v √(d0 d1 d2), the rank of X
 * and near-collinear or duplicate rows (which break the genericity of §2.2). None of them affects
 * the deterministic certificate; they decide whether the asymptotic results (§4.4) speak about the
 * instance at all.
 *
 * @param rowNormMin min ‖x_i‖ (of X as trained, X_eff)
 * @param rowNormMax max ‖x_i‖
 * @param equalNorms all row norms equal to {@link SgdReluSettings#NORM_EQUAL}
 * @param unitNorms all about 1
 * @param sqrtD0Norms all about √d0 (the paper's convention, A1)
 * @param delta0 ln d0/ln N
 * @param rank the numerical rank of X
 * @param maxCos max |cos∠(x_i, x_l)| over pairs i ≠ l
 * @param collinear pairs with |cos| ≥ 1 − {@link SgdReluSettings#COLLINEAR} (at most 5 listed)
 * @param collinearCount how many such pairs
 * @param maxTarget max_i ‖Y_i‖
 * @param findings the checks as findings (SR-DATA-…)
 */
record DataChecks(double rowNormMin, double rowNormMax, boolean equalNorms, boolean unitNorms, boolean sqrtD0Norms,
        double delta0, int rank, double maxCos, List<String> collinear, int collinearCount, double maxTarget,
        List<Finding> findings) {

    DataChecks {
        collinear = List.copyOf(collinear);
        findings = List.copyOf(findings);
    }

    /** The common row norm r_x when all are equal, NaN otherwise. */
    double commonNorm() {
        return equalNorms ? 0.5 * (rowNormMin + rowNormMax) : Double.NaN;
    }

    /** The checks; β_w is converted to the paper's convention (Remark 5.3) when the norms are equal. */
    static DataChecks compute(Instance inst, Spectra.OpNorm op, double betaW, double betaV) {
        HostMatrix x = inst.x();
        int n = inst.samples();
        int d0 = inst.inputDim();
        int d1 = inst.width();
        int d2 = inst.outputs();
        double[] norms = new double[n];
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < d0; k++) {
                double t = x.get(i, k);
                s += t * t;
            }
            norms[i] = Math.sqrt(s);
            min = Math.min(min, norms[i]);
            max = Math.max(max, norms[i]);
        }
        boolean equal = max - min <= SgdReluSettings.NORM_EQUAL * max;
        boolean unit = Math.abs(min - 1) <= SgdReluSettings.NORM_EQUAL && Math.abs(max - 1) <= SgdReluSettings.NORM_EQUAL;
        double sq = Math.sqrt(d0);
        boolean sqrtD0 = Math.abs(min - sq) <= SgdReluSettings.NORM_EQUAL * sq
                && Math.abs(max - sq) <= SgdReluSettings.NORM_EQUAL * sq;
        double delta0 = n >= 2 ? Math.log(d0) / Math.log(n) : Double.NaN;
        int rank = op.rank(Math.max(n, d0));
        // pairwise cosines
        double[][] g = op.rowGram() ? op.gram() : null;
        double maxCos = 0;
        int count = 0;
        List<String> pairs = new ArrayList<>();
        double[] xd = x.data();
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < i; l++) {
                double dot;
                if (g != null) {
                    dot = g[i][l];
                } else {
                    dot = 0;
                    int oi = i * d0;
                    int ol = l * d0;
                    for (int k = 0; k < d0; k++) {
                        dot += xd[oi + k] * xd[ol + k];
                    }
                }
                double den = norms[i] * norms[l];
                double cos = den > 0 ? Math.abs(dot) / den : (norms[i] == norms[l] ? 1 : 0);
                maxCos = Math.max(maxCos, cos);
                if (cos >= 1 - SgdReluSettings.COLLINEAR) {
                    count++;
                    if (pairs.size() < 5) {
                        pairs.add("(" + (l + 1) + ", " + (i + 1) + ")");
                    }
                }
            }
        }
        double maxY = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int c = 0; c < d2; c++) {
                double t = inst.y().get(i, c);
                s += t * t;
            }
            maxY = Math.max(maxY, Math.sqrt(s));
        }
        List<Finding> f = new ArrayList<>();
        String normText = String.format(Locale.ROOT, "row norms of X%s in [%.9g, %.9g]", inst.scale() != 1 ? "_eff" : "",
                min, max);
        if (sqrtD0) {
            f.add(Finding.pass("SR-DATA-01", normText + ": all ‖x_i‖ = √d0 = " + fmt(sq) + " (Assumption 4.1.1's "
                    + "convention)"));
        } else if (equal) {
            f.add(Finding.info("SR-DATA-01", normText + ": all equal" + (unit ? " to 1 (Section 6's unit sphere)" : "")
                    + "; the asymptotic formulas are converted by Remark 5.3 (β_w,eff = β_w·r_x/√d0)"));
        } else {
            f.add(new Finding("SR-DATA-01", Finding.Status.WARNING, normText + ": not all equal, so Assumption 4.1.1 "
                    + "(‖x_i‖ = √d0 exactly) is violated; the asymptotic report is skipped (CERT-DI needs no "
                    + "assumption on X)"));
        }
        f.add(Finding.info("SR-DATA-02", String.format(Locale.ROOT, "d0 = %d %s N = %d; δ0_eff = ln d0/ln N = %.4f "
                + "(Theorem 4.3 needs d0 ∈ [N^δ0, N] for some δ0 ∈ (0, 1))", d0, d0 <= n ? "≤" : ">", n, delta0)));
        f.add(Finding.info("SR-DATA-03", "d1 = " + d1 + (d1 >= n ? " ≥ " : " < ") + "N = " + n));
        double bw = equal ? betaW * 0.5 * (min + max) / sq : betaW;
        double ref = bw * betaV * Math.sqrt((double) d0 * d1 * d2);
        f.add(new Finding("SR-DATA-04", Finding.Status.UNDECIDABLE_HIDDEN_CONSTANT, String.format(Locale.ROOT,
                "A5: max‖Y_i‖ = %.6g against %s·β_v·√(d0 d1 d2) = %.6g (ratio %.4g); the O(·) constant is "
                        + "unspecified", maxY, equal ? "β_w,eff" : "β_w (row norms differ: no conversion)", ref,
                maxY / ref)));
        String rankText = "rank(X) = " + rank + " of min(N, d0) = " + Math.min(n, d0);
        if (count > 0) {
            f.add(new Finding("SR-DATA-05", Finding.Status.WARNING, rankText + "; " + count + " (near-)collinear or "
                    + "duplicate row pairs " + String.join(", ", pairs) + (count > pairs.size() ? ", ..." : "")
                    + ": kinks of such rows are not in general position (DEGENERATE_KINK, spec §2.2); a selection from "
                    + "the per-pair box may not be a Clarke subgradient"));
        } else {
            f.add(Finding.info("SR-DATA-05", String.format(Locale.ROOT, "%s; no collinear rows (max |cos| = %.6g)",
                    rankText, maxCos)));
        }
        return new DataChecks(min, max, equal, unit, sqrtD0, delta0, rank, maxCos, pairs, count, maxY, f);
    }

    private static String fmt(double v) {
        return Sections.fmt(v);
    }
}
