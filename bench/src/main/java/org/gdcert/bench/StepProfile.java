package org.gdcert.bench;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;

/**
 * Where the time of a GD step goes: runs {@link GdStep} on a backend wrapped in a decorator that
 * times every backend call, grouped by operation and shape, and prints the mean milliseconds per
 * step of each (not a benchmark of record; a diagnostic for tuning kernels).
 *
 * <p>Arguments: backend (vector), precision (double), threads (2), steps (20).
 */
public final class StepProfile {
    private StepProfile() {
    }

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "vector";
        Precision precision = Precision.valueOf((args.length > 1 ? args[1] : "double").toUpperCase(Locale.ROOT));
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int steps = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        try (Backend inner = Backends.create(name, precision, threads)) {
            Timed be = new Timed(inner);
            try (GdStep step = GdStep.reference(be)) {
                step.timeSteps(3, 1);
                be.times.clear();
                long t0 = System.nanoTime();
                for (int s = 0; s < steps; s++) {
                    step.step();
                }
                double total = (System.nanoTime() - t0) / 1e6 / steps;
                System.out.printf(Locale.ROOT, "%s: %.1f ms per step (load %.2f)%n", inner.describe(), total,
                        Backends.load());
                double sum = 0;
                for (var e : be.times.entrySet()) {
                    double ms = e.getValue()[0] / 1e6 / steps;
                    sum += ms;
                    System.out.printf(Locale.ROOT, "  %-44s %8.2f ms  %5.1f%%  (%d calls/step)%n", e.getKey(), ms,
                            100 * ms / total, e.getValue()[1] / steps);
                }
                System.out.printf(Locale.ROOT, "  %-44s %8.2f ms%n", "outside backend calls", total - sum);
            }
        }
    }

    /** A backend that times the calls it forwards. */
    private static final class Timed implements Backend {
        final Backend b;
        final Map<String, long[]> times = new TreeMap<>();

        Timed(Backend b) {
            this.b = b;
        }

        private void add(String key, long t0) {
            long[] t = times.computeIfAbsent(key, k -> new long[2]);
            t[0] += System.nanoTime() - t0;
            t[1]++;
        }

        private static String shape(Matrix m) {
            return m.rows() + "x" + m.cols();
        }

        @Override
        public String name() {
            return b.name();
        }

        @Override
        public Precision precision() {
            return b.precision();
        }

        @Override
        public int threads() {
            return b.threads();
        }

        @Override
        public Matrix zeros(int rows, int cols) {
            return b.zeros(rows, cols);
        }

        @Override
        public Matrix upload(HostMatrix m) {
            return b.upload(m);
        }

        @Override
        public void upload(HostMatrix src, Matrix dst) {
            b.upload(src, dst);
        }

        @Override
        public HostMatrix download(Matrix m) {
            return b.download(m);
        }

        @Override
        public void download(Matrix m, HostMatrix dst) {
            b.download(m, dst);
        }

        @Override
        public void copy(Matrix src, Matrix dst) {
            long t0 = System.nanoTime();
            b.copy(src, dst);
            add("copy " + shape(src), t0);
        }

        @Override
        public void fill(Matrix m, double value) {
            long t0 = System.nanoTime();
            b.fill(m, value);
            add("fill " + shape(m), t0);
        }

        @Override
        public void gemm(boolean transA, boolean transB, double alpha, Matrix a, Matrix c1, double beta, Matrix c) {
            long t0 = System.nanoTime();
            b.gemm(transA, transB, alpha, a, c1, beta, c);
            add("gemm " + (transA ? "T" : "N") + (transB ? "T" : "N") + " " + shape(c) + " k="
                    + (transA ? a.rows() : a.cols()), t0);
        }

        @Override
        public void activation(Activation sigma, Matrix in, Matrix value, Matrix derivative) {
            long t0 = System.nanoTime();
            b.activation(sigma, in, value, derivative);
            add("activation " + sigma + " " + shape(in) + (derivative != null ? " +deriv" : ""), t0);
        }

        @Override
        public void activationSecondDerivative(Activation sigma, Matrix in, Matrix out) {
            long t0 = System.nanoTime();
            b.activationSecondDerivative(sigma, in, out);
            add("activation'' " + shape(in), t0);
        }

        @Override
        public void hadamard(Matrix a, Matrix c1, Matrix out) {
            long t0 = System.nanoTime();
            b.hadamard(a, c1, out);
            add("hadamard " + shape(a), t0);
        }

        @Override
        public void axpy(double alpha, Matrix x, Matrix y) {
            long t0 = System.nanoTime();
            b.axpy(alpha, x, y);
            add("axpy " + shape(x), t0);
        }

        @Override
        public void axpby(double alpha, Matrix x, double beta, Matrix y) {
            long t0 = System.nanoTime();
            b.axpby(alpha, x, beta, y);
            add("axpby " + shape(x), t0);
        }

        @Override
        public void sub(Matrix a, Matrix c1, Matrix out) {
            long t0 = System.nanoTime();
            b.sub(a, c1, out);
            add("sub " + shape(a), t0);
        }

        @Override
        public double dot(Matrix a, Matrix c1) {
            long t0 = System.nanoTime();
            double d = b.dot(a, c1);
            add("dot " + shape(a), t0);
            return d;
        }

        @Override
        public double sumOfSquares(Matrix a) {
            long t0 = System.nanoTime();
            double d = b.sumOfSquares(a);
            add("sumOfSquares " + shape(a), t0);
            return d;
        }

        @Override
        public void columnSums(Matrix a, Matrix out) {
            b.columnSums(a, out);
        }

        @Override
        public void addRowVector(Matrix row, Matrix a) {
            b.addRowVector(row, a);
        }

        @Override
        public void gatherRows(Matrix src, int[] rows, Matrix dst) {
            b.gatherRows(src, rows, dst);
        }

        @Override
        public void close() {
        }
    }
}
