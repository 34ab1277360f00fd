package org.gdcert.backend.java;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;

/**
 * GEMM throughput of the java backend against EJML's {@code CommonOps_DDRM.mult}, measured in the
 * same run (not a unit test). Run from the repository root:
 *
 * <pre>
 * mvn -q -o -pl backends/java -am -Pbench test-compile
 * </pre>
 *
 * System properties: {@code bench.size} (default 1024), {@code bench.threads} (2),
 * {@code bench.reps} (timed repetitions, 10), {@code bench.shapes} (true: also the transposed and
 * network shapes, and float). Every case first runs for two seconds (JIT warm-up); the timed runs of
 * the two libraries alternate so that both see the same load; each figure is the median of the
 * repetitions. On Linux the headline also gives GFLOP per CPU-second of the process (from
 * /proc/self/stat), a figure that other load on the machine disturbs much less than wall-clock
 * time: per core, what each library gets out of the time it is given.
 */
public final class GemmBench {
    private static final double WARM_UP_SECONDS = 2;
    private GemmBench() {
    }

    public static void main(String[] args) {
        int size = Integer.getInteger("bench.size", 1024);
        int threads = Integer.getInteger("bench.threads", 2);
        int reps = Integer.getInteger("bench.reps", 10);
        boolean shapes = Boolean.parseBoolean(System.getProperty("bench.shapes", "true"));
        System.out.printf(Locale.ROOT, "GEMM benchmark: %s, %d available processors, java backend with %d threads,"
                + " load average %.2f%n", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), threads, loadAverage());

        Rng rng = Rng.of(20240611L);
        HostMatrix a = random(size, size, rng);
        HostMatrix b = random(size, size, rng);
        DMatrixRMaj ea = new DMatrixRMaj(size, size, true, a.data());
        DMatrixRMaj eb = new DMatrixRMaj(size, size, true, b.data());
        DMatrixRMaj ec = new DMatrixRMaj(size, size);
        try (Backend java = new JavaBackend(Precision.DOUBLE, threads)) {
            Matrix ja = java.upload(a);
            Matrix jb = java.upload(b);
            Matrix jc = java.zeros(size, size);
            Runnable ours = () -> java.gemm(false, false, 1, ja, jb, 0, jc);
            Runnable ejml = () -> CommonOps_DDRM.mult(ea, eb, ec);
            warmUp(ours);
            warmUp(ejml);
            double[] tOurs = new double[reps];
            double[] tEjml = new double[reps];
            double cpuOurs = 0;
            double cpuEjml = 0;
            for (int r = 0; r < reps; r++) {
                double c0 = processCpuSeconds();
                tOurs[r] = seconds(ours);
                double c1 = processCpuSeconds();
                tEjml[r] = seconds(ejml);
                double c2 = processCpuSeconds();
                cpuOurs += c1 - c0;
                cpuEjml += c2 - c1;
            }
            double diff = java.download(jc).maxAbsDiff(new HostMatrix(size, size, ec.getData()));
            double flops = 2.0 * size * size * size;
            double gOurs = flops / median(tOurs) / 1e9;
            double gEjml = flops / median(tEjml) / 1e9;
            System.out.printf(Locale.ROOT, "%dx%dx%d double NN: java %.2f GFLOP/s, EJML mult %.2f GFLOP/s, ratio %.2f"
                    + " (max |diff| %.1e, load average %.2f)%n", size, size, size, gOurs, gEjml, gOurs / gEjml, diff,
                    loadAverage());
            if (cpuOurs > 0 && cpuEjml > 0) {
                double perCpuOurs = flops * reps / cpuOurs / 1e9;
                double perCpuEjml = flops * reps / cpuEjml / 1e9;
                System.out.printf(Locale.ROOT, "  per CPU-second (less sensitive to other load): java %.2f, EJML %.2f"
                        + " GFLOP per CPU-s, ratio %.2f%n", perCpuOurs, perCpuEjml, perCpuOurs / perCpuEjml);
            }
        }
        if (shapes) {
            for (Precision p : Precision.values()) {
                try (Backend java = new JavaBackend(p, threads)) {
                    for (Shape s : shapes(size)) {
                        System.out.printf(Locale.ROOT, "%-44s %-6s %7.2f GFLOP/s%n", s, p.name().toLowerCase(Locale.ROOT),
                                s.gflops(java, rng, reps));
                    }
                }
            }
        }
    }

    private record Shape(String label, boolean transA, boolean transB, int m, int n, int k) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s (%s%s, m=%d n=%d k=%d)", label, transA ? "T" : "N",
                    transB ? "T" : "N", m, n, k);
        }

        double gflops(Backend be, Rng rng, int reps) {
            Matrix a = be.upload(transA ? random(k, m, rng) : random(m, k, rng));
            Matrix b = be.upload(transB ? random(n, k, rng) : random(k, n, rng));
            Matrix c = be.zeros(m, n);
            Runnable run = () -> be.gemm(transA, transB, 1, a, b, 0, c);
            warmUp(run);
            double[] t = new double[reps];
            for (int r = 0; r < reps; r++) {
                t[r] = seconds(run);
            }
            return 2.0 * m * n * k / median(t) / 1e9;
        }
    }

    private static List<Shape> shapes(int s) {
        List<Shape> l = new ArrayList<>();
        l.add(new Shape("square", false, false, s, s, s));
        l.add(new Shape("square", true, false, s, s, s));
        l.add(new Shape("square", false, true, s, s, s));
        l.add(new Shape("square", true, true, s, s, s));
        l.add(new Shape("forward X·W", false, false, 2000, 2000, 784));
        l.add(new Shape("gradient Fᵀ·Δ", true, false, 2000, 64, 2000));
        l.add(new Shape("backprop Δ·Wᵀ", false, true, 2000, 2000, 64));
        l.add(new Shape("output layer X·W", false, false, 2000, 10, 64));
        l.add(new Shape("small", false, false, 64, 64, 64));
        return l;
    }

    /**
     * User + system CPU seconds of this process from /proc/self/stat (NaN where there is none),
     * assuming the usual 100 clock ticks per second.
     */
    private static double processCpuSeconds() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The load average over the last minute from /proc/loadavg (NaN where there is none). */
    private static double loadAverage() {
        try {
            String line = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"));
            return Double.parseDouble(line.trim().split("\\s+")[0]);
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static HostMatrix random(int rows, int cols, Rng rng) {
        HostMatrix m = new HostMatrix(rows, cols);
        double[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextDouble(-1, 1);
        }
        return m;
    }

    /** Runs {@code r} for {@value #WARM_UP_SECONDS} s so that C2 has compiled the loops. */
    private static void warmUp(Runnable r) {
        long end = System.nanoTime() + (long) (WARM_UP_SECONDS * 1e9);
        do {
            r.run();
        } while (System.nanoTime() < end);
    }

    private static double seconds(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double median(double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
