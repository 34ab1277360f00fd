package org.gdcert.backend.vector;

import java.util.Arrays;
import java.util.Locale;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;

/**
 * A quick GEMM timing of the vector backend for kernel development (not a test; the benchmarks
 * proper are in the top-level {@code bench/} folder). Arguments: threads, then shapes as
 * {@code [T|N][T|N]:m,n,k[:f]}, e.g. {@code 2 NN:1024,1024,1024 TN:784,2000,2000:f}.
 */
public final class KernelTiming {
    private KernelTiming() {
    }

    public static void main(String[] args) {
        int threads = Integer.parseInt(args[0]);
        Rng rng = Rng.of(1);
        for (int i = 1; i < args.length; i++) {
            String[] parts = args[i].split(":");
            boolean ta = parts[0].charAt(0) == 'T';
            boolean tb = parts[0].charAt(1) == 'T';
            int[] s = Arrays.stream(parts[1].split(",")).mapToInt(Integer::parseInt).toArray();
            Precision p = parts.length > 2 ? Precision.FLOAT : Precision.DOUBLE;
            try (Backend be = new VectorBackend(p, threads)) {
                int m = s[0];
                int n = s[1];
                int k = s[2];
                Matrix a = be.upload(random(ta ? k : m, ta ? m : k, rng));
                Matrix b = be.upload(random(tb ? n : k, tb ? k : n, rng));
                Matrix c = be.zeros(m, n);
                long end = System.nanoTime() + 2_000_000_000L;
                while (System.nanoTime() < end) {
                    be.gemm(ta, tb, 1, a, b, 0, c);
                }
                double[] t = new double[7];
                double[] cpu = new double[7];
                for (int r = 0; r < t.length; r++) {
                    long c0 = cpuNanos();
                    long t0 = System.nanoTime();
                    be.gemm(ta, tb, 1, a, b, 0, c);
                    t[r] = (System.nanoTime() - t0) / 1e9;
                    cpu[r] = (cpuNanos() - c0) / 1e9 / threads;
                }
                Arrays.sort(t);
                Arrays.sort(cpu);
                double fl = 2.0 * m * n * k / 1e9;
                System.out.printf(Locale.ROOT, "%-22s %-6s wall %6.1f GFLOP/s (best %6.1f), per cpu-time %6.1f,"
                        + " load %s%n", args[i], p.name().toLowerCase(Locale.ROOT), fl / t[t.length / 2], fl / t[0],
                        fl / cpu[cpu.length / 2], load());
            }
        }
    }

    /** CPU time of this process in ns: the sum over its threads of /proc/self/task/N/schedstat. */
    static long cpuNanos() {
        long sum = 0;
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (java.nio.file.Path t : tasks.toList()) {
                try {
                    sum += Long.parseLong(java.nio.file.Files.readString(t.resolve("schedstat")).split(" ")[0]);
                } catch (java.io.IOException | RuntimeException e) {
                    // thread ended
                }
            }
        } catch (java.io.IOException e) {
            return 0;
        }
        return sum;
    }

    static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    static HostMatrix random(int rows, int cols, Rng rng) {
        HostMatrix h = new HostMatrix(rows, cols);
        for (int i = 0; i < h.data().length; i++) {
            h.data()[i] = rng.nextDouble(-1, 1);
        }
        return h;
    }
}
