package org.gdcert.certificates.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.ServiceLoader;
import org.gdcert.certificates.generic.NtkSpectrum;
import org.gdcert.certificates.kernels.ExpectedGram;
import org.gdcert.certificates.kernels.HostDoubleBackend;
import org.gdcert.certificates.kernels.Spectral;
import org.gdcert.certificates.nguyen.NguyenMondelli;
import org.gdcert.certificates.testing.Ctx;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.io.Npy;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.math.SpecialFunctions;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;
import org.gdcert.core.spi.ActivationProvider;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.BackendProvider;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;

/**
 * Bench main for issue item 7 (not a test): assessing {@code nguyen_mondelli} and {@code ntk} for
 * N = 2000, widths 784 → 4000 → 64 → 10 against NumPy computing the same spectral quantities, in
 * one run. Writes X, Y, W_l as .npy, runs the NumPy peer ({@code certificates/bench/nguyen_peer.py})
 * on them, then gdcert, and prints both timings and their ratio. See {@code certificates/bench/README.md}.
 *
 * <p>Options: {@code --n 2000 --widths 784,4000,64,10 --backend auto|NAME --ntk-products 10
 * --python /usr/bin/python3 --peer certificates/bench/nguyen_peer.py --out DIR --no-peer --no-ntk
 * --repeat 3}. Every spectral timing is the best of {@code --repeat} runs on both sides.
 */
public final class NguyenBench {
    private static final double GAMMA = 0.5;
    private static final double BETA = 1.0;

