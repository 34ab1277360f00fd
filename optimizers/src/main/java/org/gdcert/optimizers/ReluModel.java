package org.gdcert.optimizers;

import java.util.List;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.train.TrainingProblem;

/**
 * Seed 004's model read off a two-layer network, in host memory for the Clarke flow:
 * Z = X̃ W̃ (W̃ = W_1 with the bias b_1 as an extra row, X̃ = [α_1 X, 1]), H = s_1 σ(Z),
 * Ŷ = α_2 H V (+ 1 b_2ᵀ), with σ piecewise linear with slopes lo (z &lt; 0) and hi (z &gt; 0) and its
 * kink at 0 (ReLU: 0 and 1; leaky ReLU: γ and 1).
 *
 * <p>The state vector is {@link ParameterSet#flattenTrainable}'s: W_1 row-major (d0 × d1), b_1,
 * then W_2 row-major (d1 × d2), b_2, each only when its layer is trainable; frozen parts are kept
 * from θ0.
 */
final class ReluModel {
    final int n;
    final int d0;
    /** d0, plus one when the hidden layer has a bias. */
    final int dt;
    final int d1;
    final int d2;
    /** X̃, n × dt row-major. */
    final double[] xt;
    /** ‖x̃_i‖. */
    final double[] xNorm;
    /** Y, n × d2 row-major. */
    final double[] y;
    final double s1;
    final double a2;
    final double lo;
    final double hi;
    final boolean bias1;
    final boolean bias2;
    final boolean trainW;
    final boolean trainV;
    /** Offsets into the state (−1 when frozen or absent). */
    final int offW;
    final int offB1;
    final int offV;
    final int offB2;
    final int dim;
    /** Frozen values from θ0 (used when the layer is not trainable). */
    private final double[] w0;
    private final double[] b10;
    private final double[] v0;
    private final double[] b20;

    private ReluModel(TrainingProblem problem, double lo, double hi) {
        NetworkSpec spec = problem.network().spec();
        Backend backend = problem.network().backend();
        LayerSpec l1 = spec.layer(1);
        LayerSpec l2 = spec.layer(2);
        this.lo = lo;
        this.hi = hi;
        n = problem.samples();
        d0 = spec.inputDim();
        d1 = spec.width(1);
        d2 = spec.width(2);
        bias1 = l1.bias();
        bias2 = l2.bias();
        dt = d0 + (bias1 ? 1 : 0);
        s1 = l1.branchScale();
        a2 = l2.weightScale();
        trainW = l1.trainable();
        trainV = l2.trainable();
        HostMatrix x = backend.download(problem.inputs());
        xt = new double[n * dt];
        xNorm = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int a = 0; a < d0; a++) {
                double v = l1.weightScale() * x.get(i, a);
                xt[i * dt + a] = v;
                s += v * v;
            }
            if (bias1) {
                xt[i * dt + d0] = 1;
                s += 1;
            }
            xNorm[i] = Math.sqrt(s);
        }
        y = backend.download(problem.targets()).data().clone();
        ParameterSet theta = problem.network().parameters();
        List<HostMatrix> ws = theta.downloadWeights();
        List<HostMatrix> bs = theta.downloadBiases();
        w0 = ws.get(0).data().clone();
        b10 = bias1 ? bs.get(0).data().clone() : null;
        v0 = ws.get(1).data().clone();
        b20 = bias2 ? bs.get(1).data().clone() : null;
        int off = 0;
        if (trainW) {
            offW = off;
            off += d0 * d1;
            offB1 = bias1 ? off : -1;
            off += bias1 ? d1 : 0;
        } else {
            offW = -1;
            offB1 = -1;
        }
        if (trainV) {
            offV = off;
            off += d1 * d2;
            offB2 = bias2 ? off : -1;
            off += bias2 ? d2 : 0;
        } else {
            offV = -1;
            offB2 = -1;
        }
        dim = off;
        if (dim != theta.trainableSize()) {
            throw new IllegalStateException("clarke: state layout " + dim + " != " + theta.trainableSize());
        }
    }

    /**
     * Reads the model of the problem's network, or fails with a message saying what the Clarke flow
     * needs: a two-layer network whose hidden layer is ReLU or leaky ReLU (piecewise linear, one kink
     * at 0) without residual connection.
     */
    static ReluModel of(TrainingProblem problem) {
        NetworkSpec spec = problem.network().spec();
        String net = spec.widthsText();
        if (spec.depth() != 2) {
            throw new IllegalArgumentException("clarke: needs a two-layer network d0 -> d1 -> d2 (seed 004's X W, ReLU,"
                    + " then V); this network " + net + " has " + spec.depth() + " weight layers");
        }
        LayerSpec l1 = spec.layer(1);
        if (l1.activation().isEmpty()) {
            throw new IllegalArgumentException("clarke: the hidden layer of " + net
                    + " has no activation; the Clarke flow is for ReLU or leaky ReLU");
        }
        if (l1.residual()) {
            throw new IllegalArgumentException("clarke: the hidden layer of " + net + " is residual; not supported");
        }
        Configured<Activation> act = l1.activation().get();
        Activation sigma = act.instance();
        if (!sigma.properties().piecewiseLinear()) {
            throw new IllegalArgumentException("clarke: activation '" + act + "' is not piecewise linear; the Clarke"
                    + " flow is for relu or leakyrelu (use `train flow` for smooth activations)");
        }
        double hi = sigma.derivative(1);
        double lo = sigma.derivative(-1);
        for (double v : new double[] {0.25, 1, 3}) {
            if (!same(sigma.value(v), hi * v) || !same(sigma.value(-v), -lo * v)) {
                throw new IllegalArgumentException("clarke: activation '" + act + "' is not two-slope linear with"
                        + " its kink at 0 (σ(x) = hi·x for x > 0, lo·x for x < 0)");
            }
        }
        if (sigma.value(0) != 0 || !(lo <= hi)) {
            throw new IllegalArgumentException("clarke: activation '" + act + "' needs σ(0) = 0 and slope left <= right");
        }
        return new ReluModel(problem, lo, hi);
    }

    private static boolean same(double a, double b) {
        return Math.abs(a - b) <= 1e-14 * Math.max(1, Math.abs(b));
    }

    /** W̃ (dt × d1, row-major) of a state into {@code out}. */
    void hiddenWeights(double[] state, double[] out) {
        if (trainW) {
            System.arraycopy(state, offW, out, 0, d0 * d1);
            if (bias1) {
                System.arraycopy(state, offB1, out, d0 * d1, d1);
            }
        } else {
            System.arraycopy(w0, 0, out, 0, d0 * d1);
            if (bias1) {
                System.arraycopy(b10, 0, out, d0 * d1, d1);
            }
        }
    }

    /** V (d1 × d2). */
    double[] outputWeights(double[] state) {
        return trainV ? java.util.Arrays.copyOfRange(state, offV, offV + d1 * d2) : v0;
    }

    /** b_2 (d2), or null. */
    double[] outputBias(double[] state) {
        if (!bias2) {
            return null;
        }
        return trainV ? java.util.Arrays.copyOfRange(state, offB2, offB2 + d2) : b20;
    }

    /** Writes W̃ back into a state (hidden layer trainable). */
    void setHiddenWeights(double[] w, double[] state) {
        System.arraycopy(w, 0, state, offW, d0 * d1);
        if (bias1) {
            System.arraycopy(w, d0 * d1, state, offB1, d1);
        }
    }
}
