package org.gdcert.backend.cuda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProvider;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.Availability;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.BackendProvider;
import org.gdcert.core.spi.ClosedForm;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.spi.ValidatedParams;

/**
 * The GD-step benchmark of the Vector API issue ({@code bench/GdStep} on that branch), on any backends
 * found on the class path, with the throughput ratio of the first to the others. One step is the
 * engine's forward pass, loss Φ = ½‖F_L − Y‖², gradient (VJP with the residual) and the update
 * θ −= η∇Φ (η = 1e-6), on the reference net: widths d → n_1 → n_2 → n_3 with softplus on the hidden
 * layers, no biases, X and Y standard Gaussian, W_l Gaussian with variance 1/fan-in (seed 20240611).
 * Timing protocol as GdStep's: steps for at least the warm-up time (and at least 3 steps), then the
 * timed steps; the mean per step. Each step ends with Φ back on the host, so the GPU's work is finished
 * when the clock stops.
 *
 * <pre>
 * backends/cuda/gpu-kit.sh && backends/cuda/target/gpu-kit/run.sh bench            (on the GPU machine)
 * java -cp ... org.gdcert.backend.cuda.CudaGdStepBench --backends cuda,vector --precision double,float \
 *      --sizes reference,gpu --steps 5 --warmup-seconds 3
 * </pre>
 *
 * Sizes: {@code reference} is the net (N = 2000, 784 → 2000 → 64 → 10); {@code gpu} scales it to
 * N = n_1 = 16384 (784 → 16384 → 64 → 10), where every GEMM of the step has enough tiles to fill an
 * H100's 132 multiprocessors many times over (see README.md); {@code N:dxn1xn2xn3} gives any other.
 * Prints, never tested: this is a benchmark main, not a test.
 */
public final class CudaGdStepBench {
    private static final double ETA = 1e-6;
    private static final long SEED = 20240611L;

    private CudaGdStepBench() {
    }

    /** A size: N samples and the widths. */
    record Size(String label, int n, int[] widths) {
        static Size parse(String s) {
            switch (s) {
                case "reference":
                    return new Size(s, 2000, new int[] {784, 2000, 64, 10});
                case "gpu":
                    return new Size(s, 16384, new int[] {784, 16384, 64, 10});
                default:
                    String[] parts = s.split(":");
                    int[] w = Arrays.stream(parts[1].split("x")).mapToInt(Integer::parseInt).toArray();
                    return new Size(s, Integer.parseInt(parts[0]), w);
            }
        }

        /** Floating-point operations of one step as PyTorch's reference counts them: 3 GEMMs per layer. */
        double flops() {
            double f = 0;
            for (int l = 1; l < widths.length; l++) {
                f += 3.0 * 2 * n * widths[l - 1] * widths[l];
            }
            return f;
        }

        @Override
        public String toString() {
            return "N=" + n + " widths=" + Arrays.toString(widths);
        }
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opt = new LinkedHashMap<>(Map.of("backends", "cuda,vector", "precision", "double,float",
                "sizes", "reference,gpu", "steps", "5", "warmup-seconds", "3", "threads", "0"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--") || !opt.containsKey(args[i].substring(2))) {
                System.err.println("usage: CudaGdStepBench [--backends cuda,vector,java] [--precision double,float] "
                        + "[--sizes reference,gpu,N:dxn1xn2xn3] [--steps 5] [--warmup-seconds 3] [--threads 0]");
                System.exit(2);
            }
            opt.put(args[i].substring(2), args[i + 1]);
        }
        int steps = Integer.parseInt(opt.get("steps"));
        double warmUp = Double.parseDouble(opt.get("warmup-seconds"));
        int threads = Integer.parseInt(opt.get("threads"));
        if (threads == 0) {
            threads = Runtime.getRuntime().availableProcessors();
        }
        System.out.printf(Locale.ROOT, "GD step benchmark: Java %s (%s), %d processors, %d host threads, load %s%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), threads, load());
        List<String> names = new ArrayList<>();
        for (String name : opt.get("backends").split(",")) {
            Optional<BackendProvider> p = provider(name);
            if (p.isEmpty()) {
                System.out.println("backend " + name + ": not on the class path, skipped");
            } else if (!p.get().availability().available()) {
                System.out.println("backend " + name + ": unavailable, skipped: " + p.get().availability().reason());
            } else {
                names.add(name);
            }
        }
        Configured<Activation> softplus = softplus();
        System.out.println("activation: softplus " + (softplus.instance().closedForm().isPresent()
                ? "(declares its closed form)" : "(no closed form declared)") + " from "
                + softplus.instance().getClass().getName());
        System.out.printf(Locale.ROOT, "%-14s %-9s %-8s %12s %10s %12s %16s  %s%n", "size", "precision", "backend",
                "ms/step", "steps/s", "GFLOP/s", "loss at start", "device");
        for (String sizeText : opt.get("sizes").split(",")) {
            Size size = Size.parse(sizeText);
            for (String prec : opt.get("precision").split(",")) {
                Precision precision = Precision.valueOf(prec.toUpperCase(Locale.ROOT));
                Map<String, Double> seconds = new LinkedHashMap<>();
                for (String name : names) {
                    try (Backend be = create(name, precision, threads)) {
                        double[] result = run(be, size, softplus, warmUp, steps);
                        seconds.put(name, result[0]);
                        System.out.printf(Locale.ROOT, "%-14s %-9s %-8s %12.2f %10.3f %12.1f %16.9e  %s%n",
                                size.label(), prec, name, result[0] * 1e3, 1 / result[0],
                                size.flops() / result[0] / 1e9, result[1], be.describe());
                    } catch (RuntimeException | OutOfMemoryError e) {
                        System.out.println(size.label() + " " + prec + " " + name + ": failed: " + e);
                    }
                }
                if (seconds.size() > 1) {
                    String first = seconds.keySet().iterator().next();
                    for (Map.Entry<String, Double> e : seconds.entrySet()) {
                        if (!e.getKey().equals(first)) {
                            System.out.printf(Locale.ROOT, "%-14s %-9s %s / %s throughput: %.3gx%n", size.label(), prec,
                                    first, e.getKey(), e.getValue() / seconds.get(first));
                        }
                    }
                }
            }
        }
    }

