package org.gdcert.certificates.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.ValidatedParams;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.LossReduction;

/** Builds certificate contexts for tests. */
public final class Ctx {
    private Ctx() {
    }

    /** A plain MLP spec: hidden widths with σ, linear output. */
    public static NetworkSpec mlp(int d, int[] widths, Configured<Activation> act) {
        List<LayerSpec> layers = new ArrayList<>();
        for (int l = 0; l < widths.length - 1; l++) {
            layers.add(LayerSpec.hidden(widths[l], act));
        }
        layers.add(LayerSpec.output(widths[widths.length - 1]));
        return new NetworkSpec(d, layers);
    }

    /** Context for full-batch GD (optimizer "gd") with an optional step size. */
    public static CertificateContext of(Backend b, NetworkSpec spec, HostMatrix x, HostMatrix y, List<HostMatrix> ws,
            OptionalDouble eta) {
        return of(b, spec, x, y, ws, "gd", eta, Axis.STEP, LossReduction.SUM_HALF);
    }

    public static CertificateContext of(Backend b, NetworkSpec spec, HostMatrix x, HostMatrix y, List<HostMatrix> ws,
            String optimizer, OptionalDouble eta, Axis axis, LossReduction red) {
        List<HostMatrix> bs = new ArrayList<>(Arrays.asList(new HostMatrix[ws.size()]));
        for (int l = 1; l <= spec.depth(); l++) {
            if (spec.layer(l).bias()) {
                bs.set(l - 1, new HostMatrix(1, spec.width(l)));
            }
        }
        ParameterSet p = ParameterSet.upload(spec, b, ws, bs);
        return new CertificateContext(spec, new Network(p), x, y, ws, bs, List.of(), optimizer,
                ValidatedParams.empty(), axis, eta, red, 1);
    }

    /** N rows uniform on the sphere of radius √d. */
    public static HostMatrix sphere(int n, int d, long seed) {
        HostMatrix x = new HostMatrix(n, d);
        Rng r = Rng.of(seed).stream("sphere");
        r.fillGaussian(x.data(), 1);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += x.get(i, j) * x.get(i, j);
            }
            double f = Math.sqrt(d / s);
            for (int j = 0; j < d; j++) {
                x.set(i, j, x.get(i, j) * f);
            }
        }
        return x;
    }

    /** ±1 labels, N × 1. */
    public static HostMatrix signs(int n, long seed) {
        HostMatrix y = new HostMatrix(n, 1);
        Rng r = Rng.of(seed).stream("signs");
        for (int i = 0; i < n; i++) {
            y.set(i, 0, r.nextBoolean() ? 1 : -1);
        }
        return y;
    }

    /** LeCun weights N(0, 1/n_{l−1}) for the widths d, n_1, ..., n_L. */
    public static List<HostMatrix> lecun(int d, int[] widths, long seed) {
        List<HostMatrix> ws = new ArrayList<>();
        int prev = d;
        Rng r = Rng.of(seed).stream("lecun");
        for (int w : widths) {
            HostMatrix m = new HostMatrix(prev, w);
            r.fillGaussian(m.data(), 1 / Math.sqrt(prev));
            ws.add(m);
            prev = w;
        }
        return ws;
    }
}
