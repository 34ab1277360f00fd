package org.gdcert.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.spi.Backend;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full GD step (forward, loss, backward, update) of the reference net N = 2000,
 * 784 → 2000 → 64 → 10, softplus ({@link GdStep}), on the {@code java} and {@code vector} backends
 * in double and float. The PyTorch figure to compare with comes from {@code peers/torch_gd_step.py}
 * ({@code bench/run.sh} runs both).
 *
 * <pre>
 * bench/run.sh --jmh GdStepBenchmark -p backend=vector
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx4g"})
public class GdStepBenchmark {
    @Param({"vector", "java"})
    public String backend;

    @Param({"double", "float"})
    public String precision;

    @Param({"2"})
    public int threads;

    private Backend be;
    private GdStep step;

    @Setup(Level.Trial)
    public void setUp() {
        be = Backends.create(backend, Precision.valueOf(precision.toUpperCase(Locale.ROOT)), threads);
        step = GdStep.reference(be);
    }

    @Benchmark
    public double step() {
        return step.step();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        step.close();
        be.close();
    }
}
