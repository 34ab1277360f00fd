package org.gdcert.certificates.testing;

import java.util.List;
import org.gdcert.core.linalg.HostMatrix;

/** The deterministic N = 2 fixtures of spec §4 (F0 for seed 000, F1 for seed 001), as in fixtures.py. */
public final class Fixtures {
    private Fixtures() {
    }

    /** X = √2·I_2. */
    public static HostMatrix x() {
        double r = Math.sqrt(2);
        return HostMatrix.of(new double[][] {{r, 0}, {0, r}});
    }

    /** Y = [1; −1]. */
    public static HostMatrix y() {
        return HostMatrix.of(new double[][] {{1}, {-1}});
    }

    /** W_1 = scale·[I_2, −I_2] (2×4), W_2 = 0 (4×1). */
    public static List<HostMatrix> weights(double scale) {
        HostMatrix w1 = HostMatrix.of(new double[][] {{scale, 0, -scale, 0}, {0, scale, 0, -scale}});
        return List.of(w1, new HostMatrix(4, 1));
    }
}
