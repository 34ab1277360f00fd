package org.gdcert.backend.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.gdcert.core.random.Rng;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorMath} against {@link StrictMath} in ulps of the exact value, on random arguments over
 * the whole range, tiny ones (where e^t − 1 and log(1 + u) must keep their relative accuracy), the
 * switch points and the special values; and the reproducibility it exists for: the same bits from
 * the interpreter and from C2-compiled code, in separate JVMs.
 */
class VectorMathTest {
    /** ulps of the result (StrictMath is within 1 ulp itself). */
    private static final double MAX_ULPS = 3;
    /** e^t below e^−708 is flushed to 0 (documented): results under this are only checked to be tiny. */
    private static final double FLUSHED = 4e-308;

    private static double[] arguments(Rng rng, double lo, double hi, double... extra) {
        List<Double> xs = new ArrayList<>();
        for (int i = 0; i < 20000; i++) {
            xs.add(rng.nextDouble(lo, hi));
        }
        for (int e = -300; e <= 0; e++) {
            double t = Math.scalb(1.0, e) * (lo < 0 ? -1 : 1);
            if (t >= lo && t <= hi) {
                xs.add(t);
                xs.add(Math.nextUp(t));
                xs.add(Math.nextDown(t));
            }
        }
        for (double x : extra) {
            xs.add(x);
        }
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void check(double[] xs, UnaryOperator<DoubleVector> f, DoubleUnaryOperator exact, String what) {
        int lanes = VectorMath.S.length();
        double[] in = new double[lanes];
        double[] out = new double[lanes];
        for (int i = 0; i < xs.length; i += lanes) {
            int n = Math.min(lanes, xs.length - i);
            java.util.Arrays.fill(in, 0);
            System.arraycopy(xs, i, in, 0, n);
            f.apply(DoubleVector.fromArray(VectorMath.S, in, 0)).intoArray(out, 0);
            for (int j = 0; j < n; j++) {
                double want = exact.applyAsDouble(in[j]);
                if (Double.isNaN(want)) {
                    assertThat(out[j]).as("%s(%s)", what, in[j]).isNaN();
                } else if (Math.abs(want) < FLUSHED) {
                    assertThat(Math.abs(out[j])).as("%s(%s)", what, in[j]).isLessThan(FLUSHED);
                } else {
                    assertThat(Math.abs(out[j] - want) / Math.ulp(want)).as("%s(%s) = %s, want %s", what, in[j],
                            out[j], want).isLessThanOrEqualTo(MAX_ULPS);
                }
            }
        }
    }

    @Test
    void expOfNonPositiveArguments() {
        double[] xs = arguments(Rng.of(41).stream("exp"), -745, 0, 0.0, -0.0, -708, -708.5, -709, -745.2, -1e4,
                Double.NEGATIVE_INFINITY, Double.NaN, -Math.log(2) / 2, -0.34657359027997264);
        check(xs, VectorMath::expNonPositive, StrictMath::exp, "exp");
    }

    @Test
    void expm1OfNonPositiveArgumentsKeepsRelativeAccuracyNearZero() {
        double[] xs = arguments(Rng.of(42).stream("expm1"), -60, 0, 0.0, -1e-300, -Double.MIN_VALUE, -708, -800,
                Double.NEGATIVE_INFINITY, Double.NaN, -0.3465735902799726, -0.3465735902799727);
        check(xs, VectorMath::expm1NonPositive, StrictMath::expm1, "expm1");
    }

    @Test
    void log1pOnTheUnitInterval() {
        double[] xs = arguments(Rng.of(43).stream("log1p"), 0, 1, 0.0, 1.0, 0.41421356237309503,
                Math.nextUp(0.41421356237309503), Math.nextDown(0.41421356237309503), 0.5, 1e-300, Double.MIN_VALUE,
                Double.NaN);
        check(xs, VectorMath::log1pUnit, StrictMath::log1p, "log1p");
    }

    /** The float versions against StrictMath rounded to float, in float ulps (flushed below e^−87). */
    private static void checkFloat(double[] xs, UnaryOperator<FloatVector> f, DoubleUnaryOperator exact,
            String what) {
        int lanes = VectorMath.FS.length();
        float[] in = new float[lanes];
        float[] out = new float[lanes];
        for (int i = 0; i < xs.length; i += lanes) {
            int n = Math.min(lanes, xs.length - i);
            java.util.Arrays.fill(in, 0);
            for (int j = 0; j < n; j++) {
                in[j] = (float) xs[i + j];
            }
            f.apply(FloatVector.fromArray(VectorMath.FS, in, 0)).intoArray(out, 0);
            for (int j = 0; j < n; j++) {
                float want = (float) exact.applyAsDouble(in[j]);
                if (Float.isNaN(want)) {
                    assertThat(out[j]).as("%s(%s)", what, in[j]).isNaN();
                } else if (Math.abs(want) < 2e-38f) {
                    assertThat(Math.abs(out[j])).as("%s(%s)", what, in[j]).isLessThan(2e-38f);
                } else {
                    assertThat((double) Math.abs(out[j] - want) / Math.ulp(want)).as("float %s(%s) = %s, want %s", what,
                            in[j], out[j], want).isLessThanOrEqualTo(MAX_ULPS);
                }
            }
        }
    }

    @Test
    void floatVersions() {
        Rng rng = Rng.of(44).stream("float");
        checkFloat(arguments(rng, -104, 0, 0.0, -87, -87.5, -1e4, Double.NEGATIVE_INFINITY, Double.NaN),
                VectorMath::expNonPositive, StrictMath::exp, "exp");
        checkFloat(arguments(rng, -20, 0, 0.0, -1e-30, -87, -100, Double.NEGATIVE_INFINITY, Double.NaN),
                VectorMath::expm1NonPositive, StrictMath::expm1, "expm1");
        checkFloat(arguments(rng, 0, 1, 0.0, 1.0, 0.41421356, 0.41421357, 0.5, 1e-30, Double.NaN),
                VectorMath::log1pUnit, StrictMath::log1p, "log1p");
    }

    /** Interpreter and C2 (compiling the backend's classes before their first call) give the same bits. */
    @Test
    void sameBitsInterpretedAndCompiled() throws IOException, InterruptedException {
        String interpreted = probe("-Xint");
        String compiled = probe("-Xcomp", "-XX:-TieredCompilation",
                "-XX:CompileOnly=org.gdcert.backend.vector.*::*");
        assertThat(interpreted).startsWith("digest ");
        assertThat(compiled).isEqualTo(interpreted);
        assertThat("digest " + Long.toHexString(ReproducibilityProbe.digest())).isEqualTo(interpreted);
    }

    private static String probe(String... flags) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-modules");
        cmd.add("jdk.incubator.vector");
        // the same vector width as this JVM (reductions depend on it; a test run may narrow it)
        cmd.add("-XX:MaxVectorSize=" + DoubleVector.SPECIES_PREFERRED.vectorByteSize());
        cmd.addAll(List.of(flags));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ReproducibilityProbe.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return out.lines().filter(l -> l.startsWith("digest ")).findFirst().orElse(out);
    }
}
