package org.gdcert.core.spectral;

import static org.assertj.core.api.Assertions.assertThat;

import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TridiagonalEigenTest {
    /** Eigenvalue agreement with EJML relative to ‖T‖. */
    private static final double EIG_TOL = 1e-13;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 10, 57, 150})
    void eigenpairsMatchEjmlAndSatisfyTheDefinition(int k) {
        Rng rng = Rng.of(k);
        double[] d = new double[k];
        double[] e = new double[Math.max(0, k - 1)];
        for (int i = 0; i < k; i++) {
            d[i] = rng.nextGaussian();
        }
        for (int i = 0; i < k - 1; i++) {
            e[i] = rng.nextGaussian();
        }
        if (k > 5) {
            e[2] = 0; // a split
        }
        HostMatrix t = new HostMatrix(k, k);
        double norm = 0;
        for (int i = 0; i < k; i++) {
            t.set(i, i, d[i]);
            if (i + 1 < k) {
                t.set(i, i + 1, e[i]);
                t.set(i + 1, i, e[i]);
            }
        }
        norm = t.frobeniusNorm();
        double[][] v = TridiagonalEigen.identity(k);
        double[] vals = TridiagonalEigen.solve(d, e, v);
        double[] ref = TestMatrices.eig(t);
        for (int i = 0; i < k; i++) {
            assertThat(vals[i]).isCloseTo(ref[i], org.assertj.core.data.Offset.offset(EIG_TOL * norm));
            if (i > 0) {
                assertThat(vals[i]).isGreaterThanOrEqualTo(vals[i - 1]);
            }
            // T v_i = λ_i v_i, ‖v_i‖ = 1
            double nv = 0;
            for (int r = 0; r < k; r++) {
                double tv = 0;
                for (int c = 0; c < k; c++) {
                    tv += t.get(r, c) * v[c][i];
                }
                assertThat(tv).isCloseTo(vals[i] * v[r][i], org.assertj.core.data.Offset.offset(EIG_TOL * norm));
                nv += v[r][i] * v[r][i];
            }
            assertThat(nv).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-13));
        }
        // tracking the last row alone gives the same last row
        double[][] last = TridiagonalEigen.lastRow(k);
        TridiagonalEigen.solve(d, e, last);
        for (int i = 0; i < k; i++) {
            assertThat(last[0][i]).isEqualTo(v[k - 1][i]);
        }
    }
}
