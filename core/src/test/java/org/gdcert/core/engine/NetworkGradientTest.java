package org.gdcert.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.testing.ReferenceBackend;
import org.gdcert.core.testing.TestActivations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gradients, JVPs and VJPs of the engine against central finite differences, for depths 1–5, with
 * and without biases, residual blocks, NTK-style scales and frozen layers.
 */
class NetworkGradientTest {
    private static final double FD_STEP = 1e-6;
    private static final double REL_TOL = 1e-6;
    private final Backend backend = new ReferenceBackend();

    @AfterEach
    void close() {
        backend.close();
    }

    record Variant(String name, int depth, boolean bias, boolean residual, boolean ntk, boolean frozen, Activation act) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> variants() {
        List<Arguments> out = new ArrayList<>();
        Activation[] acts = {TestActivations.TANH, TestActivations.SOFTPLUS, TestActivations.WIGGLE};
        String[] names = {"tanh", "softplus", "wiggle"};
        for (int depth = 1; depth <= 5; depth++) {
            for (int a = 0; a < acts.length; a++) {
                for (boolean bias : new boolean[] {false, true}) {
                    out.add(Arguments.of(new Variant("L" + depth + "-" + names[a] + (bias ? "-bias" : ""), depth, bias,
                            false, false, false, acts[a])));
                }
            }
            if (depth >= 3) {
                out.add(Arguments.of(new Variant("L" + depth + "-residual", depth, false, true, false, false,
                        TestActivations.TANH)));
                out.add(Arguments.of(new Variant("L" + depth + "-residual-ntk-bias", depth, true, true, true, false,
                        TestActivations.WIGGLE)));
            }
            if (depth >= 2) {
                out.add(Arguments.of(new Variant("L" + depth + "-ntk", depth, false, false, true, false,
                        TestActivations.SOFTPLUS)));
                out.add(Arguments.of(new Variant("L" + depth + "-frozen", depth, true, false, false, true,
                        TestActivations.TANH)));
            }
        }
        return out.stream();
    }

    /** d = 4, hidden widths 5 (equal, so residual blocks fit), output 3. */
    private static NetworkSpec spec(Variant v) {
        List<LayerSpec> layers = new ArrayList<>();
        int m = 5;
        for (int l = 1; l <= v.depth; l++) {
            boolean out = l == v.depth;
            LayerSpec s = out ? LayerSpec.output(3) : LayerSpec.hidden(m, TestActivations.configured("act", v.act));
            s = s.withBias(v.bias);
            if (v.residual && !out && l >= 2) {
                s = s.withResidual(true).withScales(1, 0.7 / Math.sqrt(m));
            } else if (v.ntk && !out) {
                s = s.withScales(1.0, Math.sqrt(2.0 / m));
            }
            if (v.ntk && out) {
                s = s.withScales(0.8, 1);
            }
            if (v.frozen && l == 1) {
                s = s.withTrainable(false);
            }
            layers.add(s);
        }
        return new NetworkSpec(4, layers, v.ntk ? "ntk" : "standard");
    }

