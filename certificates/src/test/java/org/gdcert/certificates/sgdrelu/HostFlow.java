package org.gdcert.certificates.sgdrelu;

import java.util.ArrayList;
import java.util.List;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.Iterate;

/**
 * A test-only trainer for Ŷ = φ(XW)V (d2 = 1, σ'(0) = 0, both layers) on host arrays: explicit
 * Heun steps of the gradient flow (the spec's T-DI-2 integrator) or plain GD, producing the
 * {@link Iterate}s a monitor sees through the context's network on the reference backend.
 */
final class HostFlow implements AutoCloseable {
    final int n;
    final int d0;
    final int d1;
    final double[] x;
    final double[] y;
    final double[] w;
    final double[] v;
    private final CertificateContext ctx;
    private final Network net;
    private final ForwardPass fp;
    private final Matrix mx;
    private final Matrix my;
    private final ParameterSet initial;
    private final double[] zBuffer;
    private final double[] pBuffer;

    HostFlow(CertificateContext ctx) {
        this.ctx = ctx;
        n = ctx.samples();
        d0 = ctx.inputs().cols();
        d1 = ctx.weight(1).cols();
        x = ctx.inputs().data().clone();
        y = ctx.targets().data().clone();
        w = ctx.weight(1).data().clone();
        v = ctx.weight(2).data().clone();
        net = ctx.network();
        fp = net.newForwardPass(n);
        mx = net.backend().upload(ctx.inputs());
        my = net.backend().upload(ctx.targets());
        initial = net.parameters().copy();
        zBuffer = new double[n * d1];
        pBuffer = new double[d1];
    }

    /** ∇L at (w, v): fills gw (d0·d1) and gv (d1); returns L. */
    double gradient(double[] w, double[] v, double[] gw, double[] gv) {
        double[] z = zBuffer;
        java.util.Arrays.fill(z, 0);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d0; k++) {
                double a = x[i * d0 + k];
                int o = k * d1;
                int oz = i * d1;
                for (int j = 0; j < d1; j++) {
                    z[oz + j] += a * w[o + j];
                }
            }
        }
        double[] r = new double[n];
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d1; j++) {
                double h = z[i * d1 + j];
                if (h > 0) {
                    s += h * v[j];
                }
            }
            r[i] = s - y[i];
            loss += 0.5 * r[i] * r[i];
        }
        java.util.Arrays.fill(gw, 0);
        java.util.Arrays.fill(gv, 0);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d1; j++) {
                double h = z[i * d1 + j];
                if (h > 0) {
                    gv[j] += h * r[i];
                }
            }
        }
        double[] p = pBuffer;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d1; j++) {
                p[j] = z[i * d1 + j] > 0 ? r[i] * v[j] : 0;
            }
            for (int k = 0; k < d0; k++) {
                double a = x[i * d0 + k];
                int o = k * d1;
                for (int j = 0; j < d1; j++) {
                    gw[o + j] += a * p[j];
                }
            }
        }
        return loss;
    }

    /**
     * Heun steps of size h from the current (w, v) for {@code steps} steps, recording an iterate
     * every {@code every} steps and at the end (TIME axis). Returns the recorded iterates' losses.
     */
    List<Iterate> heun(double h, int steps, int every, java.util.function.Consumer<Iterate> sink) {
        double[] gw = new double[w.length];
        double[] gv = new double[v.length];
        double[] gw1 = new double[w.length];
        double[] gv1 = new double[v.length];
        double[] w1 = new double[w.length];
        double[] v1 = new double[v.length];
        List<Iterate> out = new ArrayList<>();
        for (int k = 0; k <= steps; k++) {
            if (k % every == 0 || k == steps) {
                Iterate it = iterate(k, k * h, Axis.TIME, Double.NaN);
                sink.accept(it);
                out.add(it);
            }
            if (k == steps) {
                break;
            }
            gradient(w, v, gw, gv);
            for (int i = 0; i < w.length; i++) {
                w1[i] = w[i] - h * gw[i];
            }
            for (int i = 0; i < v.length; i++) {
                v1[i] = v[i] - h * gv[i];
            }
            gradient(w1, v1, gw1, gv1);
            for (int i = 0; i < w.length; i++) {
                w[i] -= 0.5 * h * (gw[i] + gw1[i]);
            }
            for (int i = 0; i < v.length; i++) {
                v[i] -= 0.5 * h * (gv[i] + gv1[i]);
            }
        }
        return out;
    }

    /** Plain full-batch GD with step η (STEP axis), recording every {@code every} steps. */
    void gd(double eta, int steps, int every, java.util.function.Consumer<Iterate> sink) {
        double[] gw = new double[w.length];
        double[] gv = new double[v.length];
        for (int k = 0; k <= steps; k++) {
            if (k % every == 0 || k == steps) {
                sink.accept(iterate(k, k * eta, Axis.STEP, eta));
            }
            if (k == steps) {
                break;
            }
            gradient(w, v, gw, gv);
            for (int i = 0; i < w.length; i++) {
                w[i] -= eta * gw[i];
            }
            for (int i = 0; i < v.length; i++) {
                v[i] -= eta * gv[i];
            }
        }
    }

    /** The current (w, v) as an iterate on the reference backend. */
    Iterate iterate(long step, double time, Axis axis, double eta) {
        return iterateWithLoss(step, time, axis, eta, Double.NaN);
    }

    /** As {@link #iterate}, but reporting {@code loss} instead of the true loss when it is not NaN. */
    Iterate iterateWithLoss(long step, double time, Axis axis, double eta, double loss) {
        ParameterSet p = net.parameters();
        net.backend().upload(new HostMatrix(d0, d1, w.clone()), p.weight(1));
        net.backend().upload(new HostMatrix(d1, 1, v.clone()), p.weight(2));
        net.forward(mx, fp);
        double phi = net.loss(fp, my);
        return new Iterate(step, time, Double.isNaN(loss) ? phi : loss, net, fp, mx, my, initial, axis, eta);
    }

    @Override
    public void close() {
        fp.close();
        mx.close();
        my.close();
        initial.close();
    }
}
