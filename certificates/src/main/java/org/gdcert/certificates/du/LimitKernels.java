package org.gdcert.certificates.du;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The infinite-width Gram matrices of seed 002 by the <em>corrected</em> recursions of spec
 * certificates-du.md §3.2 (fully connected, Definition 5.1) and §3.3 (ResNet, Definition 6.1).
 *
 * <p>Corrections adopted (spec §8): the covariance of K^(H) is A(K^(H−1)), not the printed
 * A^(H−1) (A6, A13); the ResNet cross term pairs b_i with the j-side mean μ(K_jj) (A12). The
 * paper-literal variants exist only as regression guards for tests ({@link Variant}).
 *
 * <p>Naming (A24): {@code features.get(h)} is the feature kernel K^(h) = lim ⟨x_i^(h), x_j^(h)⟩ for
 * h ≤ H−1; {@code features.get(H)} is the layer-H feature kernel, an extension [X] (§3.6) used by
 * the monitors; {@code gram} is K^(H), the limit of G^(H)(0).
 */
final class LimitKernels {
    /** Pairs below this count are computed sequentially. */
    private static final int PARALLEL_MIN_ROWS = 16;

    private LimitKernels() {
    }

    /** Which version of the recursion; only CORRECTED is used by the checker. */
    enum Variant {
        /** The spec's corrected recursion (§3.2, §3.3). */
        CORRECTED,
        /** Test guard: K^(H) with the printed covariance A^(H−1) = A(K^(H−2)). */
        LITERAL_INDEX,
        /** Test guard: the printed ResNet pairing b_i E σ(u) + b_j E σ(v). */
        PAPER_PAIRING
    }

    /**
     * @param architecture FC or RESNET
     * @param depth H
     * @param cSigma c_σ at the quadrature order used
     * @param features K^(0..H−1) and the [X] layer-H feature kernel (index H)
     * @param means b^(h) for h = 1..H (index h; index 0 is null); ResNet only, empty for FC
     * @param gram K^(H)
     * @param tabulationError the largest interpolation error of the tabulated maps (§3.1.3), 0 when
     *     every entry was computed directly
     * @param tabulatedMaps how many layer maps were tabulated
     */
    record Result(Architecture architecture, int depth, double cSigma, List<double[][]> features,
            List<double[]> means, double[][] gram, double tabulationError, int tabulatedMaps) {
        Result {
            features = Collections.unmodifiableList(new ArrayList<>(features));
            means = Collections.unmodifiableList(new ArrayList<>(means));
        }

        /** K^(h) for 0 ≤ h ≤ H (h = H: the [X] layer-H feature kernel). */
        double[][] feature(int h) {
            return features.get(h);
        }

        int samples() {
            return gram.length;
        }
    }

    /** Definition 5.1, corrected (§3.2). {@code x} is n × d (rows are samples), H ≥ 1. */
    static Result fullyConnected(double[][] x, int depth, GaussianExpectations e, Variant variant) {
        if (depth < 1) {
            throw new IllegalArgumentException("fully connected depth H must be >= 1, got " + depth);
        }
        double cs = e.cSigma();
        PairMap pairs = new PairMap();
        List<double[][]> features = new ArrayList<>();
        features.add(gramOf(x));
        for (int h = 1; h <= depth; h++) {
            // h = H: the [X] layer-H feature kernel
            double[][] s = pairs.apply(features.get(h - 1), e::pair);
            features.add(map(s, (i, j) -> cs * s[i][j]));
        }
        double[][] top = features.get(depth - 1);
        double[][] cov = variant == Variant.LITERAL_INDEX && depth >= 2 ? features.get(depth - 2) : top;
        double[][] edot = pairs.apply(cov, e::derivativePair);
        double[][] gram = map(top, (i, j) -> cs * top[i][j] * edot[i][j]);
        return new Result(Architecture.FC, depth, cs, features, List.of(), gram, pairs.error(),
                pairs.tabulated());
    }

    /** Definition 6.1, corrected (§3.3). {@code x} is n × d, H ≥ 2, c_res the residual constant. */
    static Result resnet(double[][] x, int depth, double cRes, GaussianExpectations e, Variant variant) {
        if (depth < 2) {
            throw new IllegalArgumentException("the ResNet kernel needs H >= 2 (spec A23), got " + depth);
        }
        double cs = e.cSigma();
        double c = cRes / depth;
        int n = x.length;
        PairMap pairs = new PairMap();
        List<double[][]> features = new ArrayList<>();
        List<double[]> means = new ArrayList<>();
        double[][] k0 = gramOf(x);
        features.add(k0);
        means.add(null);
        double[][] s1 = pairs.apply(k0, e::pair);
        features.add(map(s1, (i, j) -> cs * s1[i][j]));
        double[] b1 = new double[n];
        for (int i = 0; i < n; i++) {
            b1[i] = Math.sqrt(cs) * e.mean(k0[i][i]);
        }
        means.add(b1);
        // h = 2..H-1 define K^(h); h = H gives the [X] layer-H feature kernel
        for (int h = 2; h <= depth; h++) {
            double[][] prev = features.get(h - 1);
            double[] b = means.get(h - 1);
            double[] mu = new double[n];
            for (int i = 0; i < n; i++) {
                mu[i] = e.mean(prev[i][i]);
            }
            double[][] s = pairs.apply(prev, e::pair);
            features.add(map(prev, (i, j) -> {
                double cross = variant == Variant.PAPER_PAIRING ? b[i] * mu[i] + b[j] * mu[j]
                        : b[i] * mu[j] + mu[i] * b[j];
                return prev[i][j] + c * cross + c * c * s[i][j];
            }));
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                next[i] = b[i] + c * mu[i];
            }
            means.add(next);
        }
        double[][] top = features.get(depth - 1);
        double[][] cov = variant == Variant.LITERAL_INDEX ? features.get(depth - 2) : top;
        double[][] edot = pairs.apply(cov, e::derivativePair);
        double[][] gram = map(top, (i, j) -> c * c * top[i][j] * edot[i][j]);
        return new Result(Architecture.RESNET, depth, cs, features, means, gram, pairs.error(),
                pairs.tabulated());
    }

    /** X Xᵀ. */
    static double[][] gramOf(double[][] x) {
        int n = x.length;
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = 0;
                for (int k = 0; k < x[i].length; k++) {
                    s += x[i][k] * x[j][k];
                }
                g[i][j] = s;
                g[j][i] = s;
            }
        }
        return g;
    }

    /** Entry function of a symmetric kernel. */
    interface Entry {
        double at(int i, int j);
    }

    /** Builds the symmetric matrix with entries f(i, j) for i ≤ j (mirrored), rows in parallel when large. */
    static double[][] map(double[][] shape, Entry f) {
        int n = shape.length;
        double[][] out = new double[n][n];
        IntStream rows = IntStream.range(0, n);
        if (n >= PARALLEL_MIN_ROWS) {
            rows = rows.parallel();
        }
        rows.forEach(i -> {
            for (int j = i; j < n; j++) {
                out[i][j] = f.at(i, j);
            }
        });
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                out[i][j] = out[j][i];
            }
        }
        return out;
    }
}
