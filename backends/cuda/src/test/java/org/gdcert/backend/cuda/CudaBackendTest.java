package org.gdcert.backend.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.ClosedForm;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.spi.ValidatedParams;
import org.gdcert.core.testing.ReferenceBackend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the contract suite does not cover: the device kernels of declared activations, the host
 * evaluation of the others with its one-time warning, split-K GEMM, that training leaves everything
 * on the GPU but the loss, and the memory bookkeeping. Needs a GPU (or {@code -Pemulator}); skipped
 * with the reason otherwise.
 */
class CudaBackendTest {
    private static final long SEED = 0xC0DA;
    private static final double DOUBLE_TOL = 1e-12;
    private static final double FLOAT_TOL = 1e-5;

    @BeforeEach
    void gpu() {
        Gpu.assumePresent();
    }

    private static double tol(Precision p) {
        return p == Precision.DOUBLE ? DOUBLE_TOL : FLOAT_TOL;
    }

    private static HostMatrix random(Rng rng, int rows, int cols, double scale) {
        HostMatrix m = new HostMatrix(rows, cols);
        for (int i = 0; i < m.data().length; i++) {
            m.data()[i] = scale * rng.nextDouble(-1, 1);
        }
        return m;
    }

    private static HostMatrix rounded(HostMatrix m, Precision p) {
        HostMatrix r = m.copy();
        if (p == Precision.FLOAT) {
            for (int i = 0; i < r.data().length; i++) {
                r.data()[i] = (float) r.data()[i];
            }
        }
        return r;
    }

    /** |got − f(x)| ≤ tol·(|f(x)| + 1) entrywise, NaN where f gives NaN. */
    private static void assertMaps(HostMatrix got, HostMatrix x, DoubleUnaryOperator f, double tol, String what) {
        for (int i = 0; i < x.data().length; i++) {
            double expected = f.applyAsDouble(x.data()[i]);
            double g = got.data()[i];
            if (Double.isNaN(expected)) {
                assertThat(g).as("%s at x = %s", what, x.data()[i]).isNaN();
            } else {
                assertThat(Math.abs(g - expected)).as("%s at x = %s: %s vs %s", what, x.data()[i], g, expected)
                        .isLessThanOrEqualTo(tol * (Math.abs(expected) + 1));
            }
        }
    }

    // ---------------------------------------------------------------- activations on the device

    @ParameterizedTest
    @EnumSource(Precision.class)
    void declaredActivationsRunOnTheGpuAndMatchTheirReferenceFormulas(Precision precision) {
        DoubleUnaryOperator zero = x -> Double.isNaN(x) ? x : 0;
        Object[][] cases = {
            {new ClosedForm.Identity(), zero},
            {new ClosedForm.Relu(0.5), zero},
            {new ClosedForm.LeakyRelu(0.2), zero},
            {new ClosedForm.Softplus(), (DoubleUnaryOperator) DeviceActivationTest::softplus2},
            {new ClosedForm.Sigmoid(), (DoubleUnaryOperator) DeviceActivationTest::sigmoid2},
            {new ClosedForm.Tanh(), (DoubleUnaryOperator) DeviceActivationTest::tanh2},
        };
        List<String> warnings = new ArrayList<>();
        Rng rng = Rng.of(SEED).stream("declared " + precision);
        HostMatrix x = random(rng, 97, 61, 6);
        double[] special = {0, -0.0, 1e-8, -1e-8, 30, -30, 200, -200, Double.NaN};
        System.arraycopy(special, 0, x.data(), 0, special.length);
        HostMatrix xr = rounded(x, precision);
        try (CudaBackend be = Gpu.backend(precision, warnings)) {
            for (Object[] c : cases) {
                ClosedForm cf = (ClosedForm) c[0];
                DoubleUnaryOperator second = (DoubleUnaryOperator) c[1];
                Activation sigma = DeviceActivationTest.declaring(cf, second);
                assertThat(be.hasDeviceKernel(sigma)).as("%s has a kernel", cf).isTrue();
                Matrix in = be.upload(x);
                Matrix v = be.zeros(97, 61);
                Matrix d = be.zeros(97, 61);
                Matrix dd = be.zeros(97, 61);
                be.activation(sigma, in, v, d);
                be.activationSecondDerivative(sigma, in, dd);
                String name = cf + " in " + precision.name().toLowerCase(Locale.ROOT);
                assertMaps(be.download(v), xr, cf::value, tol(precision), name + " σ");
                assertMaps(be.download(d), xr, cf::derivative, tol(precision), name + " σ'");
                assertMaps(be.download(dd), xr, second, tol(precision), name + " σ''");
                be.activation(sigma, in, in, null);
                assertMaps(be.download(in), xr, cf::value, tol(precision), name + " σ in place");
            }
        }
        assertThat(warnings).isEmpty();
    }

