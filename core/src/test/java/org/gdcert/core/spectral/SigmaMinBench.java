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
 * against EJML's dense SVD (singular values only), in the same JVM run. Not a unit test.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -o -q -pl core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.gdcert.core.spectral.SigmaMinBench [-Dexec.args="2000 4000 3"]
 * </pre>
 * Arguments: rows, cols, repetitions of the toolkit timing (the best is reported; EJML runs once,
 * after one warm-up at a tenth of the size). Prints the system load before and after.
 */
public final class SigmaMinBench {
    private SigmaMinBench() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int cols = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        HostMatrix a = gaussian(rows, cols, 42);
        HostMatrix warm = gaussian(Math.max(2, rows / 10), Math.max(2, cols / 10), 7);
        System.out.printf(Locale.ROOT, "sigma_min of a %dx%d Gaussian matrix; %d processors; load %s%n", rows, cols,
                Runtime.getRuntime().availableProcessors(), load());

        // warm-up of both code paths on a small matrix
        try (SpectralSolver s = new SpectralSolver(SpectralOptions.defaults())) {
            for (int i = 0; i < 3; i++) {
                s.sigmaMin(warm);
                s.sigmaMin(gaussian(rows / 2, cols / 2, 100 + i));
            }
        }
        ejml(warm);

        SpectralResult verified = null;
        SpectralResult plain = null;
        double bestVerified = Double.POSITIVE_INFINITY;
        double bestPlain = Double.POSITIVE_INFINITY;
        try (SpectralSolver s = new SpectralSolver(SpectralOptions.defaults());
                SpectralSolver fast = new SpectralSolver(SpectralOptions.defaults().withVerify(false))) {
            for (int i = 0; i < reps; i++) {
                long t0 = System.nanoTime();
                plain = fast.sigmaMin(a);
                long t1 = System.nanoTime();
                verified = s.sigmaMin(a);
                long t2 = System.nanoTime();
                bestPlain = Math.min(bestPlain, (t1 - t0) / 1e9);
                bestVerified = Math.min(bestVerified, (t2 - t1) / 1e9);
                System.out.printf(Locale.ROOT, "  toolkit run %d: plain %.3f s, verified %.3f s%n", i + 1,
                        (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            }
        }
        long t0 = System.nanoTime();
        double[] sv = ejml(a);
        double tEjml = (System.nanoTime() - t0) / 1e9;
        double ref = sv[0];
        System.out.printf(Locale.ROOT, "toolkit (no verification): %.3f s  sigma_min = %.15g  rel.diff to EJML %.2e%n",
                bestPlain, plain.value(), Math.abs(plain.value() - ref) / ref);
        System.out.printf(Locale.ROOT, "toolkit (verified bounds): %.3f s  sigma_min = %.15g  in [%.15g, %.15g]%n",
                bestVerified, verified.value(), verified.lower(), verified.upper());
        System.out.printf(Locale.ROOT, "EJML SVD (values only):    %.3f s  sigma_min = %.15g%n", tEjml, ref);
        System.out.printf(Locale.ROOT, "speed-up: %.1fx (no verification), %.1fx (verified)%n", tEjml / bestPlain,
                tEjml / bestVerified);
        System.out.printf(Locale.ROOT, "result: %s%nload after: %s%n", verified, load());
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
