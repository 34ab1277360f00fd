package org.gdcert.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.Matrix;

/**
 * One full gradient-descent step of the reference net on a backend, as {@code peers/torch_gd_step.py}
 * does it in PyTorch: N samples, widths 784 → 2000 → 64 → 10, softplus (the activations plugin) on
 * the hidden layers, no biases, loss Φ = ½‖F_L − Y‖²; X, Y standard Gaussian, W_l Gaussian with
 * variance 1/fan-in. A step is the engine's forward pass, loss, gradient (VJP with the residual) and
 * the update θ −= η ∇Φ with η = 1e-6.
 */
public final class GdStep implements AutoCloseable {
    /** The reference widths d → n_1 → n_2 → n_3. */
    public static final int[] REFERENCE_WIDTHS = {784, 2000, 64, 10};
    /** The reference number of samples. */
    public static final int REFERENCE_N = 2000;
    private static final double ETA = 1e-6;

    private final Network net;
    private final ParameterSet grad;
    private final ForwardPass fp;
    private final Matrix x;
    private final Matrix y;
    private double loss;

    /**
     * @param backend where θ and the data live (not closed here)
     * @param n samples
     * @param widths d, n_1, ..., n_L
     * @param seed for X, Y and θ0
     */
    public GdStep(Backend backend, int n, int[] widths, long seed) {
        Configured<Activation> softplus = Backends.activation("softplus");
        List<LayerSpec> layers = new ArrayList<>();
        for (int l = 1; l < widths.length - 1; l++) {
            layers.add(LayerSpec.hidden(widths[l], softplus));
        }
        layers.add(LayerSpec.output(widths[widths.length - 1]));
        NetworkSpec spec = new NetworkSpec(widths[0], layers);
        Rng rng = Rng.of(seed);
        List<HostMatrix> ws = new ArrayList<>();
        List<HostMatrix> bs = new ArrayList<>();
        for (int l = 1; l < widths.length; l++) {
            HostMatrix w = new HostMatrix(widths[l - 1], widths[l]);
            rng.stream("W", l).fillGaussian(w.data(), 1 / Math.sqrt(widths[l - 1]));
            ws.add(w);
            bs.add(null);
        }
        HostMatrix hx = new HostMatrix(n, widths[0]);
        rng.stream("X").fillGaussian(hx.data(), 1);
        HostMatrix hy = new HostMatrix(n, widths[widths.length - 1]);
        rng.stream("Y").fillGaussian(hy.data(), 1);
        this.net = new Network(ParameterSet.upload(spec, backend, ws, bs));
        this.grad = net.parameters().zerosLike();
        this.fp = net.newForwardPass(n);
        this.x = backend.upload(hx);
        this.y = backend.upload(hy);
    }

    /** The reference net of the benchmark goals (N = 2000, 784 → 2000 → 64 → 10). */
    public static GdStep reference(Backend backend) {
        return new GdStep(backend, REFERENCE_N, REFERENCE_WIDTHS, 20240611L);
    }

    /** Forward, loss, backward and update; returns Φ before the update. */
    public double step() {
        net.forward(x, fp);
        loss = net.loss(fp, y);
        net.gradient(fp, grad);
        net.parameters().axpyInPlace(-ETA, grad);
        return loss;
    }

    /** Floating-point operations of one step counted as PyTorch's reference does: 3 GEMMs per layer. */
    public static double flops(int n, int[] widths) {
        double f = 0;
        for (int l = 1; l < widths.length; l++) {
            f += 3.0 * 2 * n * widths[l - 1] * widths[l];
        }
        return f;
    }

    /**
     * The PyTorch protocol with a JIT warm-up: steps for at least {@code warmUpSeconds} (and at least
     * 3 steps), then {@code steps} timed steps; the mean seconds per step.
     */
    public double timeSteps(double warmUpSeconds, int steps) {
        long end = System.nanoTime() + (long) (warmUpSeconds * 1e9);
        int done = 0;
        while (done < 3 || System.nanoTime() < end) {
            step();
            done++;
        }
        long t0 = System.nanoTime();
        for (int s = 0; s < steps; s++) {
            step();
        }
        return (System.nanoTime() - t0) / 1e9 / steps;
    }

    /** Φ at the start of the last step. */
    public double loss() {
        return loss;
    }

    @Override
    public void close() {
        fp.close();
        grad.close();
        net.parameters().close();
        x.close();
        y.close();
    }

    @Override
    public String toString() {
        return "GD step on " + net.backend().describe() + ", widths " + Arrays.toString(REFERENCE_WIDTHS);
    }
}