    // ---------------------------------------------------------------- activations on the host

    @ParameterizedTest
    @EnumSource(Precision.class)
    void anActivationWithoutKernelIsEvaluatedOnTheHostWithOneWarning(Precision precision) {
        // x·Φ-like smooth function with no closed-form declaration (as an activation plugin may be)
        Activation swish = DeviceActivationTest.activation(null, x -> x / (1 + Math.exp(-x)),
                x -> {
                    double s = 1 / (1 + Math.exp(-x));
                    return s + x * s * (1 - s);
                },
                x -> {
                    double s = 1 / (1 + Math.exp(-x));
                    return s * (1 - s) * (2 + x * (1 - 2 * s));
                });
        List<String> warnings = new ArrayList<>();
        Rng rng = Rng.of(SEED).stream("host " + precision);
        HostMatrix x = random(rng, 53, 41, 5);
        HostMatrix xr = rounded(x, precision);
        try (CudaBackend be = Gpu.backend(precision, warnings)) {
            assertThat(be.hasDeviceKernel(swish)).isFalse();
            Matrix in = be.upload(x);
            Matrix v = be.zeros(53, 41);
            Matrix d = be.zeros(53, 41);
            for (int rep = 0; rep < 3; rep++) {
                be.activation(swish, in, v, d);
            }
            assertMaps(be.download(v), xr, swish::value, tol(precision), "swish σ");
            assertMaps(be.download(d), xr, swish::derivative, tol(precision), "swish σ'");
            Matrix d2 = be.zeros(53, 41);
            be.activation(swish, in, null, d2);
            assertMaps(be.download(d2), xr, swish::derivative, tol(precision), "swish σ' alone");
            Matrix dd = be.zeros(53, 41);
            be.activationSecondDerivative(swish, in, dd);
            assertMaps(be.download(dd), xr, swish::secondDerivative, tol(precision), "swish σ''");
            be.activation(swish, in, in, null);
            assertMaps(be.download(in), xr, swish::value, tol(precision), "swish in place");
        }
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).startsWith("cuda: activation ").contains("no GPU kernel for σ and σ'")
                .contains("declares no closed form").contains("evaluated on the host").contains("53 x 41")
                .doesNotContain("\n");
        assertThat(warnings.get(1)).contains("no GPU kernel for σ''");
    }

    @Test
    void aDeclarationThatDisagreesWithTheActivationIsNotTrusted() {
        ClosedForm sigmoid = new ClosedForm.Sigmoid();
        Activation liar = DeviceActivationTest.activation(new ClosedForm.Tanh(), sigmoid::value, sigmoid::derivative,
                DeviceActivationTest::sigmoid2);
        List<String> warnings = new ArrayList<>();
        HostMatrix x = random(Rng.of(SEED).stream("liar"), 20, 30, 4);
        try (CudaBackend be = Gpu.backend(Precision.DOUBLE, warnings)) {
            Matrix in = be.upload(x);
            Matrix v = be.zeros(20, 30);
            be.activation(liar, in, v, null);
            assertMaps(be.download(v), x, sigmoid::value, DOUBLE_TOL, "the activation's own σ");
        }
        assertThat(warnings).singleElement().asString().contains("declares the closed form Tanh");
    }

    // ---------------------------------------------------------------- split-K GEMM

    @ParameterizedTest
    @EnumSource(Precision.class)
    void splitKGemmMatchesTheReferenceInEveryTransposeCase(Precision precision) {
        int depth = 16;
        int[][] shapes = {{5, 3, 300}, {64, 10, 517}, {1, 1, 129}, {70, 33, 64}};
        Rng rng = Rng.of(SEED).stream("splitk " + precision);
        try (CudaBackend be = new CudaBackend(precision, 0, 1, w -> { }, depth)) {
            int tile = precision == Precision.FLOAT ? CudaKernels.TILE_F32 : CudaKernels.TILE_F64;
            for (int[] s : shapes) {
                int m = s[0];
                int n = s[1];
                int k = s[2];
                long tiles = (long) ((m + tile - 1) / tile) * ((n + tile - 1) / tile);
                assertThat(CudaBackend.splits(be.device().multiprocessors(), tiles, k, (long) m * n, depth))
                        .as("shape %dx%dx%d is split", m, n, k).isGreaterThan(1);
                for (int t = 0; t < 4; t++) {
                    boolean ta = (t & 2) != 0;
                    boolean tb = (t & 1) != 0;
                    HostMatrix a = rounded(ta ? random(rng, k, m, 1) : random(rng, m, k, 1), precision);
                    HostMatrix b = rounded(tb ? random(rng, n, k, 1) : random(rng, k, n, 1), precision);
                    HostMatrix c = rounded(random(rng, m, n, 1), precision);
                    HostMatrix opA = ta ? a.transpose() : a;
                    HostMatrix opB = tb ? b.transpose() : b;
                    HostMatrix ab = opA.times(opB);
                    for (double[] albe : new double[][] {{1, 0}, {-0.5, 2}}) {
                        Matrix dc = be.upload(c);
                        be.gemm(ta, tb, albe[0], be.upload(a), be.upload(b), albe[1], dc);
                        HostMatrix got = be.download(dc);
                        for (int i = 0; i < got.data().length; i++) {
                            double expected = albe[0] * ab.data()[i] + albe[1] * c.data()[i];
                            assertThat(Math.abs(got.data()[i] - expected)).as("split-K gemm %dx%dx%d case %d entry %d",
                                    m, n, k, t, i).isLessThanOrEqualTo(tol(precision) * (Math.abs(albe[0]) * k + 2));
                        }
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- training stays on the device

    /** softplus declaring its closed form, as the activations plugin does. */
    private static Configured<Activation> softplus() {
        ClosedForm sp = new ClosedForm.Softplus();
        return new Configured<>("softplus", ValidatedParams.empty(),
                DeviceActivationTest.declaring(sp, DeviceActivationTest::softplus2));
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void gradientDescentStepsMatchTheReferenceAndBringBackOnlyTheLoss(Precision precision) {
        int n = 37;
        NetworkSpec spec = new NetworkSpec(13, List.of(LayerSpec.hidden(29, softplus()).withBias(true),
                LayerSpec.hidden(11, softplus()), LayerSpec.output(3)));
        Rng rng = Rng.of(SEED).stream("gd " + precision);
        List<HostMatrix> ws = List.of(random(rng, 13, 29, 0.4), random(rng, 29, 11, 0.3), random(rng, 11, 3, 0.3));
        List<HostMatrix> bs = new ArrayList<>();
        bs.add(random(rng, 1, 29, 0.1));
        bs.add(null);
        bs.add(null);
        HostMatrix x = random(rng, n, 13, 1);
        HostMatrix y = random(rng, n, 3, 1);
        int steps = 4;
        double eta = 0.05;
        double[] refLoss = new double[steps];
        List<HostMatrix> refW;
        try (Backend ref = new ReferenceBackend(precision)) {
            refW = train(ref, spec, ws, bs, x, y, steps, eta, refLoss);
        }
        double[] loss = new double[steps];
        List<HostMatrix> gpuW;
        try (CudaBackend be = Gpu.backend(precision, new ArrayList<>())) {
            Network net = new Network(ParameterSet.upload(spec, be, ws, bs));
            ParameterSet grad = net.parameters().zerosLike();
            ForwardPass fp = net.newForwardPass(n);
            Matrix dx = be.upload(x);
            Matrix dy = be.upload(y);
            long before = be.copiesToHost();
            for (int s = 0; s < steps; s++) {
                net.forward(dx, fp);
                loss[s] = net.loss(fp, dy);
                net.gradient(fp, grad);
                net.parameters().axpyInPlace(-eta, grad);
            }
            assertThat(be.copiesToHost() - before).as("copies from the GPU during %d steps", steps).isEqualTo(steps);
            gpuW = net.parameters().downloadWeights();
        }
        double tol = precision == Precision.DOUBLE ? 1e-11 : 2e-5;
        for (int s = 0; s < steps; s++) {
            assertThat(loss[s]).as("loss at step %d", s).isCloseTo(refLoss[s],
                    org.assertj.core.data.Offset.offset(tol * refLoss[s]));
        }
        assertThat(loss[steps - 1]).isLessThan(loss[0]);
        for (int l = 0; l < 3; l++) {
            assertThat(gpuW.get(l).maxAbsDiff(refW.get(l))).as("W_%d after %d steps", l + 1, steps)
                    .isLessThanOrEqualTo(tol);
        }
    }

    private static List<HostMatrix> train(Backend be, NetworkSpec spec, List<HostMatrix> ws, List<HostMatrix> bs,
            HostMatrix x, HostMatrix y, int steps, double eta, double[] loss) {
        Network net = new Network(ParameterSet.upload(spec, be, ws, bs));
        ParameterSet grad = net.parameters().zerosLike();
        ForwardPass fp = net.newForwardPass(x.rows());
        Matrix dx = be.upload(x);
        Matrix dy = be.upload(y);
        for (int s = 0; s < steps; s++) {
            net.forward(dx, fp);
            loss[s] = net.loss(fp, dy);
            net.gradient(fp, grad);
            net.parameters().axpyInPlace(-eta, grad);
        }
        return net.parameters().downloadWeights();
    }

    // ---------------------------------------------------------------- memory and ownership

    @Test
    void memoryIsGivenBackWhenMatricesCloseAndWhenTheBackendCloses() {
        CudaBackend be = Gpu.backend(Precision.DOUBLE, new ArrayList<>());
        long base = be.bytesHeld();
        Matrix a = be.zeros(100, 200);
        Matrix b = be.zeros(300, 10);
        assertThat(be.bytesHeld() - base).isEqualTo(8L * (100 * 200 + 300 * 10));
        a.close();
        a.close(); // twice is harmless
        be.zeros(1, 1); // the next allocation frees what was released
        assertThat(be.bytesHeld() - base).isEqualTo(8L * 300 * 10 + 8);
        assertThatThrownBy(() -> be.fill(a, 1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        be.close();
        assertThat(be.bytesHeld()).isZero();
        assertThatThrownBy(() -> be.fill(b, 1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        be.close(); // twice is harmless
    }

    @Test
    void matricesOfAnotherBackendAreRejected() {
        try (CudaBackend one = Gpu.backend(Precision.DOUBLE); CudaBackend two = Gpu.backend(Precision.DOUBLE);
                Backend host = new ReferenceBackend()) {
            Matrix m = one.zeros(2, 2);
            assertThatThrownBy(() -> two.fill(m, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("does not belong");
            assertThatThrownBy(() -> one.copy(host.zeros(2, 2), m)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void describesTheDevice() {
        try (CudaBackend be = Gpu.backend(Precision.FLOAT)) {
            assertThat(be.describe()).startsWith("cuda (float, ").contains(be.device().name()).contains("compute ")
                    .contains("CUDA driver ");
            assertThat(be.threads()).isEqualTo(2);
        }
    }
}