    private ParameterSet randomParams(NetworkSpec spec, Rng rng, double scale) {
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

    private HostMatrix random(int r, int c, Rng rng) {
        HostMatrix m = new HostMatrix(r, c);
        rng.fillGaussian(m.data(), 1);
        return m;
    }

    private double loss(Network net, Matrix x, Matrix y) {
        ForwardPass fp = net.newForwardPass(x.rows());
        net.forward(x, fp);
        return net.loss(fp, y);
    }

    private HostMatrix output(Network net, Matrix x) {
        ForwardPass fp = net.newForwardPass(x.rows());
        net.forward(x, fp);
        return backend.download(fp.output());
    }

    /** Applies f to each trainable scalar of θ in turn, perturbing it by ±h. */
    interface ScalarProbe {
        void at(int layer, boolean isBias, int index, double fdValue);
    }

    private void finiteDifferences(Network net, java.util.function.ToDoubleFunction<Network> f, ScalarProbe probe) {
        ParameterSet p = net.parameters();
        for (int l = 1; l <= p.depth(); l++) {
            if (!p.spec().layer(l).trainable()) {
                continue;
            }
            for (int which = 0; which < 2; which++) {
                Matrix mat = which == 0 ? p.weight(l) : p.bias(l);
                if (mat == null) {
                    continue;
                }
                HostMatrix h = backend.download(mat);
                for (int i = 0; i < h.data().length; i++) {
                    double orig = h.data()[i];
                    h.data()[i] = orig + FD_STEP;
                    backend.upload(h, mat);
                    double plus = f.applyAsDouble(net);
                    h.data()[i] = orig - FD_STEP;
                    backend.upload(h, mat);
                    double minus = f.applyAsDouble(net);
                    h.data()[i] = orig;
                    backend.upload(h, mat);
                    probe.at(l, which == 1, i, (plus - minus) / (2 * FD_STEP));
                }
            }
        }
    }

    private static double flatValue(ParameterSet g, Backend b, int l, boolean bias, int i) {
        return b.download(bias ? g.bias(l) : g.weight(l)).data()[i];
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void gradientMatchesCentralDifferences(Variant v) {
        Rng rng = Rng.of(11 + v.depth);
        NetworkSpec spec = spec(v);
        Network net = new Network(randomParams(spec, rng, 1.2));
        Matrix x = backend.upload(random(6, 4, rng));
        Matrix y = backend.upload(random(6, 3, rng));
        ForwardPass fp = net.newForwardPass(6);
        net.forward(x, fp);
        net.loss(fp, y);
        ParameterSet grad = net.parameters().zerosLike();
        net.gradient(fp, grad);
        double[] maxErr = {0};
        double[] scale = {Math.sqrt(grad.normSquared())};
        finiteDifferences(net, n -> loss(n, x, y), (l, isBias, i, fd) -> {
            double an = flatValue(grad, backend, l, isBias, i);
            maxErr[0] = Math.max(maxErr[0], Math.abs(an - fd));
        });
        assertThat(scale[0]).isGreaterThan(1e-3);
        assertThat(maxErr[0] / scale[0]).as("relative gradient error").isLessThan(REL_TOL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void jvpMatchesDirectionalDifferences(Variant v) {
        Rng rng = Rng.of(23 + v.depth);
        NetworkSpec spec = spec(v);
        Network net = new Network(randomParams(spec, rng, 1.1));
        Matrix x = backend.upload(random(5, 4, rng));
        ParameterSet dir = randomParams(spec, rng, 1.0);
        ForwardPass fp = net.newForwardPass(5);
        net.forward(x, fp);
        Matrix jv = backend.zeros(5, 3);
        net.jvp(fp, dir, jv);
        HostMatrix analytic = backend.download(jv);

        ParameterSet theta = net.parameters();
        ParameterSet saved = theta.copy();
        theta.axpyInPlace(FD_STEP, dir);
        HostMatrix plus = output(net, x);
        theta.copyFrom(saved);
        theta.axpyInPlace(-FD_STEP, dir);
        HostMatrix minus = output(net, x);
        theta.copyFrom(saved);
        HostMatrix fd = new HostMatrix(5, 3);
        for (int i = 0; i < fd.data().length; i++) {
            fd.data()[i] = (plus.data()[i] - minus.data()[i]) / (2 * FD_STEP);
        }
        assertThat(analytic.maxAbsDiff(fd) / fd.frobeniusNorm()).as("relative JVP error").isLessThan(REL_TOL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void vjpMatchesDifferencesOfProjectedOutput(Variant v) {
        Rng rng = Rng.of(37 + v.depth);
        NetworkSpec spec = spec(v);
        Network net = new Network(randomParams(spec, rng, 1.0));
        Matrix x = backend.upload(random(4, 4, rng));
        HostMatrix u = random(4, 3, rng);
        Matrix ud = backend.upload(u);
        ForwardPass fp = net.newForwardPass(4);
        net.forward(x, fp);
        ParameterSet g = net.parameters().zerosLike();
        net.vjp(fp, ud, g);
        double[] maxErr = {0};
        double scale = Math.sqrt(g.normSquared());
        finiteDifferences(net, n -> {
            HostMatrix o = output(n, x);
            double s = 0;
            for (int i = 0; i < o.data().length; i++) {
                s += o.data()[i] * u.data()[i];
            }
            return s;
        }, (l, isBias, i, fd) -> maxErr[0] = Math.max(maxErr[0], Math.abs(flatValue(g, backend, l, isBias, i) - fd)));
        assertThat(maxErr[0] / scale).as("relative VJP error").isLessThan(REL_TOL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void jvpAndVjpAreAdjoint(Variant v) {
        Rng rng = Rng.of(41 + v.depth);
        NetworkSpec spec = spec(v);
        Network net = new Network(randomParams(spec, rng, 1.0));
        Matrix x = backend.upload(random(7, 4, rng));
        ParameterSet dir = randomParams(spec, rng, 1.0);
        Matrix u = backend.upload(random(7, 3, rng));
        ForwardPass fp = net.newForwardPass(7);
        net.forward(x, fp);
        Matrix jv = backend.zeros(7, 3);
        net.jvp(fp, dir, jv);
        ParameterSet jtu = net.parameters().zerosLike();
        net.vjp(fp, u, jtu);
        double lhs = backend.dot(u, jv);
        double rhs = jtu.dot(dir);
        assertThat(Math.abs(lhs - rhs)).isLessThan(1e-12 * Math.max(1, Math.abs(lhs)));
    }

    @Test
    void frozenLayersGetNoGradientAndAreNotUpdated() {
        Variant v = new Variant("frozen", 3, false, false, false, true, TestActivations.TANH);
        NetworkSpec spec = spec(v);
        Rng rng = Rng.of(5);
        Network net = new Network(randomParams(spec, rng, 1.0));
        HostMatrix w1 = backend.download(net.parameters().weight(1));
        ParameterSet g = net.parameters().zerosLike();
        backend.fill(g.weight(1), 7.0);
        Matrix x = backend.upload(random(3, 4, rng));
        Matrix y = backend.upload(random(3, 3, rng));
        ForwardPass fp = net.newForwardPass(3);
        net.forward(x, fp);
        net.loss(fp, y);
        net.gradient(fp, g);
        net.parameters().axpyInPlace(-0.1, g);
        assertThat(backend.download(net.parameters().weight(1))).isEqualTo(w1);
        assertThat(net.parameters().trainableSize()).isEqualTo(5 * 5 + 5 * 3);
    }

    @Test
    void lossIsHalfSquaredFrobeniusNormOfResidual() {
        NetworkSpec spec = new NetworkSpec(2, List.of(LayerSpec.output(1)));
        Network net = new Network(ParameterSet.upload(spec, backend, List.of(HostMatrix.of(new double[][] {{1}, {2}})),
                java.util.Arrays.asList((HostMatrix) null)));
        Matrix x = backend.upload(HostMatrix.of(new double[][] {{1, 1}, {0, 1}}));
        Matrix y = backend.upload(HostMatrix.of(new double[][] {{1}, {0}}));
        ForwardPass fp = net.newForwardPass(2);
        net.forward(x, fp);
        // outputs 3 and 2, residuals 2 and 2: Φ = ½ (4 + 4) = 4
        assertThat(net.loss(fp, y)).isEqualTo(4.0);
    }
}
