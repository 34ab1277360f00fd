package org.gdcert.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gdcert.certificates.kernels.Spectral;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;

/**
 * The whole comparison of the benchmark goals in one process, peers and gdcert one after the other
 * on the same machine, printing the ratios ({@code bench/run.sh} runs it). For each of
 * {@code --rounds} rounds it runs the peer (a Python subprocess from {@code bench/peers}) and then
 * gdcert on the same work; each side's figure is the median over the rounds, so that a change of
 * load during the run hits both sides alike. The one-minute load average is printed with every
 * figure.
 *
 * <ol>
 *   <li>GEMM n×n×n in double for n = 1024 and 2048 against NumPy/OpenBLAS: the mean over products
 *       run for {@code --gemm-seconds} after one warm-up product (the shared reference protocol; gdcert
 *       also runs products for 2 s before its first round, the JIT's warm-up); goal: at least 60% of
 *       NumPy's GFLOP/s.</li>
 *   <li>One full GD step of the reference net (N = 2000, 784 → 2000 → 64 → 10, softplus) against
 *       PyTorch's CPU build, double vs float64 and float vs float32, both with {@code --threads}
 *       threads: the mean over {@code --steps} steps after a warm-up (PyTorch: 3 steps; gdcert: at
 *       least 3 steps and 2 s, for the JIT); goal: no slower than PyTorch.</li>
 *   <li>λ_F = σ_N(F_1) of the certificates issue's setting (N = 2000, 784 → 4000) as the
 *       {@code nguyen_mondelli} checker computes it, against NumPy's Gram matrix + {@code eigvalsh}
 *       on the same F_1 (written as .npy).</li>
 * </ol>
 *
 * <p>Options: {@code --python /usr/bin/python3 --peers bench/peers --backend vector --threads 2
 * --rounds 3 --gemm-seconds 2 --sizes 1024,2048 --steps 20 --only gemm,gd,sigma --also-java}.
 */
public final class Comparison {
    private static final double GEMM_GOAL = 0.60;
    private static final double GD_GOAL = 1.0;
    private static final double WARM_UP_SECONDS = 2;

    private final Map<String, String> o;
    private final String python;
    private final Path peers;
    private final int threads;
    private final int rounds;
    private final String backendName;
    private final List<String> summary = new ArrayList<>();

    private Comparison(Map<String, String> o) {
        this.o = o;
        this.python = o.getOrDefault("python", "/usr/bin/python3");
        this.peers = Path.of(o.getOrDefault("peers", "bench/peers"));
        this.threads = Integer.parseInt(o.getOrDefault("threads", "2"));
        this.rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
        this.backendName = o.getOrDefault("backend", "vector");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        new Comparison(o).run();
    }

