package org.gdcert.core.spectral;

import java.util.Arrays;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;

/**
 * Benchmark: σ_min of a random Gaussian N×n matrix (default 2000×4000) by the spectral toolkit
 * (default options: AUTO route, verified bounds, all processors; and the same on one thread)
 * against EJML's dense SVD (singular values only, single-threaded), in the same JVM run. Not a
 * unit test.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -o -q -pl core test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *     -Dexec.classpathScope=test -Dexec.mainClass=org.gdcert.core.spectral.SigmaMinBench \
 *     [-Dexec.args="2000 4000 3"]
 * </pre>
 * Arguments: rows, cols, toolkit repetitions per phase. The toolkit runs {@code reps} times
 * before and {@code reps} times after EJML's single run, so that a change of machine load during
 * the long EJML run shows up; the ratio uses the median toolkit time. The load average is printed
 * at each phase.
 */
public final class SigmaMinBench {
    private SigmaMinBench() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int cols = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        HostMatrix a = gaussian(rows, cols, 42);
        System.out.printf(Locale.ROOT, "sigma_min of a %dx%d Gaussian matrix; %d processors; load %s%n", rows, cols,
                Runtime.getRuntime().availableProcessors(), load());

        SpectralOptions multi = SpectralOptions.defaults();
        SpectralOptions single = SpectralOptions.defaults().withThreads(1);
        try (SpectralSolver s = new SpectralSolver(multi); SpectralSolver s1 = new SpectralSolver(single)) {
            // warm-up on smaller matrices (JIT)
            for (int i = 0; i < 3; i++) {
                HostMatrix w = gaussian(Math.max(2, rows / 4), Math.max(2, cols / 4), 100 + i);
                s.sigmaMin(w);
                s1.sigmaMin(w);
            }
            ejml(gaussian(Math.max(2, rows / 10), Math.max(2, cols / 10), 7));

            double[] tMulti = new double[2 * reps];
            double[] tSingle = new double[2 * reps];
            SpectralResult result = null;
            for (int i = 0; i < reps; i++) {
                result = time(s, a, tMulti, i);
                time(s1, a, tSingle, i);
            }
            System.out.printf(Locale.ROOT, "toolkit before EJML: %s s (%d threads), %s s (1 thread); load %s%n",
                    fmt(tMulti, 0, reps), multi.threads(), fmt(tSingle, 0, reps), load());
            long t0 = System.nanoTime();
            double[] sv = ejml(a);
            double tEjml = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "EJML SVD (values only, 1 thread): %.3f s; load %s%n", tEjml, load());
            for (int i = reps; i < 2 * reps; i++) {
                time(s, a, tMulti, i);
                time(s1, a, tSingle, i);
            }
            System.out.printf(Locale.ROOT, "toolkit after EJML:  %s s (%d threads), %s s (1 thread); load %s%n",
                    fmt(tMulti, reps, 2 * reps), multi.threads(), fmt(tSingle, reps, 2 * reps), load());
            double ref = sv[0];
            double mMulti = median(tMulti);
            double mSingle = median(tSingle);
            System.out.printf(Locale.ROOT, "sigma_min: toolkit %.15g, EJML %.15g, relative difference %.2e%n",
                    result.value(), ref, Math.abs(result.value() - ref) / ref);
            System.out.printf(Locale.ROOT, "toolkit result: %s%n", result);
            System.out.printf(Locale.ROOT, "median toolkit time: %.3f s (%d threads), %.3f s (1 thread)%n", mMulti,
                    multi.threads(), mSingle);
            System.out.printf(Locale.ROOT, "speed-up over EJML: %.1fx (%d threads), %.1fx (1 thread)%n",
                    tEjml / mMulti, multi.threads(), tEjml / mSingle);
        }
    }

    private static SpectralResult time(SpectralSolver s, HostMatrix a, double[] times, int i) {
        long t0 = System.nanoTime();
        SpectralResult r = s.sigmaMin(a);
        times[i] = (System.nanoTime() - t0) / 1e9;
        return r;
    }

    private static String fmt(double[] t, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append(i == from ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", t[i]));
        }
        return sb.toString();
    }

    private static double median(double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    private static double[] ejml(HostMatrix a) {
        DMatrixRMaj m = new DMatrixRMaj(a.rows(), a.cols(), true, a.data());
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(a.rows(), a.cols(), false,
                false, true);
        if (!svd.decompose(m)) {
            throw new IllegalStateException("EJML SVD failed");
        }
        double[] s = Arrays.copyOf(svd.getSingularValues(), svd.numberOfSingularValues());
        Arrays.sort(s);
        return s;
    }

    static HostMatrix gaussian(int rows, int cols, long seed) {
        HostMatrix m = new HostMatrix(rows, cols);
        Rng.of(seed).fillGaussian(m.data(), 1);
        return m;
    }

    private static String load() {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
