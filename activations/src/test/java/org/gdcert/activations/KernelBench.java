package org.gdcert.activations;

import java.util.Random;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;

/**
 * Bench main (not a test): ns per element of the bulk kernels against the interface's default loops
 * over the scalar methods, on a 2000×2000 matrix (the GD-step benchmark's size), single thread.
 * Run: {@code java -cp <test-classpath> org.gdcert.activations.KernelBench [reps]}.
 */
public final class KernelBench {

    private KernelBench() {
    }

    /** Only the scalar methods: the bulk calls fall back to the interface defaults. */
    private record ScalarOnly(Activation a) implements Activation {
        @Override
        public double value(double x) {
            return a.value(x);
        }

        @Override
        public double derivative(double x) {
            return a.derivative(x);
        }

        @Override
        public double secondDerivative(double x) {
            return a.secondDerivative(x);
        }

        @Override
        public ActivationProperties properties() {
            return a.properties();
        }
    }

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int n = 2000 * 2000;
        double[] x = new double[n];
        Random r = new Random(1);
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian() * 2;
        }
        double[] v = new double[n];
        double[] d = new double[n];
        System.out.printf("%-34s %12s %12s %12s %12s%n", "activation (ns/element)", "apply", "default",
                "withDeriv", "default");
        for (Fixtures.Case c : Fixtures.all()) {
            Activation a = c.activation();
            Activation s = new ScalarOnly(a);
            double ta = time(() -> a.apply(x, 0, v, 0, n), reps) / n;
            double tsa = time(() -> s.apply(x, 0, v, 0, n), reps) / n;
            double tw = time(() -> a.applyWithDerivative(x, 0, v, d, 0, n), reps) / n;
            double tsw = time(() -> s.applyWithDerivative(x, 0, v, d, 0, n), reps) / n;
            System.out.printf("%-34s %12.2f %12.2f %12.2f %12.2f%n", c.label(), ta, tsa, tw, tsw);
        }
    }

    /** Best of {@code reps} runs after two warm-ups, in ns. */
    private static double time(Runnable task, int reps) {
        task.run();
        task.run();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            task.run();
            best = Math.min(best, System.nanoTime() - t0);
        }
        return best;
    }
}