    private void run() throws Exception {
        Set<String> only = new TreeSet<>(Arrays.asList(o.getOrDefault("only", "gemm,gd,sigma").split(",")));
        say("gdcert benchmark comparison");
        say("machine: %s, %d processors; %s", cpuModel(), Runtime.getRuntime().availableProcessors(), memory());
        say("JDK: %s %s (%s), %s", System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vendor"), System.getProperty("java.home"));
        try (Backend probe = Backends.create(backendName, Precision.DOUBLE, threads)) {
            say("gdcert backend: %s", probe.describe());
        }
        say("threads: %d on both sides; %d rounds, medians reported; load average now %.2f", threads, rounds,
                Backends.load());
        if (only.contains("gemm")) {
            gemm();
        }
        if (only.contains("gd")) {
            gdStep();
        }
        if (only.contains("sigma")) {
            sigma();
        }
        say("");
        say("summary (%s, %d threads, load average at the end %.2f)", backendName, threads, Backends.load());
        for (String s : summary) {
            say("  %s", s);
        }
    }

    // ---------------------------------------------------------------- 1. GEMM

    private void gemm() throws IOException, InterruptedException {
        double seconds = Double.parseDouble(o.getOrDefault("gemm-seconds", "2"));
        int[] sizes = Arrays.stream(o.getOrDefault("sizes", "1024,2048").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        say("");
        say("1. GEMM n x n x n, double, %d threads (GFLOP/s; gdcert/NumPy, goal >= %.2f)", threads, GEMM_GOAL);
        Map<String, String> blas = peer("numpy_gemm.py", "0");
        String lib = blas.getOrDefault("blas", "unknown");
        say("   NumPy %s, BLAS: %s", blas.getOrDefault("numpy", "?"), lib);
        boolean openblas = lib.toLowerCase(Locale.ROOT).contains("openblas");
        if (!openblas) {
            say("   WARNING: NumPy is not using OpenBLAS but %s; the reference BLAS is single-threaded and ~50x"
                    + " slower, so these ratios say nothing. Install it: apt-get install libopenblas0-pthread", lib);
        }
        List<String> args = new ArrayList<>();
        args.add(String.valueOf(seconds));
        for (int n : sizes) {
            args.add(String.valueOf(n));
        }
        double[][] peer = new double[sizes.length][rounds];
        double[][] ours = new double[sizes.length][rounds];
        double[][] java = new double[sizes.length][rounds];
        boolean alsoJava = o.containsKey("also-java");
        Rng rng = Rng.of(7);
        try (Backend be = Backends.create(backendName, Precision.DOUBLE, threads);
                Backend jb = alsoJava ? Backends.create("java", Precision.DOUBLE, threads) : null) {
            for (int r = 0; r < rounds; r++) {
                Map<String, String> p = peer("numpy_gemm.py", args.toArray(String[]::new));
                for (int i = 0; i < sizes.length; i++) {
                    int n = sizes[i];
                    peer[i][r] = Double.parseDouble(p.get("gemm_" + n));
                    ours[i][r] = gemmGflops(be, n, r == 0 ? WARM_UP_SECONDS : 0, seconds, rng);
                    String extra = "";
                    if (jb != null) {
                        java[i][r] = gemmGflops(jb, n, r == 0 ? WARM_UP_SECONDS : 0, seconds, rng);
                        extra = String.format(Locale.ROOT, ", java backend %.1f", java[i][r]);
                    }
                    say("   round %d  n=%-5d NumPy %6.1f  gdcert %6.1f  ratio %.2f%s  (load %.2f)", r + 1, n,
                            peer[i][r], ours[i][r], ours[i][r] / peer[i][r], extra, Backends.load());
                }
            }
        }
        for (int i = 0; i < sizes.length; i++) {
            double p = median(peer[i]);
            double g = median(ours[i]);
            double ratio = medianRatio(ours[i], peer[i]);
            String line = String.format(Locale.ROOT, "GEMM %d^3 double: NumPy/%s %.1f GFLOP/s, gdcert %.1f GFLOP/s:"
                    + " ratio %.2f (goal >= %.2f) %s", sizes[i], openblas ? "OpenBLAS" : "NOT OpenBLAS", p, g, ratio,
                    GEMM_GOAL, verdict(ratio >= GEMM_GOAL));
            if (alsoJava) {
                line += String.format(Locale.ROOT, " [java backend %.1f GFLOP/s]", median(java[i]));
            }
            summary.add(line);
        }
    }

    /**
     * The mean GFLOP/s of n×n×n products run for {@code seconds} after one warm-up product, and before
     * that products for {@code warmUp} seconds (the JIT's warm-up, in the first round).
     */
    private static double gemmGflops(Backend be, int n, double warmUp, double seconds, Rng rng) {
        try (Matrix a = be.upload(random(n, n, rng)); Matrix b = be.upload(random(n, n, rng));
                Matrix c = be.zeros(n, n)) {
            long warm = System.nanoTime() + (long) (warmUp * 1e9);
            do {
                be.gemm(false, false, 1, a, b, 0, c);
            } while (System.nanoTime() < warm);
            long t0 = System.nanoTime();
            long end = t0 + (long) (seconds * 1e9);
            int reps = 0;
            long t;
            do {
                be.gemm(false, false, 1, a, b, 0, c);
                reps++;
                t = System.nanoTime();
            } while (t < end);
            return 2.0 * n * n * n * reps / ((t - t0) / 1e9) / 1e9;
        }
    }

    // ---------------------------------------------------------------- 2. GD step

    private void gdStep() throws IOException, InterruptedException {
        int steps = Integer.parseInt(o.getOrDefault("steps", "20"));
        double flops = GdStep.flops(GdStep.REFERENCE_N, GdStep.REFERENCE_WIDTHS);
        say("");
        say("2. one GD step, N=%d, 784 -> 2000 -> 64 -> 10, softplus, %d threads (ms per step; PyTorch/gdcert,"
                + " goal >= %.2f)", GdStep.REFERENCE_N, threads, GD_GOAL);
        for (Precision precision : Precision.values()) {
            String dtype = precision == Precision.DOUBLE ? "float64" : "float32";
            double[] peer = new double[rounds];
            double[] ours = new double[rounds];
            String torch = "?";
            try (Backend be = Backends.create(backendName, precision, threads); GdStep step = GdStep.reference(be)) {
                for (int r = 0; r < rounds; r++) {
                    Map<String, String> p = peer("torch_gd_step.py", String.valueOf(threads), dtype,
                            String.valueOf(steps));
                    torch = p.getOrDefault("torch", "?");
                    peer[r] = Double.parseDouble(p.get("step_ms"));
                    ours[r] = step.timeSteps(r == 0 ? WARM_UP_SECONDS : 0, steps) * 1e3;
                    say("   round %d  %-7s PyTorch %s %7.1f ms  gdcert %7.1f ms  ratio %.2f  (%.1f GFLOP/s; loss %.4e"
                            + " vs %.4e; load %.2f)", r + 1, dtype, torch, peer[r], ours[r], peer[r] / ours[r],
                            flops / ours[r] / 1e6, step.loss(), Double.parseDouble(p.get("loss")), Backends.load());
                }
            }
            double p = median(peer);
            double g = median(ours);
            double ratio = medianRatio(peer, ours);
            summary.add(String.format(Locale.ROOT, "GD step %s: PyTorch %s (%s) %.1f ms, gdcert %s %.1f ms: ratio"
                    + " PyTorch/gdcert %.2f (goal >= %.2f) %s", precision.name().toLowerCase(Locale.ROOT), torch,
                    dtype, p, backendName, g, ratio, GD_GOAL, verdict(ratio >= GD_GOAL)));
        }
    }

    // ---------------------------------------------------------------- 3. sigma_N(F_1)

    private void sigma() throws IOException, InterruptedException {
        say("");
        say("3. λ_F = σ_N(F_1), N=2000, 784 -> 4000, smoothrelu(0.5, 1), the nguyen_mondelli checker's route"
                + " (seconds; NumPy/gdcert)");
        Path dir = Files.createTempDirectory("gdcert-bench");
        Path file = dir.resolve("F1.npy");
        double[] peer = new double[rounds];
        double[] ours = new double[rounds];
        double[] peerGram = new double[rounds];
        double[] ourGram = new double[rounds];
        double peerValue = Double.NaN;
        Spectral.Value value = null;
        try (Backend be = Backends.create(backendName, Precision.DOUBLE, threads);
                SigmaMinWork work = SigmaMinWork.reference(be)) {
            work.writeFeatures(file);
            value = work.sigmaN(); // JIT warm-up of the Lanczos and Cholesky code
            for (int r = 0; r < rounds; r++) {
                Map<String, String> p = peer("numpy_sigma_min.py", file.toString(), "1");
                peer[r] = Double.parseDouble(p.get("seconds_0"));
                peerGram[r] = Double.parseDouble(p.get("gram_seconds_0"));
                peerValue = Double.parseDouble(p.get("sigma_n"));
                long t0 = System.nanoTime();
                value = work.sigmaN();
                ours[r] = (System.nanoTime() - t0) / 1e9;
                ourGram[r] = work.gramSeconds();
                say("   round %d  NumPy %6.3f s  gdcert %6.3f s  ratio %.2f  (Gram matrix alone: NumPy %.3f s, gdcert"
                        + " %.3f s; load %.2f)", r + 1, peer[r], ours[r], peer[r] / ours[r], peerGram[r], ourGram[r],
                        Backends.load());
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
        say("   σ_N: NumPy %.10g, gdcert %.10g (relative difference %.1e); gdcert: %s", peerValue, value.value(),
                Math.abs(value.value() - peerValue) / peerValue, value.method());
        double p = median(peer);
        double g = median(ours);
        summary.add(String.format(Locale.ROOT, "σ_N(F_1) 2000x4000: NumPy (Gram + eigvalsh) %.3f s, gdcert %.3f s:"
                + " ratio NumPy/gdcert %.2f; the Gram matrix alone: NumPy %.3f s, gdcert %.3f s, ratio %.2f", p, g,
                medianRatio(peer, ours), median(peerGram), median(ourGram), medianRatio(peerGram, ourGram)));
    }

    // ---------------------------------------------------------------- helpers

    /** Runs a peer script and parses its "key value" lines. */
    private Map<String, String> peer(String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(python);
        cmd.add(peers.resolve(script).toString());
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("OPENBLAS_NUM_THREADS", String.valueOf(threads));
        pb.environment().put("OMP_NUM_THREADS", String.valueOf(threads));
        Process p = pb.start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("peer " + String.join(" ", cmd) + " failed (exit " + p.exitValue()
                    + "):\n" + out);
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            String[] kv = line.trim().split("\\s+", 2);
            if (kv.length == 2) {
                m.put(kv[0], kv[1]);
            }
        }
        return m;
    }

    private static String verdict(boolean met) {
        return met ? "MET" : "NOT MET";
    }

    private static HostMatrix random(int rows, int cols, Rng rng) {
        HostMatrix h = new HostMatrix(rows, cols);
        rng.fillGaussian(h.data(), 1);
        return h;
    }

    /** The median over rounds of num[r] / den[r]. */
    static double medianRatio(double[] num, double[] den) {
        double[] r = new double[num.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = num[i] / den[i];
        }
        return median(r);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static String memory() {
        return String.format(Locale.ROOT, "max heap %.1f GiB", Runtime.getRuntime().maxMemory() / (double) (1L << 30));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
            }
            String key = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                o.put(key, args[++i]);
            } else {
                o.put(key, "true");
            }
        }
        return o;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
