package org.gdcert.certificates.du;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.spi.ValidatedParams;
import org.gdcert.core.testing.ReferenceBackend;
import org.gdcert.core.testing.TestActivations;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.LossReduction;

/** Builders of seed 002's networks and of certificate contexts on the reference backend. */
final class DuFixtures {
    private DuFixtures() {
    }

    static final ReferenceBackend BACKEND = new ReferenceBackend();

    static double cSigma(Activation a) {
        return new GaussianExpectations(a, 128).cSigma();
    }

    /** FC: d → m (×H, multiplier √(c_σ/m)) → 1. */
    static NetworkSpec fc(int d, int m, int depth, String name, Activation a) {
        Configured<Activation> act = TestActivations.configured(name, a);
        double s = Math.sqrt(cSigma(a) / m);
        List<LayerSpec> layers = new ArrayList<>();
        for (int h = 1; h <= depth; h++) {
            layers.add(LayerSpec.hidden(m, act).withScales(1, s));
        }
        layers.add(LayerSpec.output(1));
        return new NetworkSpec(d, layers, "ntk");
    }

    /** ResNet: first layer √(c_σ/m)σ(·), layers 2..H residual with c_res/(H√m). */
    static NetworkSpec resnet(int d, int m, int depth, double cRes, String name, Activation a) {
        Configured<Activation> act = TestActivations.configured(name, a);
        double s = Math.sqrt(cSigma(a) / m);
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(LayerSpec.hidden(m, act).withScales(1, s));
        for (int h = 2; h <= depth; h++) {
            layers.add(LayerSpec.hidden(m, act).withScales(1, cRes / (depth * Math.sqrt(m))).withResidual(true));
        }
        layers.add(LayerSpec.output(1));
        return new NetworkSpec(d, layers, "ntk");
    }

    /** i.i.d. N(0, std²) weights for every layer, from a seeded stream. */
    static List<HostMatrix> gaussianWeights(NetworkSpec spec, long seed, double std) {
        Rng rng = Rng.of(seed).stream("init");
        List<HostMatrix> w = new ArrayList<>();
        for (int l = 1; l <= spec.depth(); l++) {
            HostMatrix h = new HostMatrix(spec.width(l - 1), spec.width(l));
            rng.fillGaussian(h.data(), std);
            w.add(h);
        }
        return w;
    }

    static Configured<Initializer> init(String name) {
        return new Configured<>(name, ValidatedParams.empty(), (layer, w, rng) -> rng.fillGaussian(w.data(), 1));
    }

    /** A builder of contexts with seed 002's defaults (gd, SUM_HALF, N(0,1) weights from standard_normal). */
    static final class Ctx {
        NetworkSpec spec;
        double[][] x;
        double[] y;
        long seed = 1;
        String optimizer = "gd";
        Axis axis = Axis.STEP;
        OptionalDouble eta = OptionalDouble.of(0.1);
        LossReduction reduction = LossReduction.SUM_HALF;
        String initName = "standard_normal";
        Configured<Initializer> initializer;
        List<HostMatrix> weights;

        Ctx(NetworkSpec spec, double[][] x, double[] y) {
            this.spec = spec;
            this.x = x;
            this.y = y;
        }

        CertificateContext build() {
            return buildWithTargets(null);
        }

        /** With a target matrix (N × n_L) instead of {@link #y}. */
        CertificateContext buildWithTargets(double[][] targets) {
            List<HostMatrix> w = weights != null ? weights : gaussianWeights(spec, seed, 1);
            List<HostMatrix> b = new ArrayList<>();
            for (int l = 1; l <= spec.depth(); l++) {
                HostMatrix bias = spec.layer(l).bias() ? new HostMatrix(1, spec.width(l)) : null;
                b.add(bias);
            }
            ParameterSet p = ParameterSet.upload(spec, BACKEND, w, b);
            List<Configured<Initializer>> inits = new ArrayList<>();
            for (int l = 1; l <= spec.depth(); l++) {
                inits.add(initializer != null ? initializer : init(initName));
            }
            HostMatrix hy = targets != null ? HostMatrix.of(targets) : new HostMatrix(y.length, 1, y.clone());
            return new CertificateContext(spec, new Network(p), HostMatrix.of(x), hy, w, b, inits, optimizer,
                    ValidatedParams.empty(), axis, eta, reduction, seed);
        }
    }

    /** u = f(θ, X) of a network on the reference backend. */
    static double[] outputs(Network net, double[][] x) {
        try (Matrix mx = BACKEND.upload(HostMatrix.of(x)); ForwardPass fp = net.newForwardPass(x.length)) {
            net.forward(mx, fp);
            return BACKEND.download(fp.output()).data().clone();
        }
    }

    /** n unit vectors in ℝ^d from a seeded stream. */
    static double[][] sphere(int n, int d, long seed) {
        Rng rng = Rng.of(seed).stream("data");
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < d; k++) {
                x[i][k] = rng.nextGaussian();
                s += x[i][k] * x[i][k];
            }
            for (int k = 0; k < d; k++) {
                x[i][k] /= Math.sqrt(s);
            }
        }
        return x;
    }
}
