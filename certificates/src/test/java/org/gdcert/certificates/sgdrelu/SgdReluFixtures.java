package org.gdcert.certificates.sgdrelu;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Properties;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.io.Npy;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;
import org.gdcert.core.testing.ReferenceBackend;
import org.gdcert.core.testing.TestActivations;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.LossReduction;

/**
 * Seed 004's instances for the tests: two-layer ReLU networks on the reference backend, the
 * Section 6 data model (unit-sphere rows, balanced ±1 labels, W0 ~ N(0, β_w²), V0 ~ N(0, 1/d1)),
 * the T-DI-2 fixture drawn by NumPy (src/test/resources/sgdrelu/make_tdi2_fixture.py), and
 * test-only activations (the certificates module does not depend on the activations module).
 */
final class SgdReluFixtures {
    private SgdReluFixtures() {
    }

    static final ReferenceBackend BACKEND = new ReferenceBackend();

    /** ReLU with σ'(0) = s0, as the activations module's {@code relu(derivative_at_zero)}. */
    static Activation relu(double s0) {
        return TestActivations.relu(s0);
    }

    /** Leaky ReLU with slope γ for x &lt; 0. */
    static Activation leaky(double gamma) {
        return TestActivations.leaky(gamma);
    }

    /** d0 → d1 (σ) → d2, no biases, both layers trained. */
    static NetworkSpec shallow(int d0, int d1, int d2, String name, Activation a) {
        return new NetworkSpec(d0, List.of(LayerSpec.hidden(d1, TestActivations.configured(name, a)),
                LayerSpec.output(d2)));
    }

    static NetworkSpec shallow(int d0, int d1, int d2) {
        return shallow(d0, d1, d2, "relu", relu(0));
    }

    /** The schema of the initializers module's {@code shallow_gaussian} (for Configured records). */
    static final ParameterSchema SHALLOW_GAUSSIAN = ParameterSchema.of(
            ParameterSpec.real("beta_w", 0, "").positive().withSymbols("lecun").withSymbolDefault("lecun"),
            ParameterSpec.real("beta_v", 0, "").positive().withSymbols("lecun").withSymbolDefault("lecun"),
            ParameterSpec.real("rho", 0, "").nonNegative().withSymbols("none").withSymbolDefault("none"));

    /** The schema of {@code gaussian(std, var)}. */
    static final ParameterSchema GAUSSIAN = ParameterSchema.of(ParameterSpec.real("std", 1.0, "").nonNegative(),
            ParameterSpec.real("var", 1.0, "").nonNegative());

    static Configured<Initializer> initializer(String name, ParameterSchema schema, Argument... args) {
        ValidatedParams p = schema.validateOrThrow(name, List.of(args));
        return new Configured<>(name, p, (layer, w, rng) -> {
            throw new UnsupportedOperationException("test initializer");
        });
    }

    /** N rows uniform on the sphere of radius r in ℝ^d. */
    static double[][] sphere(int n, int d, double radius, Rng rng) {
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < d; k++) {
                x[i][k] = rng.nextGaussian();
                s += x[i][k] * x[i][k];
            }
            double f = radius / Math.sqrt(s);
            for (int k = 0; k < d; k++) {
                x[i][k] *= f;
            }
        }
        return x;
    }

    /** Exactly N/2 labels +1 and the rest −1, in random order. */
    static double[][] balancedLabels(int n, Rng rng) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            y[perm[i]][0] = i < n / 2 ? -1 : 1;
        }
        return y;
    }

    static HostMatrix gaussian(int rows, int cols, double std, Rng rng) {
        HostMatrix m = new HostMatrix(rows, cols);
        rng.fillGaussian(m.data(), std);
        return m;
    }

    /** A context builder with seed 004's Section 6 defaults (clarke, SUM_HALF). */
    static final class Ctx {
        NetworkSpec spec;
        HostMatrix x;
        HostMatrix y;
        HostMatrix w;
        HostMatrix v;
        long seed = 1;
        String optimizer = "clarke";
        ValidatedParams optimizerParams = ValidatedParams.empty();
        Axis axis = Axis.TIME;
        OptionalDouble eta = OptionalDouble.empty();
        LossReduction reduction = LossReduction.SUM_HALF;
        List<Configured<Initializer>> initializers = List.of();

        Ctx(NetworkSpec spec, HostMatrix x, HostMatrix y, HostMatrix w, HostMatrix v) {
            this.spec = spec;
            this.x = x;
            this.y = y;
            this.w = w;
            this.v = v;
        }

        Ctx discrete(String name, double step, ValidatedParams params) {
            optimizer = name;
            axis = Axis.STEP;
            eta = OptionalDouble.of(step);
            optimizerParams = params;
            return this;
        }

        CertificateContext build() {
            List<HostMatrix> weights = List.of(w, v);
            List<HostMatrix> biases = new ArrayList<>();
            for (int l = 1; l <= spec.depth(); l++) {
                biases.add(spec.layer(l).bias() ? new HostMatrix(1, spec.width(l)) : null);
            }
            List<HostMatrix> ws = new ArrayList<>(weights);
            while (ws.size() < spec.depth()) {
                ws.add(new HostMatrix(spec.width(ws.size()), spec.width(ws.size() + 1)));
            }
            ParameterSet p = ParameterSet.upload(spec, BACKEND, ws, biases);
            return new CertificateContext(spec, new Network(p), x, y, ws, biases, initializers, optimizer,
                    optimizerParams, axis, eta, reduction, seed);
        }
    }

    /** Section 6's data and initialization: unit-sphere X, ±1 labels, W0 ~ N(0, β_w²), V0 ~ N(0, 1/d1). */
    static Ctx section6(int n, int d0, int d1, long seed, double radius, double betaW) {
        Rng rng = Rng.of(seed);
        HostMatrix x = HostMatrix.of(sphere(n, d0, radius, rng.stream("data")));
        HostMatrix y = HostMatrix.of(balancedLabels(n, rng.stream("labels")));
        Rng init = rng.stream("init");
        HostMatrix w = gaussian(d0, d1, betaW, init);
        HostMatrix v = gaussian(d1, 1, 1 / Math.sqrt(d1), init);
        Ctx c = new Ctx(shallow(d0, d1, 1), x, y, w, v);
        c.seed = seed;
        return c;
    }

    static Ctx section6(int n, int d0, int d1, long seed) {
        return section6(n, d0, d1, seed, 1, 1);
    }

    /** The T-DI-2 instance (NumPy seed 0, N = d0 = 10, d1 = 5000). */
    static Ctx tdi2() {
        HostMatrix x = Npy.readMatrix(resource("tdi2_X.npy"));
        HostMatrix y = Npy.readMatrix(resource("tdi2_Y.npy"));
        HostMatrix w = Npy.readMatrix(resource("tdi2_W0.npy"));
        HostMatrix v = Npy.readMatrix(resource("tdi2_V0.npy"));
        return new Ctx(shallow(10, 5000, 1), x, y, w, v);
    }

    /** The reference numbers of make_tdi2_fixture.py. */
    static Properties tdi2Reference() {
        Properties p = new Properties();
        try (InputStream in = SgdReluFixtures.class.getResourceAsStream("/sgdrelu/tdi2_reference.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }

    static double ref(Properties p, String key) {
        return Double.parseDouble(p.getProperty(key));
    }

    static Path resource(String name) {
        try {
            return Path.of(SgdReluFixtures.class.getResource("/sgdrelu/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The median of five or more values. */
    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}
