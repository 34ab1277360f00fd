package org.gdcert.initializers;

import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;

/**
 * The fills every initializer is built from. Entries are drawn in row-major order from the one
 * {@link Rng} given, on the calling thread: the same seed gives bit-identical weights whatever the
 * number of threads elsewhere.
 */
final class Fill {

    private Fill() {
    }

    /** Entries iid N(0, std²); std = 0 gives zeros without drawing. */
    static void gaussian(HostMatrix w, double std, Rng rng) {
        double[] d = w.data();
        if (std == 0) {
            java.util.Arrays.fill(d, 0.0);
            return;
        }
        for (int i = 0; i < d.length; i++) {
            d[i] = std * rng.nextGaussian();
        }
    }

    /** Entries iid U[lo, hi). */
    static void uniform(HostMatrix w, double lo, double hi, Rng rng) {
        double[] d = w.data();
        double width = hi - lo;
        for (int i = 0; i < d.length; i++) {
            d[i] = lo + width * rng.nextDouble();
        }
    }

    /** Entries with mean 0 and variance {@code variance}: Gaussian, or uniform on ±√(3·variance). */
    static void withVariance(HostMatrix w, double variance, Distribution distribution, Rng rng) {
        if (distribution == Distribution.UNIFORM) {
            double a = Math.sqrt(3 * variance);
            uniform(w, -a, a, rng);
        } else {
            gaussian(w, Math.sqrt(variance), rng);
        }
    }

    static void zero(HostMatrix w) {
        java.util.Arrays.fill(w.data(), 0.0);
    }

    /** κ on the diagonal (i, i), i &lt; min(rows, cols); 0 elsewhere. */
    static void scaledIdentity(HostMatrix w, double kappa) {
        zero(w);
        int k = Math.min(w.rows(), w.cols());
        for (int i = 0; i < k; i++) {
            w.set(i, i, kappa);
        }
    }

    /** The distribution of a variance-scaled initializer. */
    enum Distribution {
        NORMAL, UNIFORM;

        static final java.util.List<String> WORDS = java.util.List.of("normal", "uniform");

        static Distribution of(String word) {
            return "uniform".equals(word) ? UNIFORM : NORMAL;
        }
    }
}