    private NguyenBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int n = Integer.parseInt(o.getOrDefault("n", "2000"));
        int[] w = java.util.Arrays.stream(o.getOrDefault("widths", "784,4000,64,10").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int products = Integer.parseInt(o.getOrDefault("ntk-products", "10"));
        int repeat = Integer.parseInt(o.getOrDefault("repeat", "3"));
        Path dir = Path.of(o.getOrDefault("out", Files.createTempDirectory("nguyen-bench").toString()));
        Files.createDirectories(dir);
        int d = w[0];
        int[] widths = java.util.Arrays.copyOfRange(w, 1, w.length);
        say("nguyen bench: N=%d widths %s, smoothrelu(γ=%s, β=%s), ntk %d Lanczos products; load %s", n,
                String.join(" -> ", java.util.Arrays.stream(w).mapToObj(String::valueOf).toList()), GAMMA, BETA,
                products, load());
        HostMatrix x = Ctx.sphere(n, d, 1);
        HostMatrix y = new HostMatrix(n, widths[widths.length - 1]);
        Rng.of(2).stream("y").fillGaussian(y.data(), 1);
        List<HostMatrix> ws = Ctx.lecun(d, widths, 3);
        Npy.write(dir.resolve("X.npy"), x);
        Npy.write(dir.resolve("Y.npy"), y);
        for (int l = 1; l <= ws.size(); l++) {
            Npy.write(dir.resolve("W" + l + ".npy"), ws.get(l - 1));
        }
        Map<String, Double> peer = new LinkedHashMap<>();
        if (!o.containsKey("no-peer")) {
            peer = runPeer(o.getOrDefault("python", "/usr/bin/python3"), o.getOrDefault("peer",
                    "certificates/bench/nguyen_peer.py"), dir, o.containsKey("no-ntk") ? 0 : products, repeat);
        }

        Configured<Activation> act = activation();
        try (Backend b = backend(o.getOrDefault("backend", "auto"))) {
            say("gdcert backend: %s; activation: %s (%s)", b.describe(), act, act.instance().getClass().getName());
            NetworkSpec spec = Ctx.mlp(d, widths, act);
            CertificateContext ctx = Ctx.of(b, spec, x, y, ws, OptionalDouble.empty());
            NguyenMondelli checker = new NguyenMondelli(1e-9, 0, true, 40, 10, 0);
            long t0 = System.nanoTime();
            CertificateReport first = checker.assess(ctx);
            double cold = secs(t0);
            CertificateReport rep = first;
            double warm = Double.POSITIVE_INFINITY;
            for (int round = 0; round < repeat; round++) {
                t0 = System.nanoTime();
                rep = checker.assess(ctx);
                warm = Math.min(warm, secs(t0));
            }
            // the same spectral quantities, one by one (as assess computes them)
            Map<String, Double> jt = new LinkedHashMap<>();
            Map<String, Double> jv = new LinkedHashMap<>();
            Network net = ctx.network();
            try (Matrix mx = b.upload(x); ForwardPass fp = net.newForwardPass(n)) {
                t0 = System.nanoTime();
                net.forward(mx, fp);
                jt.put("forward", secs(t0));
                for (int round = 0; round < repeat; round++) {
                    t0 = System.nanoTime();
                    jv.put("normX2", Spectral.sigmaMax(b, mx).value());
                    best(jt, "normX2", secs(t0));
                    t0 = System.nanoTime();
                    jv.put("specNorm1", Spectral.sigmaMax(b, net.parameters().weight(1)).value());
                    jv.put("specNorm2", Spectral.sigmaMax(b, net.parameters().weight(2)).value());
                    jv.put("specNorm3", Spectral.sigmaMax(b, net.parameters().weight(3)).value());
                    jv.put("lambda3", Spectral.sigmaMin(b, net.parameters().weight(3)).value());
                    best(jt, "weights", secs(t0));
                    t0 = System.nanoTime();
                    jv.put("lambdaF", Spectral.sigmaN(b, fp.features(1)).value());
                    best(jt, "lambdaF", secs(t0));
                    t0 = System.nanoTime();
                    jv.put("lambdaStar", ExpectedGram.lambdaStar(b, x, act, 1.0 / d, 40).orElseThrow().value());
                    best(jt, "lambdaStar", secs(t0));
                }
            }
            double spectral = jt.get("normX2") + jt.get("weights") + jt.get("lambdaF") + jt.get("lambdaStar");
            say("");
            say("%-22s %12s %12s %8s   (best of %d on each side)", "spectral quantity", "NumPy [s]", "gdcert [s]",
                    "ratio", repeat);
            for (String k : List.of("normX2", "weights", "lambdaF", "lambdaStar")) {
                double p = peer.getOrDefault("time_" + k + "_s", Double.NaN);
                say("%-22s %12.3f %12.3f %8.2f", k, p, jt.get(k), jt.get(k) / p);
            }
            double ps = peer.getOrDefault("spectral_total_s", Double.NaN);
            say("%-22s %12.3f %12.3f %8.2f   <- item 7: ratio must be <= 3", "spectral total", ps, spectral,
                    spectral / ps);
            say("%-22s %12.3f %12.3f %8s   (NumPy: GEMMs only; its activation took %.3f s, vectorised math.erfc)",
                    "forward pass", peer.getOrDefault("forward_gemm_s", Double.NaN), jt.get("forward"), "",
                    peer.getOrDefault("activation_s", Double.NaN));
            say("%-22s %12s %12.3f %8.2f   (best of %d; cold %.3f s, with JIT warm-up); vs NumPy spectral + "
                    + "forward GEMMs",
                    "nguyen_mondelli assess", "", warm, warm / (ps + peer.getOrDefault("forward_gemm_s", Double.NaN)),
                    repeat, cold);
            say("");
            say("agreement (gdcert vs NumPy): %s", agreement(jv, peer));
            say("verdict %s; slack (4) %.3g, (5) %.3g; λ_F %.6g; λ_* %.6g", rep.verdict(),
                    rep.condition("cond4").orElseThrow().slack(), rep.condition("cond5").orElseThrow().slack(),
                    rep.quantity("lambdaF").orElseThrow().value(), rep.quantity("lambdaStar").orElseThrow().value());
            if (first.verdict() != rep.verdict()) {
                throw new IllegalStateException("cold and warm assessments disagree");
            }
            if (!o.containsKey("no-ntk") && products > 0) {
                try (Matrix mx = b.upload(x)) {
                    t0 = System.nanoTime();
                    NtkSpectrum sp = NtkSpectrum.of(net, mx, 0, products, 0, 1);
                    double t = secs(t0);
                    double p = peer.getOrDefault("ntk_s", Double.NaN);
                    say("");
                    say("%-22s %12.3f %12.3f %8.2f   <- item 7 (%d products of v -> J(Jᵀv) each side)", "ntk Lanczos",
                            p, t, t / p, sp.products());
                    say("ntk λ_max: gdcert %.8g, NumPy %.8g; λ_min Ritz: gdcert %.6g, NumPy %.6g", sp.max(),
                            peer.getOrDefault("ntk_lambda_max", Double.NaN), sp.min(),
                            peer.getOrDefault("ntk_lambda_min", Double.NaN));
                }
            }
        }
        say("load at the end: %s", load());
    }

