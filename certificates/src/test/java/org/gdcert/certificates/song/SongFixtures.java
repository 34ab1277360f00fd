package org.gdcert.certificates.song;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/**
 * The spec's fixtures (certificates-song.md §7) and builders of certificate contexts on the
 * reference backend. Fixtures are written in the paper's layout (X d0×n, W d1×d0, V d2×d1, Y d2×n)
 * and handed to gdcert transposed (§1.2), exactly as a user's PyTorch-layout data would be.
 */
final class SongFixtures {
    private SongFixtures() {
    }

    static final ReferenceBackend BACKEND = new ReferenceBackend();

    /** Fixture B (hand): paper layout. */
    static final double[][] B_X = {{1, 0, 0.6}, {0, 1, 0.8}};
    static final double[][] B_Y = {{0.3, -0.2, 0.1}};
    static final double[][] B_W = {{0.5, -0.3}, {0.2, 0.8}, {-0.7, 0.1}, {0.4, 0.4}};
    static final double[][] B_V = {{0.1, -0.2, 0.05, 0.15}};

    /** An instance in the paper's layout. */
    record Paper(HostMatrix x, HostMatrix y, HostMatrix w, HostMatrix v) {
        static Paper of(double[][] x, double[][] y, double[][] w, double[][] v) {
            return new Paper(HostMatrix.of(x), HostMatrix.of(y), HostMatrix.of(w), HostMatrix.of(v));
        }

        int n() {
            return x.cols();
        }

        int d0() {
            return x.rows();
        }

        int d1() {
            return w.rows();
        }

        int d2() {
            return v.rows();
        }

        /** The same instance with other targets (paper layout, d2 × n). */
        Paper withTargets(HostMatrix targets) {
            return new Paper(x, targets, w, v);
        }
    }

    static Paper fixtureB() {
        return Paper.of(B_X, B_Y, B_W, B_V);
    }

    /** Fixture C: the first two hidden units of B (d1 = 2 < n = 3). */
    static Paper fixtureC() {
        return Paper.of(B_X, B_Y, new double[][] {B_W[0], B_W[1]}, new double[][] {{B_V[0][0], B_V[0][1]}});
    }

    /** The numpy-drawn inputs of fixtures D/E (test resource song/fixture_d.txt); Y = Z0 + ε E. */
    static Paper fixtureD(double eps, Activation gelu) {
        Map<String, HostMatrix> m = readMatrices("/song/fixture_d.txt");
        Paper p = new Paper(m.get("X"), new HostMatrix(2, 4), m.get("W0"), m.get("V0"));
        HostMatrix z0 = outputsPaper(p, gelu);
        HostMatrix e = m.get("E");
        HostMatrix y = new HostMatrix(z0.rows(), z0.cols());
        for (int i = 0; i < y.data().length; i++) {
            y.data()[i] = z0.data()[i] + eps * e.data()[i];
        }
        return p.withTargets(y);
    }

    /** The noise matrix E of fixture D (paper layout, unit Frobenius norm). */
    static HostMatrix fixtureDNoise() {
        return readMatrices("/song/fixture_d.txt").get("E");
    }

    /** Z0 = V φ(W X) in the paper's layout, computed by textbook loops (independent of gdcert's engine). */
    static HostMatrix outputsPaper(Paper p, Activation phi) {
        int n = p.n();
        int d1 = p.d1();
        HostMatrix z = new HostMatrix(p.d2(), n);
        for (int a = 0; a < n; a++) {
            for (int c = 0; c < d1; c++) {
                double pre = 0;
                for (int k = 0; k < p.d0(); k++) {
                    pre += p.w().get(c, k) * p.x().get(k, a);
                }
                double h = phi.value(pre);
                for (int k = 0; k < p.d2(); k++) {
                    z.set(k, a, z.get(k, a) + p.v().get(k, c) * h);
                }
            }
        }
        return z;
    }

