package org.gdcert.optimizers.monitors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
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
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.testing.ReferenceBackend;
import org.gdcert.core.testing.TestActivations;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.Iterate;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

class MonitorsTest {
    /** Gram formula against the explicit Jacobian: both exact up to roundoff. */
    private static final double GRAM_TOL = 1e-10;

    private static final Configured<Activation> RELU = TestActivations.configured("relu", TestActivations.RELU);

    /** A network on the reference backend with data, and iterates at its current parameters. */
    private static final class Net implements AutoCloseable {
        final Backend backend = new ReferenceBackend();
        final NetworkSpec spec;
        final ParameterSet params;
        final Network network;
        final Matrix x;
        final Matrix y;
        final ParameterSet initial;
        final List<ForwardPass> passes = new ArrayList<>();

        Net(NetworkSpec spec, int n, long seed) {
            this.spec = spec;
            Rng rng = Rng.of(seed);
            HostMatrix hx = new HostMatrix(n, spec.inputDim());
            rng.fillGaussian(hx.data(), 1);
            HostMatrix hy = new HostMatrix(n, spec.outputDim());
            rng.fillGaussian(hy.data(), 1);
            List<HostMatrix> w = new ArrayList<>();
            List<HostMatrix> b = new ArrayList<>();
            for (int l = 1; l <= spec.depth(); l++) {
                HostMatrix wl = new HostMatrix(spec.width(l - 1), spec.width(l));
                rng.fillGaussian(wl.data(), 1 / Math.sqrt(spec.width(l - 1)));
                w.add(wl);
                HostMatrix bl = null;
                if (spec.layer(l).bias()) {
                    bl = new HostMatrix(1, spec.width(l));
                    rng.fillGaussian(bl.data(), 0.3);
                }
                b.add(bl);
            }
            params = ParameterSet.upload(spec, backend, w, b);
            network = new Network(params);
            x = backend.upload(hx);
            y = backend.upload(hy);
            initial = params.copy();
        }

        Iterate iterate(long k) {
            ForwardPass fp = network.newForwardPass(x.rows());
            passes.add(fp);
            network.forward(x, fp);
            double loss = network.loss(fp, y);
            return new Iterate(k, k, loss, network, fp, x, y, initial, Axis.STEP, 0.1);
        }

