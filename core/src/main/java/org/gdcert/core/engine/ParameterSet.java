package org.gdcert.core.engine;

import java.util.ArrayList;
import java.util.List;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;

/**
 * θ = (W_1, b_1, …, W_L, b_L) on a backend, shaped by a {@link NetworkSpec}: W_l is n_{l-1} × n_l,
 * b_l is 1 × n_l when the layer has a bias. Also used for gradients and directions. Operations
 * whose name ends in {@code InPlace} modify this set; the vector-space operations act on trainable
 * layers only (frozen entries are left as they are).
 */
public final class ParameterSet implements AutoCloseable {
    private final NetworkSpec spec;
    private final Backend backend;
    private final Matrix[] weights;
    private final Matrix[] biases;

    private ParameterSet(NetworkSpec spec, Backend backend, Matrix[] weights, Matrix[] biases) {
        this.spec = spec;
        this.backend = backend;
        this.weights = weights;
        this.biases = biases;
    }

    /** All-zero parameters. */
    public static ParameterSet zeros(NetworkSpec spec, Backend backend) {
        int depth = spec.depth();
        Matrix[] w = new Matrix[depth];
        Matrix[] b = new Matrix[depth];
        for (int l = 1; l <= depth; l++) {
            w[l - 1] = backend.zeros(spec.width(l - 1), spec.width(l));
            if (spec.layer(l).bias()) {
                b[l - 1] = backend.zeros(1, spec.width(l));
            }
        }
        return new ParameterSet(spec, backend, w, b);
    }

    /** Uploads host weights (and biases; an entry may be null for a layer without bias). */
    public static ParameterSet upload(NetworkSpec spec, Backend backend, List<HostMatrix> weights,
            List<HostMatrix> biases) {
        int depth = spec.depth();
        if (weights.size() != depth || biases.size() != depth) {
            throw new IllegalArgumentException("need " + depth + " weight and bias entries");
        }
        Matrix[] w = new Matrix[depth];
        Matrix[] b = new Matrix[depth];
        for (int l = 1; l <= depth; l++) {
            HostMatrix hw = weights.get(l - 1);
            if (hw.rows() != spec.width(l - 1) || hw.cols() != spec.width(l)) {
                throw new IllegalArgumentException("W_" + l + " is " + hw.rows() + "x" + hw.cols() + ", expected "
                        + spec.width(l - 1) + "x" + spec.width(l));
            }
            w[l - 1] = backend.upload(hw);
            HostMatrix hb = biases.get(l - 1);
            if (spec.layer(l).bias()) {
                if (hb == null || hb.rows() != 1 || hb.cols() != spec.width(l)) {
                    throw new IllegalArgumentException("b_" + l + " must be 1x" + spec.width(l));
                }
                b[l - 1] = backend.upload(hb);
            }
        }
        return new ParameterSet(spec, backend, w, b);
    }

    public NetworkSpec spec() {
        return spec;
    }

    public Backend backend() {
        return backend;
    }

    /** W_l, 1-based. */
    public Matrix weight(int l) {
        return weights[l - 1];
    }

    /** b_l (1 × n_l), or null when layer l has no bias. */
    public Matrix bias(int l) {
        return biases[l - 1];
    }

    public int depth() {
        return weights.length;
    }

    private boolean trainable(int l) {
        return spec.layer(l).trainable();
    }

    /** A zero set of the same shape. */
    public ParameterSet zerosLike() {
        return zeros(spec, backend);
    }

    /** A deep copy. */
    public ParameterSet copy() {
        ParameterSet c = zerosLike();
        c.copyFrom(this);
        return c;
    }

    /** this := other, every layer (frozen ones too). */
    public void copyFrom(ParameterSet other) {
        check(other);
        for (int l = 1; l <= depth(); l++) {
            backend.copy(other.weight(l), weight(l));
            if (bias(l) != null) {
                backend.copy(other.bias(l), bias(l));
            }
        }
    }

    /** this += alpha · other, on trainable layers. */
    public void axpyInPlace(double alpha, ParameterSet other) {
        check(other);
        for (int l = 1; l <= depth(); l++) {
            if (!trainable(l)) {
                continue;
            }
            backend.axpy(alpha, other.weight(l), weight(l));
            if (bias(l) != null) {
                backend.axpy(alpha, other.bias(l), bias(l));
            }
        }
    }