    /** A seeded instance in the paper's layout: unit-norm Gaussian columns X, W0 ~ N(0, ω1²), V0 ~ N(0, ω2²). */
    static Paper random(long seed, int n, int d0, int d1, int d2, double omega1, double omega2) {
        Rng rng = Rng.of(seed);
        HostMatrix x = new HostMatrix(d0, n);
        rng.stream("data").fillGaussian(x.data(), 1);
        for (int a = 0; a < n; a++) {
            double s = 0;
            for (int k = 0; k < d0; k++) {
                s += x.get(k, a) * x.get(k, a);
            }
            for (int k = 0; k < d0; k++) {
                x.set(k, a, x.get(k, a) / Math.sqrt(s));
            }
        }
        HostMatrix w = new HostMatrix(d1, d0);
        rng.stream("W").fillGaussian(w.data(), omega1);
        HostMatrix v = new HostMatrix(d2, d1);
        rng.stream("V").fillGaussian(v.data(), omega2);
        HostMatrix y = new HostMatrix(d2, n);
        rng.stream("Y").fillGaussian(y.data(), 1);
        return new Paper(x, y, w, v);
    }

    /** A unit-Frobenius-norm Gaussian d2 × n matrix from a seeded stream. */
    static HostMatrix unitNoise(long seed, int d2, int n) {
        HostMatrix e = new HostMatrix(d2, n);
        Rng.of(seed).stream("E").fillGaussian(e.data(), 1);
        e.scaleInPlace(1 / e.frobeniusNorm());
        return e;
    }

    static Configured<Initializer> init(String name) {
        return new Configured<>(name, ValidatedParams.empty(), (layer, w, rng) -> rng.fillGaussian(w.data(), 1));
    }

    /** A builder of contexts for seed 003's network (defaults: gd with η = 1e-3, SUM = the paper's h). */
    static final class Ctx {
        final Paper paper;
        Configured<Activation> activation;
        String optimizer = "gd";
        Axis axis = Axis.STEP;
        OptionalDouble eta = OptionalDouble.of(1e-3);
        LossReduction reduction = LossReduction.SUM;
        List<Configured<Initializer>> initializers = List.of(init("gaussian"), init("gaussian"));
        boolean bias;
        boolean frozen;
        double weightScale = 1;

        Ctx(Paper paper, String name, Activation a) {
            this.paper = paper;
            this.activation = TestActivations.configured(name, a);
        }

        Ctx flow() {
            optimizer = "flow";
            axis = Axis.TIME;
            eta = OptionalDouble.empty();
            return this;
        }

        Ctx eta(double e) {
            eta = OptionalDouble.of(e);
            return this;
        }

        NetworkSpec spec() {
            LayerSpec hidden = LayerSpec.hidden(paper.d1(), activation).withBias(bias).withScales(weightScale, 1);
            LayerSpec out = LayerSpec.output(paper.d2()).withTrainable(!frozen);
            return new NetworkSpec(paper.d0(), List.of(hidden, out));
        }

        /** gdcert's row-major layout: X (n×d0), Y (n×d2), W_1 = Wᵀ (d0×d1), W_2 = Vᵀ (d1×d2). */
        CertificateContext build() {
            NetworkSpec spec = spec();
            List<HostMatrix> w = List.of(paper.w().transpose(), paper.v().transpose());
            List<HostMatrix> b = new ArrayList<>();
            for (int l = 1; l <= 2; l++) {
                b.add(spec.layer(l).bias() ? new HostMatrix(1, spec.width(l)) : null);
            }
            ParameterSet p = ParameterSet.upload(spec, BACKEND, w, b);
            return new CertificateContext(spec, new Network(p), paper.x().transpose(), paper.y().transpose(), w, b,
                    initializers, optimizer, ValidatedParams.empty(), axis, eta, reduction, 7);
        }
    }

    /** F_L of a network on the reference backend for row-major inputs. */
    static HostMatrix outputs(Network net, HostMatrix x) {
        try (Matrix mx = BACKEND.upload(x); ForwardPass fp = net.newForwardPass(x.rows())) {
            net.forward(mx, fp);
            return BACKEND.download(fp.output());
        }
    }

    private static Map<String, HostMatrix> readMatrices(String resource) {
        Map<String, HostMatrix> out = new HashMap<>();
        try (InputStream in = SongFixtures.class.getResourceAsStream(resource);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] head = line.trim().split("\\s+");
                int rows = Integer.parseInt(head[1]);
                int cols = Integer.parseInt(head[2]);
                HostMatrix m = new HostMatrix(rows, cols);
                for (int i = 0; i < rows; i++) {
                    String[] vals = r.readLine().trim().split("\\s+");
                    for (int j = 0; j < cols; j++) {
                        m.set(i, j, Double.parseDouble(vals[j]));
                    }
                }
                out.put(head[0], m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