        /** The explicit Jacobian of vec(F_L) (rows (i, c)) with respect to the trainable parameters. */
        double[][] jacobian() {
            int n = x.rows();
            int k = spec.outputDim();
            double[][] j = new double[n * k][params.trainableSize()];
            try (ForwardPass fp = network.newForwardPass(n); ParameterSet g = params.zerosLike()) {
                network.forward(x, fp);
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < k; c++) {
                        HostMatrix e = new HostMatrix(n, k);
                        e.data()[i * k + c] = 1;
                        try (Matrix u = backend.upload(e)) {
                            network.vjp(fp, u, g);
                        }
                        g.flattenTrainable(j[c * n + i]);
                    }
                }
            }
            return j;
        }

        /** θ += step·(a random direction) on trainable layers. */
        void move(double step, long seed) {
            try (ParameterSet d = params.zerosLike()) {
                double[] flat = new double[params.trainableSize()];
                Rng.of(seed).fillGaussian(flat, step);
                d.unflattenTrainable(flat);
                params.axpyInPlace(1, d);
            }
        }

        @Override
        public void close() {
            passes.forEach(ForwardPass::close);
            backend.close();
        }
    }

    private static double opNorm(double[][] a) {
        return new SingularValueDecomposition(new Array2DRowRealMatrix(a, false)).getNorm();
    }

    private static double[][] minus(double[][] a, double[][] b) {
        double[][] r = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                r[i][j] = a[i][j] - b[i][j];
            }
        }
        return r;
    }

    private static void checkDeltaD(NetworkSpec spec, double step) {
        try (Net net = new Net(spec, 9, 4)) {
            Monitor m = new DeltaDMonitorProvider().configureDefaults().instance();
            Iterate a = net.iterate(0);
            m.start(a);
            assertThat(m.observe(a)).containsOnly(Double.NaN);
            double[][] jp = net.jacobian();
            net.move(step, 8);
            double[][] jk = net.jacobian();
            double[] v = m.observe(net.iterate(1));
            double expected = opNorm(minus(jk, jp)) / opNorm(jp);
            assertThat(expected).isPositive();
            assertThat(v[0]).isCloseTo(expected, Offset.offset(GRAM_TOL * expected));
            assertThat(v[1]).isCloseTo(opNorm(jk), Offset.offset(GRAM_TOL * opNorm(jk)));
        }
    }

    @Test
    void deltaDEqualsTheExplicitJacobianChangeForReluWithFrozenOutput() {
        NetworkSpec s2 = new NetworkSpec(4, List.of(LayerSpec.hidden(6, RELU),
                LayerSpec.output(1).withTrainable(false)));
        checkDeltaD(s2, 0.5);
    }

    @Test
    void deltaDEqualsTheExplicitJacobianChangeWithBiasesScalesAndTwoOutputs() {
        Configured<Activation> tanh = TestActivations.configured("tanh", TestActivations.TANH);
        NetworkSpec net = new NetworkSpec(3, List.of(LayerSpec.hidden(5, tanh).withBias(true).withScales(0.7, 1.3),
                LayerSpec.output(2).withBias(true).withScales(0.4, 1)));
        checkDeltaD(net, 0.3);
        NetworkSpec s1 = new NetworkSpec(4, List.of(LayerSpec.hidden(6, RELU),
                LayerSpec.output(1)));
        checkDeltaD(s1, 0.5);
    }

    @Test
    void deltaDComputesOnlyAtEveryNthObservation() {
        NetworkSpec s1 = new NetworkSpec(4, List.of(LayerSpec.hidden(6, RELU),
                LayerSpec.output(1)));
        try (Net net = new Net(s1, 9, 4)) {
            Monitor m = new DeltaDMonitorProvider().configure(List.of(org.gdcert.core.spi.Argument.named("every", 3)))
                    .instance();
            List<Boolean> computed = new ArrayList<>();
            for (int k = 0; k < 7; k++) {
                computed.add(!Double.isNaN(m.observe(net.iterate(k))[0]));
                net.move(0.1, k);
            }
            assertThat(computed).containsExactly(false, false, false, true, false, false, true);
        }
    }

    @Test
    void deltaDOnADeepNetworkIsReportedNotApplicable() {
        Configured<Activation> tanh = TestActivations.configured("tanh", TestActivations.TANH);
        NetworkSpec deep = new NetworkSpec(3, List.of(LayerSpec.hidden(4, tanh), LayerSpec.hidden(4, tanh),
                LayerSpec.output(1)));
        try (Net net = new Net(deep, 5, 1)) {
            Monitor m = new DeltaDMonitorProvider().configureDefaults().instance();
            assertThat(m.observe(net.iterate(0))).containsOnly(Double.NaN);
            assertThat(m.checks()).singleElement().satisfies(c -> assertThat(c.detail()).contains("two-layer"));
        }
    }

    @Test
    void zerosAndPatternsCountWhatTheyDefine() {
        NetworkSpec s2 = new NetworkSpec(2, List.of(LayerSpec.hidden(3, RELU),
                LayerSpec.output(1)));
        try (Backend b = new ReferenceBackend()) {
            // z = X W1: row x1 = (1, 0): (0, 1e-13, 3); x2 = (0, 1): (2, -1, 4); x3 = (1, 1): (2, ~-1, 7)
            HostMatrix x = HostMatrix.of(new double[][] {{1, 0}, {0, 1}, {1, 1}});
            HostMatrix w1 = HostMatrix.of(new double[][] {{0, 1e-13, 3}, {2, -1, 4}});
            HostMatrix w2 = HostMatrix.of(new double[][] {{1}, {1}, {1}});
            ParameterSet p = ParameterSet.upload(s2, b, List.of(w1, w2), Arrays.asList(null, null));
            Network net = new Network(p);
            Matrix xd = b.upload(x);
            Matrix yd = b.zeros(3, 1);
            Monitor zeros = new ZerosMonitorProvider().configureDefaults().instance();
            Monitor strict = new ZerosMonitorProvider().configure(List.of(org.gdcert.core.spi.Argument.named("tol",
                    1e-14))).instance();
            Monitor patterns = new PatternsMonitorProvider().configureDefaults().instance();
            try (ForwardPass fp = net.newForwardPass(3); ForwardPass fp2 = net.newForwardPass(3)) {
                net.forward(xd, fp);
                Iterate it = new Iterate(0, 0, net.loss(fp, yd), net, fp, xd, yd, p.copy(), Axis.STEP, 0.1);
                // |z| < 1e-8: z11 = 0 and z12 = 1e-13; relative, |z| < 1e-8·‖w_j‖ (‖w_1‖ = 2, ‖w_2‖ ≈ 1): the same two
                assertThat(zeros.observe(it)).containsExactly(2, 2);
                assertThat(strict.observe(it)).containsExactly(1, 2);
                assertThat(patterns.observe(it)).containsOnly(Double.NaN);
                // now z12: 1e-13 -> -1e-13 (a change the filter drops), z23: 4 -> -4, z33: 7 -> -1
                b.upload(HostMatrix.of(new double[][] {{0, -1e-13, 3}, {2, -1, -4}}), p.weight(1));
                net.forward(xd, fp2);
                Iterate it2 = new Iterate(1, 1, net.loss(fp2, yd), net, fp2, xd, yd, p.copy(), Axis.STEP, 0.1);
                assertThat(patterns.observe(it2)).containsExactly(3, 2);
                assertThat(patterns.checks()).singleElement().satisfies(c -> assertThat(c.detail())
                        .contains("last change at 1"));
            }
        }
    }

    @Test
    void deltaLIsTheRelativeChangeWithARoundoffFlag() {
        NetworkSpec lin = new NetworkSpec(2, List.of(LayerSpec.output(1)));
        try (Net net = new Net(lin, 4, 2)) {
            Monitor m = new DeltaLossMonitorProvider().configureDefaults().instance();
            Iterate a = net.iterate(0);
            m.start(a);
            assertThat(m.observe(a)[0]).isNaN();
            net.move(0.2, 3);
            Iterate b = net.iterate(1);
            double[] v = m.observe(b);
            assertThat(v[0]).isEqualTo(Math.abs(b.loss() - a.loss()) / a.loss());
            assertThat(v[1]).isZero();
        }
    }

    @Test
    void lanczosFindsTheTopOfARankDeficientSpectrumExactly() {
        // G = Q Λ Q with Q = I − 2uuᵀ (‖u‖ = 1, exactly orthogonal), Λ = diag(λ) of rank 30, λ_max = 7.25
        int n = 450;
        Rng rng = Rng.of(5);
        double[] u = new double[n];
        rng.fillGaussian(u, 1);
        double un = 0;
        for (double v : u) {
            un += v * v;
        }
        for (int i = 0; i < n; i++) {
            u[i] /= Math.sqrt(un);
        }
        double[] lambda = new double[n];
        for (int i = 0; i < 30; i++) {
            lambda[i * 7] = 1 + 0.2 * i;
        }
        double top = 1 + 0.2 * 29;
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += lambda[k] * u[k] * u[k];
        }
        double[] g = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                g[i * n + j] = (i == j ? lambda[i] : 0) - 2 * u[i] * u[j] * (lambda[i] + lambda[j]) + 4 * u[i] * u[j] * s;
            }
        }
        assertThat(Spectra.lambdaMax(g, n)).isCloseTo(top, Offset.offset(1e-12 * top));
    }

    @Test
    void smallMatricesAreExact() {
        // diag(3, 1, 0) rotated: λ_max = 3 exactly; and a 1×1 matrix
        double c = Math.cos(0.3);
        double sn = Math.sin(0.3);
        double[] a = {3 * c * c + sn * sn, (3 - 1) * c * sn, 0, (3 - 1) * c * sn, 3 * sn * sn + c * c, 0, 0, 0, 0};
        assertThat(Spectra.lambdaMax(a, 3)).isCloseTo(3, Offset.offset(1e-14));
        assertThat(Spectra.lambdaMax(new double[] {2.5}, 1)).isCloseTo(2.5, Offset.offset(1e-15));
        assertThat(Spectra.lambdaMax(new double[4], 2)).isCloseTo(0, Offset.offset(1e-300));
    }
}