    /** [seconds per step, loss at the first step]. */
    static double[] run(Backend be, Size size, Configured<Activation> softplus, double warmUpSeconds, int steps) {
        int[] widths = size.widths();
        List<LayerSpec> layers = new ArrayList<>();
        for (int l = 1; l < widths.length - 1; l++) {
            layers.add(LayerSpec.hidden(widths[l], softplus));
        }
        layers.add(LayerSpec.output(widths[widths.length - 1]));
        NetworkSpec spec = new NetworkSpec(widths[0], layers);
        Rng rng = Rng.of(SEED);
        List<HostMatrix> ws = new ArrayList<>();
        List<HostMatrix> bs = new ArrayList<>();
        for (int l = 1; l < widths.length; l++) {
            HostMatrix w = new HostMatrix(widths[l - 1], widths[l]);
            rng.stream("W", l).fillGaussian(w.data(), 1 / Math.sqrt(widths[l - 1]));
            ws.add(w);
            bs.add(null);
        }
        HostMatrix hx = new HostMatrix(size.n(), widths[0]);
        rng.stream("X").fillGaussian(hx.data(), 1);
        HostMatrix hy = new HostMatrix(size.n(), widths[widths.length - 1]);
        rng.stream("Y").fillGaussian(hy.data(), 1);
        Network net = new Network(ParameterSet.upload(spec, be, ws, bs));
        try (ParameterSet grad = net.parameters().zerosLike(); ForwardPass fp = net.newForwardPass(size.n());
                Matrix x = be.upload(hx); Matrix y = be.upload(hy)) {
            double first = step(net, grad, fp, x, y);
            long end = System.nanoTime() + (long) (warmUpSeconds * 1e9);
            int done = 1;
            while (done < 3 || System.nanoTime() < end) {
                step(net, grad, fp, x, y);
                done++;
            }
            long t0 = System.nanoTime();
            for (int s = 0; s < steps; s++) {
                step(net, grad, fp, x, y);
            }
            double perStep = (System.nanoTime() - t0) / 1e9 / steps;
            return new double[] {perStep, first};
        } finally {
            net.parameters().close();
        }
    }

    private static double step(Network net, ParameterSet grad, ForwardPass fp, Matrix x, Matrix y) {
        net.forward(x, fp);
        double loss = net.loss(fp, y);
        net.gradient(fp, grad);
        net.parameters().axpyInPlace(-ETA, grad);
        return loss;
    }

    private static Optional<BackendProvider> provider(String name) {
        return ServiceLoader.load(BackendProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(name)).findFirst();
    }

    private static Backend create(String name, Precision precision, int threads) {
        BackendProvider p = provider(name).orElseThrow();
        Availability a = p.availability();
        if (!a.available()) {
            throw new IllegalStateException(a.reason());
        }
        List<Argument> args = new ArrayList<>(List.of(Argument.named("precision",
                precision.name().toLowerCase(Locale.ROOT))));
        if (p.parameters().find("threads").isPresent()) {
            args.add(Argument.named("threads", threads));
        }
        return p.configure(args).instance();
    }

    /** The activations plugin's softplus if it is on the class path, else one that declares the closed form. */
    static Configured<Activation> softplus() {
        for (ActivationProvider p : ServiceLoader.load(ActivationProvider.class)) {
            if (p.name().equals("softplus")) {
                return p.configureDefaults();
            }
        }
        ClosedForm sp = new ClosedForm.Softplus();
        return new Configured<>("softplus", ValidatedParams.empty(),
                DeviceActivationTest.declaring(sp, DeviceActivationTest::softplus2));
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
