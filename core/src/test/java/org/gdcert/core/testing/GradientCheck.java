package org.gdcert.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
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
 * Central finite differences of the engine's loss and outputs, for checking gradients, JVPs and
 * VJPs of any network (core's engine tests, and the activations module for every activation).
 * Errors are relative: max |analytic − fd| over the entries divided by the norm of the analytic value.
 */
public final class GradientCheck {
    /** The central-difference step. */
    public static final double STEP = 1e-6;
    private final Backend backend;

    public GradientCheck(Backend backend) {
        this.backend = backend;
    }

    /** Network variants exercised by the checks. */
    public record Variant(String name, int depth, boolean bias, boolean residual, boolean ntk, boolean frozen) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Depths 1–5 with and without biases, plus residual, NTK-scaled and frozen variants. */
    public static List<Variant> variants() {
        List<Variant> out = new ArrayList<>();
        for (int depth = 1; depth <= 5; depth++) {
            out.add(new Variant("L" + depth, depth, false, false, false, false));
            out.add(new Variant("L" + depth + "-bias", depth, true, false, false, false));
            if (depth >= 3) {
                out.add(new Variant("L" + depth + "-residual", depth, false, true, false, false));
                out.add(new Variant("L" + depth + "-residual-ntk-bias", depth, true, true, true, false));
            }
            if (depth >= 2) {
                out.add(new Variant("L" + depth + "-ntk", depth, false, false, true, false));
                out.add(new Variant("L" + depth + "-frozen", depth, true, false, false, true));
            }
        }
        return out;
    }

    /** d = 4, hidden widths 5 (equal, so residual blocks fit), output 3. */
    public static NetworkSpec spec(Variant v, Configured<Activation> act) {
        List<LayerSpec> layers = new ArrayList<>();
        int m = 5;
        for (int l = 1; l <= v.depth(); l++) {
            boolean out = l == v.depth();
            LayerSpec s = out ? LayerSpec.output(3) : LayerSpec.hidden(m, act);
            s = s.withBias(v.bias());
            if (v.residual() && !out && l >= 2) {
                s = s.withResidual(true).withScales(1, 0.7 / Math.sqrt(m));
            } else if (v.ntk() && !out) {
                s = s.withScales(1.0, Math.sqrt(2.0 / m));
            }
            if (v.ntk() && out) {
                s = s.withScales(0.8, 1);
            }
            if (v.frozen() && l == 1) {
                s = s.withTrainable(false);
            }
            layers.add(s);
        }
        return new NetworkSpec(4, layers, v.ntk() ? "ntk" : "standard");
    }

    /** Gaussian parameters N(0, scale²/fan_in), biases N(0, 0.3²). */
    public ParameterSet randomParams(NetworkSpec spec, Rng rng, double scale) {
        List<HostMatrix> ws = new ArrayList<>();
        List<HostMatrix> bs = new ArrayList<>();
        for (int l = 1; l <= spec.depth(); l++) {
            HostMatrix w = new HostMatrix(spec.width(l - 1), spec.width(l));
            rng.fillGaussian(w.data(), scale / Math.sqrt(spec.width(l - 1)));
            ws.add(w);
            if (spec.layer(l).bias()) {
                HostMatrix b = new HostMatrix(1, spec.width(l));
                rng.fillGaussian(b.data(), 0.3);
                bs.add(b);
            } else {
                bs.add(null);
            }
        }
        return ParameterSet.upload(spec, backend, ws, bs);
    }

    public Matrix random(int r, int c, Rng rng) {
        HostMatrix m = new HostMatrix(r, c);
        rng.fillGaussian(m.data(), 1);
        return backend.upload(m);
    }

    private double loss(Network net, Matrix x, Matrix y) {
        try (ForwardPass fp = net.newForwardPass(x.rows())) {
            net.forward(x, fp);
            return net.loss(fp, y);
        }
    }

    private HostMatrix output(Network net, Matrix x) {
        try (ForwardPass fp = net.newForwardPass(x.rows())) {
            net.forward(x, fp);
            return backend.download(fp.output());
        }
    }

    /** Relative error of ∇Φ against central differences of Φ. */
    public double gradientError(Network net, Matrix x, Matrix y) {
        try (ForwardPass fp = net.newForwardPass(x.rows()); ParameterSet grad = net.parameters().zerosLike()) {
            net.forward(x, fp);
            net.loss(fp, y);
            net.gradient(fp, grad);
            return compare(net, grad, n -> loss(n, x, y));
        }
    }

    /** Relative error of Jᵀu against central differences of ⟨u, F_L⟩. */
    public double vjpError(Network net, Matrix x, Matrix u) {
        HostMatrix uh = backend.download(u);
        try (ForwardPass fp = net.newForwardPass(x.rows()); ParameterSet g = net.parameters().zerosLike()) {
            net.forward(x, fp);
            net.vjp(fp, u, g);
            return compare(net, g, n -> {
                HostMatrix o = output(n, x);
                double s = 0;
                for (int i = 0; i < o.data().length; i++) {
                    s += o.data()[i] * uh.data()[i];
                }
                return s;
            });
        }
    }

    /** Relative error of Jv against central differences of F_L along v. */
    public double jvpError(Network net, Matrix x, ParameterSet dir) {
        int n = x.rows();
        int k = net.spec().outputDim();
        HostMatrix analytic;
        try (ForwardPass fp = net.newForwardPass(n); Matrix jv = backend.zeros(n, k)) {
            net.forward(x, fp);
            net.jvp(fp, dir, jv);
            analytic = backend.download(jv);
        }
        ParameterSet theta = net.parameters();
        try (ParameterSet saved = theta.copy()) {
            theta.axpyInPlace(STEP, dir);
            HostMatrix plus = output(net, x);
            theta.copyFrom(saved);
            theta.axpyInPlace(-STEP, dir);
            HostMatrix minus = output(net, x);
            theta.copyFrom(saved);
            HostMatrix fd = new HostMatrix(n, k);
            for (int i = 0; i < fd.data().length; i++) {
                fd.data()[i] = (plus.data()[i] - minus.data()[i]) / (2 * STEP);
            }
            return analytic.maxAbsDiff(fd) / Math.max(fd.frobeniusNorm(), Double.MIN_NORMAL);
        }
    }

    private double compare(Network net, ParameterSet analytic, ToDoubleFunction<Network> f) {
        ParameterSet p = net.parameters();
        double maxErr = 0;
        for (int l = 1; l <= p.depth(); l++) {
            if (!p.spec().layer(l).trainable()) {
                continue;
            }
            for (int which = 0; which < 2; which++) {
                Matrix mat = which == 0 ? p.weight(l) : p.bias(l);
                if (mat == null) {
                    continue;
                }
                HostMatrix an = backend.download(which == 0 ? analytic.weight(l) : analytic.bias(l));
                HostMatrix h = backend.download(mat);
                for (int i = 0; i < h.data().length; i++) {
                    double orig = h.data()[i];
                    h.data()[i] = orig + STEP;
                    backend.upload(h, mat);
                    double plus = f.applyAsDouble(net);
                    h.data()[i] = orig - STEP;
                    backend.upload(h, mat);
                    double minus = f.applyAsDouble(net);
                    h.data()[i] = orig;
                    backend.upload(h, mat);
                    maxErr = Math.max(maxErr, Math.abs(an.data()[i] - (plus - minus) / (2 * STEP)));
                }
            }
        }
        return maxErr / Math.max(Math.sqrt(analytic.normSquared()), Double.MIN_NORMAL);
    }
}
