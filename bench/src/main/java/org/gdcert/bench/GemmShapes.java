package org.gdcert.bench;

import java.util.Arrays;
import java.util.Locale;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;

/**
 * GEMM throughput of a backend on chosen shapes, for kernel tuning on a shared machine: after 2 s of
 * warm-up, 7 timed products; prints the median and best wall-clock GFLOP/s and the GFLOP/s per CPU
 * second of the process (its threads' run time from /proc/self/task/N/schedstat, divided by the
 * number of threads), which other processes disturb much less than wall-clock time.
 *
 * <p>Arguments: backend, threads, then shapes {@code [T|N][T|N]:m,n,k[:f]} (":f" for float), e.g.
 * {@code vector 2 NN:1024,1024,1024 TN:784,2000,2000:f}.
 */
public final class GemmShapes {
    private GemmShapes() {
    }

    public static void main(String[] args) {
        String backend = args[0];
        int threads = Integer.parseInt(args[1]);
        Rng rng = Rng.of(1);
        for (int i = 2; i < args.length; i++) {
            String[] parts = args[i].split(":");
            boolean ta = parts[0].charAt(0) == 'T';
            boolean tb = parts[0].charAt(1) == 'T';
            int[] s = Arrays.stream(parts[1].split(",")).mapToInt(Integer::parseInt).toArray();
            Precision p = parts.length > 2 ? Precision.FLOAT : Precision.DOUBLE;
            try (Backend be = Backends.create(backend, p, threads)) {
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
                System.out.printf(Locale.ROOT, "%s %-22s %-6s wall %6.1f GFLOP/s (best %6.1f), per cpu-time %6.1f,"
                        + " load %s%n", backend, args[i], p.name().toLowerCase(Locale.ROOT), fl / t[t.length / 2],
                        fl / t[0], fl / cpu[cpu.length / 2], load());
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
