package org.gdcert.core.spectral;

import static org.assertj.core.api.Assertions.assertThat;

import org.gdcert.core.backend.Parallel;
import org.gdcert.core.linalg.HostMatrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KernelsTest {
    /** Relative agreement of differently ordered sums of a few hundred terms. */
    private static final double SUM_TOL = 1e-13;
    private static final Parallel PAR = new Parallel(2);

    @AfterAll
    static void close() {
        PAR.close();
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "3, 2", "37, 9", "65, 131", "531, 130"})
    void syrkLowerMatchesPlainLoopsOnEveryBlockEdge(int n, int kd) {
        HostMatrix t = TestMatrices.gaussian(kd, n, 11 + n);
        double[] c = new double[n * n];
        HostMatrix c0 = TestMatrices.gaussian(n, n, 5);
        System.arraycopy(c0.data(), 0, c, 0, c.length);
        Kernels.syrkLower(t.data(), 0, n, kd, n, -1, c, 0, n, PAR);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double expect = c0.get(i, j);
                if (j <= i) {
                    double s = 0;
                    double abs = 0;
                    for (int k = 0; k < kd; k++) {
                        s += t.get(k, i) * t.get(k, j);
                        abs += Math.abs(t.get(k, i) * t.get(k, j));
                    }
                    expect -= s;
                    worst = Math.max(worst, Math.abs(c[i * n + j] - expect) / (abs + Math.abs(c0.get(i, j))));
                } else if (j > i + 3) {
                    assertThat(c[i * n + j]).as("upper triangle beyond the group diagonal untouched")
                            .isEqualTo(expect);
                }
            }
        }
        assertThat(worst).isLessThan(SUM_TOL);
    }

    @Test
    void syrkOnASubmatrixLeavesTheRestAlone() {
        int ld = 20;
        HostMatrix t = TestMatrices.gaussian(6, 13, 3); // use columns 2..9 of rows 1..5 (n = 8, kd = 5)
        double[] c = new double[ld * ld];
        Kernels.syrkLower(t.data(), 13 + 2, 13, 5, 8, 1, c, 3 * ld + 4, ld, null);
        for (int i = 0; i < ld; i++) {
            for (int j = 0; j < ld; j++) {
                int li = i - 3;
                int lj = j - 4;
                if (li >= 0 && li < 8 && lj >= 0 && lj <= li + 3 && lj < 8) {
                    if (lj > li) {
                        continue; // the group's upper spill: unspecified
                    }
                    double s = 0;
                    for (int k = 0; k < 5; k++) {
                        s += t.get(1 + k, 2 + li) * t.get(1 + k, 2 + lj);
                    }
                    assertThat(c[i * ld + j]).isCloseTo(s, org.assertj.core.data.Offset.offset(1e-14 * 10));
                    continue;
                }
                {
                    assertThat(c[i * ld + j]).isZero();
                }
            }
        }
    }

    @Test
    void transposeAndMirror() {
        HostMatrix a = TestMatrices.gaussian(45, 70, 1);
        double[] t = Kernels.transpose(a.data(), 45, 70);
        assertThat(new HostMatrix(70, 45, t)).isEqualTo(a.transpose());
        double[] s = TestMatrices.gaussian(70, 70, 2).data();
        Kernels.mirrorLower(s, 70);
        for (int i = 0; i < 70; i++) {
            for (int j = 0; j < 70; j++) {
                assertThat(s[i * 70 + j]).isEqualTo(s[j * 70 + i]);
            }
        }
    }

    @Test
    void symmetricProductMatchesPlainLoops() {
        int n = 300;
        HostMatrix s = TestMatrices.gramRows(TestMatrices.gaussian(n, 20, 4));
        double[] x = TestMatrices.gaussian(n, 1, 5).data();
        double[] y = new double[n];
        Kernels.symv(s.data(), n, x, y, PAR);
        HostMatrix expect = s.times(new HostMatrix(n, 1, x));
        for (int i = 0; i < n; i++) {
            assertThat(y[i]).isCloseTo(expect.get(i, 0), org.assertj.core.data.Offset.offset(1e-11));
        }
    }

    @Test
    void parallelProductsMatchPlainLoops() {
        HostMatrix a = TestMatrices.gaussian(300, 410, 7);
        double[] x = TestMatrices.gaussian(410, 1, 8).data();
        double[] u = TestMatrices.gaussian(300, 1, 9).data();
        double[] y = new double[300];
        double[] z = new double[410];
        Kernels.gemv(a.data(), 300, 410, x, y, PAR);
        Kernels.gemvTranspose(a.data(), 300, 410, u, z, PAR);
        HostMatrix ax = a.times(new HostMatrix(410, 1, x));
        HostMatrix atu = a.transpose().times(new HostMatrix(300, 1, u));
        for (int i = 0; i < 300; i++) {
            assertThat(y[i]).isCloseTo(ax.get(i, 0), org.assertj.core.data.Offset.offset(1e-11));
        }
        for (int j = 0; j < 410; j++) {
            assertThat(z[j]).isCloseTo(atu.get(j, 0), org.assertj.core.data.Offset.offset(1e-11));
        }
    }
}
