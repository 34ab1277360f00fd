package org.gdcert.core.engine;

import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;

/**
 * The buffers of one forward pass for a fixed number of rows, reused from step to step: the
 * pre-activations G_l, the features F_l, the derivatives σ'(G_l), the residual F_L − Y, and the
 * scratch space of the backward pass and of Jacobian-vector products. Created by
 * {@link Network#newForwardPass(int)}; filled by {@link Network#forward}.
 */
public final class ForwardPass implements AutoCloseable {
    final NetworkSpec spec;
    final Backend backend;
    final int rows;
    final Matrix[] pre;
    final Matrix[] features;
    final Matrix[] deriv;
    final Matrix residual;
    final Matrix[] backF;
    final Matrix[] backG;
    final Matrix[] tanF;
    final Matrix[] tanG;
    Matrix input;
    boolean valid;

    ForwardPass(NetworkSpec spec, Backend backend, int rows) {
        this.spec = spec;
        this.backend = backend;
        this.rows = rows;
        int depth = spec.depth();
        pre = new Matrix[depth + 1];
        features = new Matrix[depth + 1];
        deriv = new Matrix[depth + 1];
        backF = new Matrix[depth + 1];
        backG = new Matrix[depth + 1];
        tanF = new Matrix[depth + 1];
        tanG = new Matrix[depth + 1];
        for (int l = 1; l <= depth; l++) {
            int n = spec.width(l);
            pre[l] = backend.zeros(rows, n);
            if (l < depth) {
                features[l] = backend.zeros(rows, n);
                deriv[l] = spec.layer(l).activation().isPresent() ? backend.zeros(rows, n) : null;
            } else {
                features[l] = pre[l];
            }
        }
        residual = backend.zeros(rows, spec.outputDim());
    }

    /** Number of rows (samples) this pass holds. */
    public int rows() {
        return rows;
    }

    /** The input F_0 = X of the last forward pass. */
    public Matrix input() {
        return input;
    }

    /** G_l = weightScale · F_{l-1} W_l (+ b_l), 1 ≤ l ≤ L. */
    public Matrix preactivation(int l) {
        return pre[l];
    }

    /** F_l (F_0 = X, F_L = the output). */
    public Matrix features(int l) {
        return l == 0 ? input : features[l];
    }

    /** The network output F_L. */
    public Matrix output() {
        return features[spec.depth()];
    }

    /** σ'(G_l) for a hidden layer with an activation; null for linear layers. */
    public Matrix derivative(int l) {
        return deriv[l];
    }

    /** F_L − Y after {@link Network#loss}. */
    public Matrix residual() {
        return residual;
    }

    Matrix backF(int l, int n) {
        if (backF[l] == null) {
            backF[l] = backend.zeros(rows, n);
        }
        return backF[l];
    }

    Matrix backG(int l, int n) {
        if (backG[l] == null) {
            backG[l] = backend.zeros(rows, n);
        }
        return backG[l];
    }

    Matrix tanF(int l, int n) {
        if (tanF[l] == null) {
            tanF[l] = backend.zeros(rows, n);
        }
        return tanF[l];
    }

    Matrix tanG(int l, int n) {
        if (tanG[l] == null) {
            tanG[l] = backend.zeros(rows, n);
        }
        return tanG[l];
    }

    @Override
    public void close() {
        for (Matrix[] arr : new Matrix[][] {pre, deriv, backF, backG, tanF, tanG}) {
            for (Matrix m : arr) {
                if (m != null) {
                    m.close();
                }
            }
        }
        for (int l = 1; l < features.length - 1; l++) {
            if (features[l] != null) {
                features[l].close();
            }
        }
        residual.close();
    }
}
