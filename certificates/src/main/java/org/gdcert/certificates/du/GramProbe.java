package org.gdcert.certificates.du;

import java.util.ArrayList;
import java.util.List;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;

/**
 * The per-layer Gram matrices of spec certificates-du.md §1.7 at the current parameters, from one
 * forward pass and a backward pass of the per-sample signals, computed on the network's backend:
 * <pre>
 *   g_H = α_{H+1} 1 aᵀ,  Δ_h = s_h σ'(G_h) ⊙ g_h,  g_{h−1} = α_h Δ_h W_hᵀ (+ g_h if layer h is residual)
 *   G^(h) = α_h² (F_{h−1}F_{h−1}ᵀ) ∘ (Δ_h Δ_hᵀ)  (h = 1..H),   G^(H+1) = α_{H+1}² F_H F_Hᵀ
 * </pre>
 * with F_h the features (rows are samples), s_h the branch scale and α_h the weight scale of layer
 * h: row i of Δ_h is ∂u_i/∂(pre-activation of layer h), so G^(h)_ij = ⟨∂u_i/∂W_h, ∂u_j/∂W_h⟩.
 * Cost O(H n m² + H n² m); only n × n results and n-vectors leave the backend, in float64.
 * Requires a scalar output and no biases (the layers Du's networks have).
 */
final class GramProbe implements AutoCloseable {
    private final Network net;
    private final NetworkSpec spec;
    private final Backend b;
    private final int rows;
    private final int depth;
    private final Matrix onesRows;
    private final Matrix g;
    private final Matrix[] delta;
    private final Matrix nn;
    private final Matrix[] onesCols;
    private final Matrix rowSums;

    /** At the parameters: u, the layer Grams G^(1..H+1), the feature Grams F^(0..H), row sums of F_h. */
    record Snapshot(double[] output, List<double[][]> layerGrams, List<double[][]> featureGrams,
            List<double[]> featureRowSums) {

        /** G^(h), 1 ≤ h ≤ H+1. */
        double[][] layer(int h) {
            return layerGrams.get(h - 1);
        }

        /** F_h F_hᵀ, 0 ≤ h ≤ H. */
        double[][] feature(int h) {
            return featureGrams.get(h);
        }

        /** G = Σ_h G^(h). */
        double[][] total() {
            int n = output.length;
            double[][] s = new double[n][n];
            for (double[][] gh : layerGrams) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        s[i][j] += gh[i][j];
                    }
                }
            }
            return s;
        }
    }

    GramProbe(Network net, int rows) {
        this.net = net;
        this.spec = net.spec();
        this.b = net.backend();
        this.rows = rows;
        this.depth = spec.depth() - 1;
        if (spec.outputDim() != 1) {
            throw new IllegalArgumentException("the Gram probe needs a scalar output");
        }
        onesRows = b.upload(filled(rows, 1, 1));
        g = b.zeros(rows, spec.width(depth));
        delta = new Matrix[depth + 1];
        onesCols = new Matrix[depth + 1];
        for (int h = 1; h <= depth; h++) {
            delta[h] = b.zeros(rows, spec.width(h));
            onesCols[h] = b.upload(filled(spec.width(h), 1, 1));
        }
        nn = b.zeros(rows, rows);
        rowSums = b.zeros(rows, 1);
    }

    private static HostMatrix filled(int r, int c, double v) {
        HostMatrix h = new HostMatrix(r, c);
        java.util.Arrays.fill(h.data(), v);
        return h;
    }

    /** The Grams at the parameters of {@code fp} (a valid forward pass of this network on all samples). */
    Snapshot measure(ForwardPass fp) {
        if (fp.rows() != rows) {
            throw new IllegalArgumentException("forward pass has " + fp.rows() + " rows, probe " + rows);
        }
        int layers = depth + 1;
        LayerSpec out = spec.layer(layers);
        // g_H = α_L 1 aᵀ with a = W_L (m × 1)
        b.gemm(false, true, out.weightScale(), onesRows, net.parameters().weight(layers), 0, g);
        for (int h = depth; h >= 1; h--) {
            LayerSpec ls = spec.layer(h);
            Matrix d = fp.derivative(h);
            if (d != null) {
                b.hadamard(d, g, delta[h]);
            } else {
                b.copy(g, delta[h]);
            }
            if (ls.branchScale() != 1) {
                b.scale(ls.branchScale(), delta[h]);
            }
            if (h > 1) {
                b.gemm(false, true, ls.weightScale(), delta[h], net.parameters().weight(h), ls.residual() ? 1 : 0, g);
            }
        }
        List<double[][]> features = new ArrayList<>();
        List<double[]> sums = new ArrayList<>();
        for (int h = 0; h <= depth; h++) {
            Matrix f = fp.features(h);
            features.add(outer(f, f));
            if (h >= 1) {
                b.gemm(false, false, 1, f, onesCols[h], 0, rowSums);
                sums.add(b.download(rowSums).data());
            } else {
                sums.add(null);
            }
        }
        List<double[][]> layerGrams = new ArrayList<>();
        for (int h = 1; h <= depth; h++) {
            double[][] dd = outer(delta[h], delta[h]);
            double[][] ff = features.get(h - 1);
            double a2 = spec.layer(h).weightScale() * spec.layer(h).weightScale();
            double[][] gh = new double[rows][rows];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < rows; j++) {
                    gh[i][j] = a2 * ff[i][j] * dd[i][j];
                }
            }
            layerGrams.add(gh);
        }
        double a2 = out.weightScale() * out.weightScale();
        double[][] top = features.get(depth);
        double[][] gOut = new double[rows][rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < rows; j++) {
                gOut[i][j] = a2 * top[i][j];
            }
        }
        layerGrams.add(gOut);
        double[] u = b.download(fp.output()).data().clone();
        return new Snapshot(u, layerGrams, features, sums);
    }

    /** A Aᵀ as a host array. */
    private double[][] outer(Matrix a, Matrix c) {
        b.gemm(false, true, 1, a, c, 0, nn);
        HostMatrix h = b.download(nn);
        double[][] r = new double[rows][rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < rows; j++) {
                r[i][j] = 0.5 * (h.get(i, j) + h.get(j, i));
            }
        }
        return r;
    }

    @Override
    public void close() {
        onesRows.close();
        g.close();
        nn.close();
        rowSums.close();
        for (int h = 1; h <= depth; h++) {
            delta[h].close();
            onesCols[h].close();
        }
    }
}
