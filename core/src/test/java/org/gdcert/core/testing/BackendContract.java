package org.gdcert.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link Backend} must meet, checked on seeded random inputs, in double and
 * float, against values computed independently in double from the stored (for float: rounded)
 * inputs: products by {@link HostMatrix#times}, activations by their scalar methods, elementwise
 * operations and reductions by plain loops. A backend module extends it:
 *
 * <pre>{@code
 * class JavaBackendContractTest extends BackendContract {
 *     protected Backend createBackend(Precision precision) { ... }
 * }
 * }</pre>
 *
 * <p>Tolerances are relative to the size of what is summed: a GEMM entry may differ from the
 * reference by {@code tol · (|α|·Σ_p |a_ip||b_pj| + |β|·|c_ij|)}, with tol = {@value #DOUBLE_TOL} in
 * double and {@value #FLOAT_TOL} in float (a float kernel may accumulate in float).
 */
public abstract class BackendContract {
    /** Relative tolerance of double backends. */
    protected static final double DOUBLE_TOL = 1e-12;
    /** Relative tolerance of float backends. */
    protected static final double FLOAT_TOL = 1e-5;
    private static final long SEED = 0x5EEDBACCL;

    /** A new backend of the given precision; the suite closes it. */
    protected abstract Backend createBackend(Precision precision);

    /**
     * A new backend with exactly {@code threads} worker threads, if the backend has that knob; the
     * thread-independence test is skipped otherwise.
     */
    protected Optional<Backend> createBackend(Precision precision, int threads) {
        return Optional.empty();
    }

    /** The tolerance for a precision. */
    protected double tolerance(Precision precision) {
        return precision == Precision.DOUBLE ? DOUBLE_TOL : FLOAT_TOL;
    }

    // ---------------------------------------------------------------- metadata

    @ParameterizedTest
    @EnumSource(Precision.class)
    void describesItself(Precision precision) {
        try (Backend be = createBackend(precision)) {
            assertThat(be.name()).matches("[a-z][a-z0-9_]*");
            assertThat(be.precision()).isEqualTo(precision);
            assertThat(be.threads()).isPositive();
            assertThat(be.describe()).contains(be.name());
        }
    }

    // ---------------------------------------------------------------- storage

    @ParameterizedTest
    @EnumSource(Precision.class)
    void uploadDownloadRoundTrip(Precision precision) {
        Rng rng = rng("upload");
        try (Backend be = createBackend(precision)) {
            HostMatrix h = random(rng, 37, 53);
            HostMatrix expected = rounded(h, precision);
            Matrix m = be.upload(h);
            assertThat(m.rows()).isEqualTo(37);
            assertThat(m.cols()).isEqualTo(53);
            assertThat(be.download(m)).isEqualTo(expected);

            HostMatrix other = random(rng, 37, 53);
            be.upload(other, m);
            HostMatrix into = new HostMatrix(37, 53);
            be.download(m, into);
            assertThat(into).isEqualTo(rounded(other, precision));

            assertThatThrownBy(() -> be.upload(new HostMatrix(53, 37), m))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> be.download(m, new HostMatrix(36, 53)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void zerosCopyFill(Precision precision) {
        Rng rng = rng("copy");
        try (Backend be = createBackend(precision)) {
            Matrix z = be.zeros(19, 7);
            assertThat(be.download(z)).isEqualTo(new HostMatrix(19, 7));
            Matrix empty = be.zeros(0, 5);
            assertThat(be.download(empty).rows()).isZero();

            HostMatrix h = random(rng, 19, 7);
            Matrix src = be.upload(h);
            be.copy(src, z);
            assertThat(be.download(z)).isEqualTo(rounded(h, precision));
            be.copy(z, z);
            assertThat(be.download(z)).isEqualTo(rounded(h, precision));

            be.fill(z, -2.5);
            HostMatrix filled = new HostMatrix(19, 7);
            java.util.Arrays.fill(filled.data(), -2.5);
            assertThat(be.download(z)).isEqualTo(filled);
            assertThat(be.download(src)).isEqualTo(rounded(h, precision));

            assertThatThrownBy(() -> be.copy(src, be.zeros(7, 19))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    // ---------------------------------------------------------------- gemm

    /** Shapes (m, n, k): unit, vectors, primes, tall and wide, and sizes past typical block sizes. */
    protected static Stream<Arguments> gemmShapes() {
        int[][] shapes = {
            {1, 1, 1}, {1, 37, 5}, {37, 1, 5}, {1, 1, 300}, {2, 3, 1}, {5, 7, 0}, {3, 9, 5},
            {13, 17, 11}, {67, 131, 29}, {131, 67, 29}, {4, 257, 3}, {389, 23, 250},
            {23, 389, 250}, {131, 557, 263},
        };
        List<Arguments> args = new ArrayList<>();
        for (int[] s : shapes) {
            for (int t = 0; t < 4; t++) {
                args.add(Arguments.of(s[0], s[1], s[2], (t & 2) != 0, (t & 1) != 0));
            }
        }
        return args.stream();
    }

    private static final double[][] ALPHA_BETA = {{1, 0}, {-0.7, 0}, {1.3, 1}, {0.5, -2.25}};

    @ParameterizedTest(name = "m={0} n={1} k={2} transA={3} transB={4}")
    @MethodSource("gemmShapes")
    void gemmMatchesReference(int m, int n, int k, boolean transA, boolean transB) {
        for (Precision precision : Precision.values()) {
            Rng rng = rng("gemm " + m + " " + n + " " + k + " " + transA + transB + precision);
            try (Backend be = createBackend(precision)) {
                HostMatrix a = transA ? random(rng, k, m) : random(rng, m, k);
                HostMatrix b = transB ? random(rng, n, k) : random(rng, k, n);
                Product product = new Product(a, transA, b, transB, precision);
                for (double[] ab : ALPHA_BETA) {
                    HostMatrix c = random(rng, m, n);
                    checkGemm(be, product, ab[0], ab[1], c);
                }
            }
        }
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} transA={3} transB={4}")
    @MethodSource("gemmShapes")
    void gemmWithBetaZeroIgnoresNaNInC(int m, int n, int k, boolean transA, boolean transB) {
        for (Precision precision : Precision.values()) {
            Rng rng = rng("nan " + m + " " + n + " " + k + " " + transA + transB + precision);
            try (Backend be = createBackend(precision)) {
                HostMatrix a = transA ? random(rng, k, m) : random(rng, m, k);
                HostMatrix b = transB ? random(rng, n, k) : random(rng, k, n);
                HostMatrix c = new HostMatrix(m, n);
                java.util.Arrays.fill(c.data(), Double.NaN);
                checkGemm(be, new Product(a, transA, b, transB, precision), 0.75, 0, c);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void gemmPropagatesNaNAndInfinityFromInputs(Precision precision) {
        Rng rng = rng("nan inputs");
        try (Backend be = createBackend(precision)) {
            HostMatrix a = random(rng, 70, 60);
            HostMatrix b = random(rng, 60, 80);
            a.set(3, 5, Double.NaN);
            b.set(7, 11, Double.POSITIVE_INFINITY);
            Matrix c = be.zeros(70, 80);
            be.gemm(false, false, 1, be.upload(a), be.upload(b), 0, c);
            HostMatrix got = be.download(c);
            for (int j = 0; j < 80; j++) {
                assertThat(got.get(3, j)).as("row with NaN in A, column %d", j).isNaN();
            }
            for (int i = 0; i < 70; i++) {
                if (i != 3) {
                    assertThat(Double.isInfinite(got.get(i, 11))).as("column with +Inf in B, row %d", i).isTrue();
                    assertThat(got.get(i, 10)).as("ordinary entry").isFinite();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void gemmRejectsAliasingAndBadShapes(Precision precision) {
        Rng rng = rng("alias");
        try (Backend be = createBackend(precision)) {
            Matrix sq = be.upload(random(rng, 6, 6));
            Matrix other = be.upload(random(rng, 6, 6));
            assertThatThrownBy(() -> be.gemm(false, false, 1, sq, other, 0, sq))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> be.gemm(false, false, 1, other, sq, 0, sq))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> be.gemm(true, true, 1, sq, sq, 1, sq))
                    .isInstanceOf(IllegalArgumentException.class);
            Matrix a = be.zeros(6, 4);
            Matrix c = be.zeros(6, 6);
            assertThatThrownBy(() -> be.gemm(false, false, 1, a, other, 0, c))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> be.gemm(false, true, 1, other, a, 0, c))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> be.gemm(false, false, 1, other, sq, 0, a))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /**
     * op(A)·op(B) of the stored (rounded) inputs, in double by {@link HostMatrix#times}, and the
     * entrywise scale |op(A)|·|op(B)| of the rounding errors.
     */
    private record Product(HostMatrix a, boolean transA, HostMatrix b, boolean transB, Precision precision,
            HostMatrix value, HostMatrix scale) {
        Product(HostMatrix a, boolean transA, HostMatrix b, boolean transB, Precision precision) {
            this(a, transA, b, transB, precision, op(a, transA, precision).times(op(b, transB, precision)),
                    abs(op(a, transA, precision)).times(abs(op(b, transB, precision))));
        }

        private static HostMatrix op(HostMatrix x, boolean trans, Precision precision) {
            return rounded(trans ? x.transpose() : x, precision);
        }
    }

    private void checkGemm(Backend be, Product p, double alpha, double beta, HostMatrix c) {
        Matrix dc = be.upload(c);
        be.gemm(p.transA(), p.transB(), alpha, be.upload(p.a()), be.upload(p.b()), beta, dc);
        HostMatrix got = be.download(dc);

        HostMatrix c0 = rounded(c, p.precision());
        HostMatrix expected = new HostMatrix(c.rows(), c.cols());
        HostMatrix scale = new HostMatrix(c.rows(), c.cols());
        for (int i = 0; i < expected.data().length; i++) {
            double old = beta == 0 ? 0 : beta * c0.data()[i];
            expected.data()[i] = alpha * p.value().data()[i] + old;
            scale.data()[i] = Math.abs(alpha) * p.scale().data()[i] + Math.abs(old);
        }
        int k = p.transA() ? p.a().rows() : p.a().cols();
        assertClose(got, expected, scale, tolerance(p.precision()), String.format(Locale.ROOT,
                "gemm(%s, %s, alpha=%s, beta=%s) m=%d n=%d k=%d in %s", p.transA() ? "T" : "N",
                p.transB() ? "T" : "N", alpha, beta, c.rows(), c.cols(), k, p.precision()));
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void gemmDoesNotDependOnThreadCount(Precision precision) {
        Optional<Backend> one = createBackend(precision, 1);
        Assumptions.assumeTrue(one.isPresent(), "backend has no thread-count knob");
        Rng rng = rng("threads");
        try (Backend single = one.get(); Backend multi = createBackend(precision, 3).orElseThrow()) {
            int[][] shapes = {{157, 269, 251}, {389, 23, 250}, {64, 530, 90}};
            for (int[] s : shapes) {
                int m = s[0];
                int n = s[1];
                int k = s[2];
                for (int t = 0; t < 4; t++) {
                    boolean transA = (t & 2) != 0;
                    boolean transB = (t & 1) != 0;
                    HostMatrix a = transA ? random(rng, k, m) : random(rng, m, k);
                    HostMatrix b = transB ? random(rng, n, k) : random(rng, k, n);
                    HostMatrix c = random(rng, m, n);
                    HostMatrix r1 = gemmOn(single, transA, transB, -1.5, a, b, 0.5, c);
                    HostMatrix r3 = gemmOn(multi, transA, transB, -1.5, a, b, 0.5, c);
                    // entries lie in [-1, 1], so |alpha|·Σ_p |a_ip||b_pj| + |beta||c_ij| <= 1.5·k + 0.5
                    HostMatrix scale = new HostMatrix(m, n);
                    java.util.Arrays.fill(scale.data(), 1.5 * k + 0.5);
                    assertClose(r3, r1, scale, tolerance(precision),
                            "gemm with 3 threads vs 1, " + m + "x" + n + "x" + k + " case " + t);
                }
            }
            HostMatrix x = random(rng, 500, 301);
            HostMatrix y = random(rng, 500, 301);
            double d1 = single.dot(single.upload(x), single.upload(y));
            double d3 = multi.dot(multi.upload(x), multi.upload(y));
            assertThat(Math.abs(d3 - d1)).as("dot with 3 threads vs 1")
                    .isLessThanOrEqualTo(tolerance(precision) * x.data().length);
            double s1 = single.sumOfSquares(single.upload(x));
            double s3 = multi.sumOfSquares(multi.upload(x));
            assertThat(Math.abs(s3 - s1)).as("sumOfSquares with 3 threads vs 1")
                    .isLessThanOrEqualTo(tolerance(precision) * s1);
        }
    }

    private static HostMatrix gemmOn(Backend be, boolean transA, boolean transB, double alpha, HostMatrix a,
            HostMatrix b, double beta, HostMatrix c) {
        Matrix dc = be.upload(c);
        be.gemm(transA, transB, alpha, be.upload(a), be.upload(b), beta, dc);
        return be.download(dc);
    }

    // ---------------------------------------------------------------- activations

    /**
     * Softplus whose fused bulk kernel is its own (the others are the interface's defaults); it
     * declares no closed form, so every backend evaluates it through its bulk methods.
     */
    static final class Softplus extends TestActivations.Fn {
        Softplus() {
            super(TestActivations.SOFTPLUS::value, TestActivations.SOFTPLUS::derivative,
                    TestActivations.SOFTPLUS::secondDerivative, TestActivations.SOFTPLUS.properties());
        }

        @Override
        public void applyWithDerivative(double[] in, int inOffset, double[] value, double[] deriv, int outOffset,
                int len) {
            for (int i = 0; i < len; i++) {
                double x = in[inOffset + i];
                double e = Math.exp(-Math.abs(x));
                deriv[outOffset + i] = x >= 0 ? 1 / (1 + e) : e / (1 + e);
                value[outOffset + i] = Math.max(x, 0) + Math.log1p(e);
            }
        }
    }

    /**
     * tanh through the default bulk kernels and softplus through its own; neither declares a closed
     * form, so this checks the bulk path of every backend (kernels of closed forms have tests of
     * their own in the backends that have them).
     */
    protected static Stream<Arguments> activations() {
        List<Arguments> args = new ArrayList<>();
        for (Precision p : Precision.values()) {
            args.add(Arguments.of(p, TestActivations.scalarOnly(TestActivations.TANH), "tanh"));
            args.add(Arguments.of(p, new Softplus(), "softplus"));
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{2} in {0}")
    @MethodSource("activations")
    void activationValueAndDerivative(Precision precision, Activation sigma, String label) {
        Rng rng = rng("activation " + label + precision);
        try (Backend be = createBackend(precision)) {
            HostMatrix x = random(rng, 300, 77);
            x.scaleInPlace(4);
            HostMatrix xr = rounded(x, precision);
            HostMatrix value = map(xr, sigma::value);
            HostMatrix deriv = map(xr, sigma::derivative);
            double tol = tolerance(precision);
            Matrix in = be.upload(x);

            Matrix v = be.zeros(300, 77);
            Matrix d = be.zeros(300, 77);
            be.activation(sigma, in, v, d);
            assertCloseAbs(be.download(v), value, tol, label + " value (fused)");
            assertCloseAbs(be.download(d), deriv, tol, label + " derivative (fused)");

            Matrix v2 = be.zeros(300, 77);
            be.activation(sigma, in, v2, null);
            assertCloseAbs(be.download(v2), value, tol, label + " value alone");

            Matrix d2 = be.zeros(300, 77);
            be.activation(sigma, in, null, d2);
            assertCloseAbs(be.download(d2), deriv, tol, label + " derivative alone");

            Matrix inPlace = be.upload(x);
            Matrix d3 = be.zeros(300, 77);
            be.activation(sigma, inPlace, inPlace, d3);
            assertCloseAbs(be.download(inPlace), value, tol, label + " value in place");
            assertCloseAbs(be.download(d3), deriv, tol, label + " derivative with value in place");
            assertThat(be.download(in)).as("input untouched").isEqualTo(xr);

            Matrix dd = be.zeros(300, 77);
            be.activationSecondDerivative(sigma, in, dd);
            assertCloseAbs(be.download(dd), map(xr, sigma::secondDerivative), tol, label + " second derivative");
        }
    }

    // ---------------------------------------------------------------- elementwise

    @ParameterizedTest
    @EnumSource(Precision.class)
    void hadamardAndSub(Precision precision) {
        Rng rng = rng("hadamard" + precision);
        try (Backend be = createBackend(precision)) {
            HostMatrix a = rounded(random(rng, 211, 173), precision);
            HostMatrix b = rounded(random(rng, 211, 173), precision);
            HostMatrix prod = new HostMatrix(211, 173);
            HostMatrix diff = new HostMatrix(211, 173);
            for (int i = 0; i < prod.data().length; i++) {
                prod.data()[i] = a.data()[i] * b.data()[i];
                diff.data()[i] = a.data()[i] - b.data()[i];
            }
            double tol = tolerance(precision);
            Matrix da = be.upload(a);
            Matrix db = be.upload(b);
            Matrix out = be.zeros(211, 173);
            be.hadamard(da, db, out);
            assertCloseAbs(be.download(out), prod, tol, "hadamard");
            be.sub(da, db, out);
            assertCloseAbs(be.download(out), diff, tol, "sub");
            be.hadamard(da, db, da);
            assertCloseAbs(be.download(da), prod, tol, "hadamard into its first input");
            be.upload(a, da);
            be.sub(da, db, db);
            assertCloseAbs(be.download(db), diff, tol, "sub into its second input");
            assertThatThrownBy(() -> be.hadamard(da, be.zeros(173, 211), out))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void axpyAxpbyScale(Precision precision) {
        Rng rng = rng("axpy" + precision);
        try (Backend be = createBackend(precision)) {
            HostMatrix x = rounded(random(rng, 257, 131), precision);
            HostMatrix y = rounded(random(rng, 257, 131), precision);
            double tol = tolerance(precision);
            double[][] cases = {{0.3, 1}, {-1.25, 0}, {2, -0.5}, {0, 3}};
            for (double[] ab : cases) {
                double alpha = ab[0];
                double beta = ab[1];
                HostMatrix expected = new HostMatrix(257, 131);
                for (int i = 0; i < expected.data().length; i++) {
                    expected.data()[i] = alpha * x.data()[i] + beta * y.data()[i];
                }
                Matrix dy = be.upload(y);
                if (beta == 1) {
                    be.axpy(alpha, be.upload(x), dy);
                } else {
                    be.axpby(alpha, be.upload(x), beta, dy);
                }
                assertCloseAbs(be.download(dy), expected, tol * 4, "axpby alpha=" + alpha + " beta=" + beta);
            }
            Matrix dx = be.upload(x);
            be.scale(-0.375, dx);
            HostMatrix scaled = x.copy();
            scaled.scaleInPlace(-0.375);
            assertCloseAbs(be.download(dx), scaled, tol, "scale");
            assertThatThrownBy(() -> be.axpy(1, be.zeros(2, 3), be.zeros(3, 2)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    // ---------------------------------------------------------------- reductions

    @ParameterizedTest
    @EnumSource(Precision.class)
    void dotAndSumOfSquares(Precision precision) {
        Rng rng = rng("dot" + precision);
        try (Backend be = createBackend(precision)) {
            HostMatrix a = rounded(random(rng, 401, 263), precision);
            HostMatrix b = rounded(random(rng, 401, 263), precision);
            double dot = 0;
            double dotAbs = 0;
            double ss = 0;
            for (int i = 0; i < a.data().length; i++) {
                dot += a.data()[i] * b.data()[i];
                dotAbs += Math.abs(a.data()[i] * b.data()[i]);
                ss += a.data()[i] * a.data()[i];
            }
            double tol = tolerance(precision);
            Matrix da = be.upload(a);
            assertThat(be.dot(da, be.upload(b))).as("dot").isCloseTo(dot,
                    org.assertj.core.data.Offset.offset(tol * dotAbs));
            assertThat(be.sumOfSquares(da)).as("sumOfSquares").isCloseTo(ss,
                    org.assertj.core.data.Offset.offset(tol * ss));
            assertThat(be.dot(be.zeros(0, 3), be.zeros(0, 3))).as("empty dot").isZero();

            a.set(17, 3, Double.NaN);
            assertThat(be.sumOfSquares(be.upload(a))).as("sumOfSquares with NaN").isNaN();
            a.set(17, 3, Double.NEGATIVE_INFINITY);
            assertThat(be.sumOfSquares(be.upload(a))).as("sumOfSquares with -Inf")
                    .isEqualTo(Double.POSITIVE_INFINITY);
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void columnSumsAndAddRowVector(Precision precision) {
        Rng rng = rng("columns" + precision);
        try (Backend be = createBackend(precision)) {
            HostMatrix a = rounded(random(rng, 733, 29), precision);
            HostMatrix row = rounded(random(rng, 1, 29), precision);
            HostMatrix sums = new HostMatrix(1, 29);
            HostMatrix sumsAbs = new HostMatrix(1, 29);
            HostMatrix plus = a.copy();
            for (int i = 0; i < 733; i++) {
                for (int j = 0; j < 29; j++) {
                    sums.data()[j] += a.get(i, j);
                    sumsAbs.data()[j] += Math.abs(a.get(i, j));
                    plus.set(i, j, a.get(i, j) + row.get(0, j));
                }
            }
            double tol = tolerance(precision);
            Matrix out = be.zeros(1, 29);
            be.fill(out, Double.NaN);
            be.columnSums(be.upload(a), out);
            assertClose(be.download(out), sums, sumsAbs, tol, "columnSums");

            Matrix da = be.upload(a);
            be.addRowVector(be.upload(row), da);
            assertCloseAbs(be.download(da), plus, tol, "addRowVector");

            assertThatThrownBy(() -> be.columnSums(be.upload(a), be.zeros(1, 28)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> be.addRowVector(be.zeros(2, 29), da))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void gatherRows(Precision precision) {
        Rng rng = rng("gather" + precision);
        try (Backend be = createBackend(precision)) {
            HostMatrix src = random(rng, 50, 13);
            int[] rows = {49, 0, 7, 7, 23};
            Matrix dst = be.zeros(rows.length, 13);
            Matrix dsrc = be.upload(src);
            be.gatherRows(dsrc, rows, dst);
            assertThat(be.download(dst)).isEqualTo(rounded(src.selectRows(rows), precision));
            Matrix none = be.zeros(0, 13);
            be.gatherRows(dsrc, new int[0], none);
            assertThatThrownBy(() -> be.gatherRows(dsrc, new int[] {50}, be.zeros(1, 13)))
                    .isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> be.gatherRows(dsrc, rows, be.zeros(rows.length, 12)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Rng rng(String purpose) {
        return Rng.of(SEED).stream(purpose);
    }

    /** Entries uniform in [−1, 1). */
    protected static HostMatrix random(Rng rng, int rows, int cols) {
        HostMatrix m = new HostMatrix(rows, cols);
        double[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextDouble(-1, 1);
        }
        return m;
    }

    /** The matrix as the backend stores it: rounded to float in float precision. */
    protected static HostMatrix rounded(HostMatrix m, Precision precision) {
        if (precision == Precision.DOUBLE) {
            return m.copy();
        }
        HostMatrix r = new HostMatrix(m.rows(), m.cols());
        for (int i = 0; i < r.data().length; i++) {
            r.data()[i] = (float) m.data()[i];
        }
        return r;
    }

    private static HostMatrix abs(HostMatrix m) {
        return map(m, Math::abs);
    }

    private static HostMatrix map(HostMatrix m, DoubleUnaryOperator f) {
        HostMatrix r = new HostMatrix(m.rows(), m.cols());
        for (int i = 0; i < r.data().length; i++) {
            r.data()[i] = f.applyAsDouble(m.data()[i]);
        }
        return r;
    }

    /** |got − expected| ≤ tol·scale entrywise (plus the smallest normal number, for zero scales). */
    protected static void assertClose(HostMatrix got, HostMatrix expected, HostMatrix scale, double tol,
            String what) {
        assertThat(got.rows()).as(what + ": rows").isEqualTo(expected.rows());
        assertThat(got.cols()).as(what + ": cols").isEqualTo(expected.cols());
        int worst = -1;
        double worstRatio = 0;
        for (int i = 0; i < got.data().length; i++) {
            double err = Math.abs(got.data()[i] - expected.data()[i]);
            double bound = tol * scale.data()[i] + Double.MIN_NORMAL;
            boolean bad = !(err <= bound) && !(Double.isNaN(got.data()[i]) && Double.isNaN(expected.data()[i]));
            if (bad && (worst < 0 || err / bound > worstRatio || Double.isNaN(err))) {
                worst = i;
                worstRatio = Double.isNaN(err) ? Double.POSITIVE_INFINITY : err / bound;
            }
        }
        if (worst >= 0) {
            int c = got.cols();
            throw new AssertionError(String.format(Locale.ROOT,
                    "%s: entry (%d, %d) is %s, expected %s within %.3g (scale %.3g)", what, worst / c, worst % c,
                    got.data()[worst], expected.data()[worst], tol * scale.data()[worst], scale.data()[worst]));
        }
    }

    /** |got − expected| ≤ tol·(|expected| + 1) entrywise. */
    protected static void assertCloseAbs(HostMatrix got, HostMatrix expected, double tol, String what) {
        assertClose(got, expected, map(expected, v -> Math.abs(v) + 1), tol, what);
    }
}
