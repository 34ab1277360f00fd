package org.gdcert.bench;

import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.mult.MatrixMatrixMult_MT_DDRM;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;
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
 * C := A·B for square n×n matrices in double: the {@code java} and {@code vector} backends against
 * EJML ({@code ejml}: {@code CommonOps_DDRM.mult}, one thread; {@code ejml_mt}: EJML's concurrent
 * {@code MatrixMatrixMult_MT_DDRM}). Also float for the two backends. One operation is one product;
 * divide 2n³ by the time for GFLOP/s.
 *
 * <pre>
 * bench/run.sh --jmh GemmBenchmark -p size=1024 -p impl=vector,java,ejml_mt
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx4g"})
public class GemmBenchmark {
    @Param({"1024", "2048"})
    public int size;

    @Param({"vector", "java", "ejml", "ejml_mt"})
    public String impl;

    @Param({"double"})
    public String precision;

    @Param({"2"})
    public int threads;

    private Backend backend;
    private Matrix a;
    private Matrix b;
    private Matrix c;
    private DMatrixRMaj ea;
    private DMatrixRMaj eb;
    private DMatrixRMaj ec;

    @Setup(Level.Trial)
    public void setUp() {
        Rng rng = Rng.of(size);
        HostMatrix ha = new HostMatrix(size, size);
        HostMatrix hb = new HostMatrix(size, size);
        rng.fillGaussian(ha.data(), 1);
        rng.fillGaussian(hb.data(), 1);
        if (impl.startsWith("ejml")) {
            if (!precision.equals("double")) {
                throw new IllegalArgumentException("the EJML peer is double only");
            }
            if (impl.equals("ejml_mt")) {
                org.ejml.concurrency.EjmlConcurrency.setMaxThreads(threads);
            }
            ea = new DMatrixRMaj(size, size, true, ha.data());
            eb = new DMatrixRMaj(size, size, true, hb.data());
            ec = new DMatrixRMaj(size, size);
        } else {
            backend = Backends.create(impl, Precision.valueOf(precision.toUpperCase(java.util.Locale.ROOT)), threads);
            a = backend.upload(ha);
            b = backend.upload(hb);
            c = backend.zeros(size, size);
        }
    }

    @Benchmark
    public Object multiply() {
        switch (impl) {
            case "ejml" -> CommonOps_DDRM.mult(ea, eb, ec);
            case "ejml_mt" -> MatrixMatrixMult_MT_DDRM.mult_reorder(ea, eb, ec);
            default -> backend.gemm(false, false, 1, a, b, 0, c);
        }
        return c != null ? c : ec;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (backend != null) {
            backend.close();
        }
    }
}