    /** this := alpha · other + beta · this, on trainable layers. */
    public void axpbyInPlace(double alpha, ParameterSet other, double beta) {
        check(other);
        for (int l = 1; l <= depth(); l++) {
            if (!trainable(l)) {
                continue;
            }
            backend.axpby(alpha, other.weight(l), beta, weight(l));
            if (bias(l) != null) {
                backend.axpby(alpha, other.bias(l), beta, bias(l));
            }
        }
    }

    /** this := alpha · this, on trainable layers. */
    public void scaleInPlace(double alpha) {
        for (int l = 1; l <= depth(); l++) {
            if (!trainable(l)) {
                continue;
            }
            backend.scale(alpha, weight(l));
            if (bias(l) != null) {
                backend.scale(alpha, bias(l));
            }
        }
    }

    /** Sets every trainable entry to zero. */
    public void zeroInPlace() {
        for (int l = 1; l <= depth(); l++) {
            if (!trainable(l)) {
                continue;
            }
            backend.fill(weight(l), 0);
            if (bias(l) != null) {
                backend.fill(bias(l), 0);
            }
        }
    }

    /** ⟨this, other⟩ over trainable entries. */
    public double dot(ParameterSet other) {
        check(other);
        double s = 0;
        for (int l = 1; l <= depth(); l++) {
            if (!trainable(l)) {
                continue;
            }
            s += backend.dot(weight(l), other.weight(l));
            if (bias(l) != null) {
                s += backend.dot(bias(l), other.bias(l));
            }
        }
        return s;
    }

    /** ‖θ‖² over trainable entries. */
    public double normSquared() {
        double s = 0;
        for (int l = 1; l <= depth(); l++) {
            if (!trainable(l)) {
                continue;
            }
            s += backend.sumOfSquares(weight(l));
            if (bias(l) != null) {
                s += backend.sumOfSquares(bias(l));
            }
        }
        return s;
    }

    /** Number of trainable scalars (the length of {@link #flattenTrainable}). */
    public int trainableSize() {
        long n = spec.trainableParameterCount();
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("too many parameters to flatten: " + n);
        }
        return (int) n;
    }

    /** Trainable entries as one vector: per layer W_l row-major, then b_l (for ODE integrators). */
    public void flattenTrainable(double[] out) {
        int off = 0;
        for (int l = 1; l <= depth(); l++) {
            if (!trainable(l)) {
                continue;
            }
            off = put(weight(l), out, off);
            if (bias(l) != null) {
                off = put(bias(l), out, off);
            }
        }
    }

    /** The inverse of {@link #flattenTrainable}. */
    public void unflattenTrainable(double[] in) {
        int off = 0;
        for (int l = 1; l <= depth(); l++) {
            if (!trainable(l)) {
                continue;
            }
            off = take(in, off, weight(l));
            if (bias(l) != null) {
                off = take(in, off, bias(l));
            }
        }
    }

    private int put(Matrix m, double[] out, int off) {
        HostMatrix h = backend.download(m);
        System.arraycopy(h.data(), 0, out, off, h.data().length);
        return off + h.data().length;
    }

    private int take(double[] in, int off, Matrix m) {
        HostMatrix h = new HostMatrix(m.rows(), m.cols());
        System.arraycopy(in, off, h.data(), 0, h.data().length);
        backend.upload(h, m);
        return off + h.data().length;
    }

    /** W_1..W_L in Java memory. */
    public List<HostMatrix> downloadWeights() {
        List<HostMatrix> out = new ArrayList<>();
        for (Matrix w : weights) {
            out.add(backend.download(w));
        }
        return out;
    }

    /** b_1..b_L in Java memory; null entries for layers without bias. */
    public List<HostMatrix> downloadBiases() {
        List<HostMatrix> out = new ArrayList<>();
        for (Matrix b : biases) {
            out.add(b == null ? null : backend.download(b));
        }
        return out;
    }

    private void check(ParameterSet other) {
        if (other.spec != spec && !other.spec.equals(spec)) {
            throw new IllegalArgumentException("parameter sets of different networks");
        }
    }

    @Override
    public void close() {
        for (int l = 0; l < weights.length; l++) {
            weights[l].close();
            if (biases[l] != null) {
                biases[l].close();
            }
        }
    }
}