    private static String agreement(Map<String, Double> java, Map<String, Double> peer) {
        List<String> out = new ArrayList<>();
        for (var e : java.entrySet()) {
            double p = peer.getOrDefault(e.getKey(), Double.NaN);
            out.add(String.format(Locale.ROOT, "%s rel.diff %.1e", e.getKey(), Math.abs(e.getValue() - p) / Math.abs(p)));
        }
        return String.join(", ", out);
    }

    private static void best(Map<String, Double> times, String key, double seconds) {
        times.merge(key, seconds, Math::min);
    }

    private static Map<String, Double> runPeer(String python, String script, Path dir, int products, int repeat)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(python, script, dir.toString(), String.valueOf(GAMMA),
                String.valueOf(BETA), String.valueOf(products), String.valueOf(repeat)).redirectErrorStream(true);
        say("running the NumPy peer: %s", String.join(" ", pb.command()));
        Process p = pb.start();
        Map<String, Double> m = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] kv = line.trim().split("\\s+", 2);
                try {
                    m.put(kv[0], Double.parseDouble(kv[1]));
                } catch (RuntimeException e) {
                    say("peer: %s", line);
                }
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("the NumPy peer failed (exit " + p.exitValue() + ")");
        }
        return m;
    }

    /** A backend plugin found on the class path by name ("auto": vector, then java), else the private host one. */
    private static Backend backend(String name) {
        List<BackendProvider> all = ServiceLoader.load(BackendProvider.class).stream().map(ServiceLoader.Provider::get)
                .toList();
        List<String> order = name.equals("auto") ? List.of("vector", "java") : List.of(name);
        for (String want : order) {
            Optional<BackendProvider> p = all.stream().filter(b -> b.name().equals(want)).findFirst();
            if (p.isPresent()) {
                return p.get().configureDefaults().instance();
            }
        }
        if (!name.equals("auto")) {
            throw new IllegalArgumentException("no backend '" + name + "' on the class path");
        }
        return new HostDoubleBackend(Runtime.getRuntime().availableProcessors());
    }

    /** The smoothrelu plugin when the activations module is on the class path, else a local closed form. */
    private static Configured<Activation> activation() {
        for (ActivationProvider p : ServiceLoader.load(ActivationProvider.class)) {
            if (p.name().equals("smoothrelu")) {
                return p.configure(List.of(Argument.named("gamma", GAMMA), Argument.named("beta", BETA)));
            }
        }
        double s = (1 - GAMMA) / (BETA * SpecialFunctions.SQRT_2PI);
        double p0 = SpecialFunctions.normalPdf(0);
        Activation a = new Activation() {
            @Override
            public double value(double v) {
                double z = v / s;
                return GAMMA * v + (1 - GAMMA) * s * (z * SpecialFunctions.normalCdf(z) + SpecialFunctions
                        .normalPdf(z) - p0);
            }

            @Override
            public double derivative(double v) {
                return GAMMA + (1 - GAMMA) * SpecialFunctions.normalCdf(v / s);
            }

            @Override
            public double secondDerivative(double v) {
                return (1 - GAMMA) / s * SpecialFunctions.normalPdf(v / s);
            }

            @Override
            public ActivationProperties properties() {
                return new ActivationProperties(true, true, GAMMA, 1, BETA, true, false);
            }
        };
        ParameterSchema schema = ParameterSchema.of(ParameterSpec.real("gamma", 0.5, ""), ParameterSpec.real("beta",
                1, ""));
        return new Configured<>("smoothrelu", schema.validateOrThrow("smoothrelu", List.of(Argument.named("gamma",
                GAMMA), Argument.named("beta", BETA))), a);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String k = args[i].substring(2);
            if (k.startsWith("no-")) {
                m.put(k, "");
            } else {
                m.put(k, args[++i]);
            }
        }
        return m;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) * 1e-9;
    }

    private static void say(String fmt, Object... args) {
        System.out.println(String.format(Locale.ROOT, fmt, args));
    }
}
