package org.gdcert.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gdcert.core.data.TestContexts.arg;
import static org.gdcert.core.data.TestContexts.bool;
import static org.gdcert.core.data.TestContexts.context;
import static org.gdcert.core.data.TestContexts.text;
import static org.gdcert.core.data.TestContexts.word;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.DataException;
import org.gdcert.core.spi.Dataset;
import org.gdcert.core.spi.LabelSource;
import org.gdcert.core.spi.LabelSourceProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelSourcesTest {
    private static final double TOL = 1e-12;

    @TempDir
    Path dir;

    private static Dataset data(int n, int d, long seed) {
        HostMatrix x = new HostMatrix(n, d);
        Rng.of(seed).fillGaussian(x.data(), 1);
        return new Dataset(x, Optional.empty(), Optional.empty(), "test data");
    }

    private static Dataset withClasses(int... classes) {
        return new Dataset(new HostMatrix(classes.length, 2), Optional.empty(), Optional.of(classes), "classes");
    }

    private static LabelSource source(LabelSourceProvider p, Argument... a) {
        return p.configure(List.of(a)).instance();
    }

    private HostMatrix labels(LabelSourceProvider p, Dataset ds, long seed, Argument... a) {
        return source(p, a).labels(ds, context(dir, seed));
    }

    @Test
    void balancedSignsAreExactlyHalfAndHalfInEveryColumn() {
        for (int n : new int[] {1, 2, 7, 100, 101}) {
            HostMatrix y = labels(new SignLabelsProvider(), data(n, 3, 1), 5, arg("outputs", 3));
            assertThat(y.rows()).isEqualTo(n);
            assertThat(y.cols()).isEqualTo(3);
            for (int c = 0; c < 3; c++) {
                int plus = 0;
                for (int i = 0; i < n; i++) {
                    assertThat(Math.abs(y.get(i, c))).isEqualTo(1);
                    plus += y.get(i, c) > 0 ? 1 : 0;
                }
                assertThat(plus).as("n=%d column %d", n, c).isEqualTo((n + 1) / 2);
            }
        }
    }

    @Test
    void signsAreReproducibleAndAssignedAtRandom() {
        Dataset ds = data(200, 2, 1);
        HostMatrix a = labels(new SignLabelsProvider(), ds, 9);
        assertThat(labels(new SignLabelsProvider(), ds, 9)).isEqualTo(a);
        assertThat(labels(new SignLabelsProvider(), ds, 10)).isNotEqualTo(a);
        assertThat(labels(new Pm1LabelsProvider(), ds, 9)).isEqualTo(a);
        // not sorted: the first half is not all +1
        double firstHalf = 0;
        for (int i = 0; i < 100; i++) {
            firstHalf += a.get(i, 0);
        }
        assertThat(firstHalf).isLessThan(100);
        HostMatrix coins = labels(new SignLabelsProvider(), ds, 9, bool("balanced", false));
        int plus = 0;
        for (double v : coins.data()) {
            assertThat(Math.abs(v)).isEqualTo(1);
            plus += v > 0 ? 1 : 0;
        }
        // fair coins: 100 ± 4·sqrt(50)
        assertThat(plus).isBetween(72, 128);
    }

    @Test
    void gaussianLabelsHaveTheShapeAndScale() {
        HostMatrix y = labels(new GaussianLabelsProvider(), data(2000, 2, 1), 3, arg("outputs", 5), arg("std", 0.5));
        assertThat(y.rows()).isEqualTo(2000);
        assertThat(y.cols()).isEqualTo(5);
        double ss = 0;
        for (double v : y.data()) {
            ss += v * v;
        }
        // 10 000 draws: the sample std is within 4·0.5/sqrt(2·10⁴) of 0.5
        assertThat(Math.sqrt(ss / y.data().length)).isCloseTo(0.5, within(0.015));
    }

    @Test
    void onehotEncodings() {
        Dataset ds = withClasses(2, 0, 1, 2);
        assertThat(labels(new OneHotLabelsProvider(), ds, 1)).isEqualTo(HostMatrix.of(new double[][] {
            {0, 0, 1}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}}));
        assertThat(labels(new OneHotLabelsProvider(), ds, 1, word("encoding", "pm1"), arg("num_classes", 4)))
                .isEqualTo(HostMatrix.of(new double[][] {
                    {-1, -1, 1, -1}, {1, -1, -1, -1}, {-1, 1, -1, -1}, {-1, -1, 1, -1}}));
        HostMatrix centered = labels(new OneHotLabelsProvider(), ds, 1, word("encoding", "centered"));
        for (int i = 0; i < 4; i++) {
            double sum = 0;
            for (int c = 0; c < 3; c++) {
                sum += centered.get(i, c);
            }
            assertThat(sum).isCloseTo(0, within(TOL));
        }
        assertThat(centered.get(0, 2)).isCloseTo(2.0 / 3, within(TOL));
        assertThat(centered.get(0, 0)).isCloseTo(-1.0 / 3, within(TOL));
        assertThat(labels(new OneHotLabelsProvider(), withClasses(1, 0, 0), 1, word("encoding", "sign")).data())
                .containsExactly(1, -1, -1);
    }

    @Test
    void onehotNeedsClasses() {
        assertThatThrownBy(() -> labels(new OneHotLabelsProvider(), data(3, 2, 1), 1))
                .isInstanceOf(DataException.class)
                .hasMessage("labels onehot: the data (test data) has no class labels; onehot needs idx, fashion_mnist,"
                        + " or integer labels from csv/npy (label_type=classes)");
        assertThatThrownBy(() -> labels(new OneHotLabelsProvider(), withClasses(0, 5), 1, arg("num_classes", 3)))
                .hasMessage("labels onehot: the data has class 5 but num_classes=3");
        assertThatThrownBy(() -> labels(new OneHotLabelsProvider(), withClasses(0, 1, 2), 1,
                word("encoding", "sign"))).hasMessage("labels onehot: encoding=sign needs exactly 2 classes, the data"
                        + " has 3 (choose classes=[a, b] in the data statement)");
    }

    @Test
    void teacherIsTanhOfAGaussianNetworkComputedByHand() {
        Dataset ds = data(6, 4, 2);
        var teacher = (TeacherLabelsProvider.Teacher) source(new TeacherLabelsProvider(), arg("width", 5),
                text("act", "tanh"), arg("outputs", 2));
        HostMatrix y = teacher.labels(ds, context(dir, 3));
        // the weights are the first draws of the 'teacher' stream: W (4x5) then V (5x2)
        Rng rng = Rng.of(3).stream("teacher");
        double[][] w = new double[4][5];
        double[][] v = new double[5][2];
        for (double[] row : w) {
            for (int j = 0; j < 5; j++) {
                row[j] = rng.nextGaussian() / 2; // 1/sqrt(d), d = 4
            }
        }
        for (double[] row : v) {
            for (int j = 0; j < 2; j++) {
                row[j] = rng.nextGaussian() / Math.sqrt(5);
            }
        }
        for (int i = 0; i < 6; i++) {
            for (int o = 0; o < 2; o++) {
                double s = 0;
                for (int h = 0; h < 5; h++) {
                    double pre = 0;
                    for (int k = 0; k < 4; k++) {
                        pre += ds.inputs().get(i, k) * w[k][h];
                    }
                    s += Math.tanh(pre) * v[h][o];
                }
                assertThat(y.get(i, o)).isCloseTo(s, within(TOL));
            }
        }
        assertThat(teacher.labels(ds, context(dir, 3))).isEqualTo(y);
        assertThat(teacher.labels(ds, context(dir, 4))).isNotEqualTo(y);
    }

    @Test
    void teacherScalesAndUnknownActivations() {
        Dataset ds = data(3, 2, 2);
        HostMatrix small = labels(new TeacherLabelsProvider(), ds, 3, arg("v_std", 1e-3), arg("w_std", 0.5));
        HostMatrix big = labels(new TeacherLabelsProvider(), ds, 3, arg("v_std", 2e-3), arg("w_std", 0.5));
        for (int i = 0; i < 3; i++) {
            assertThat(big.get(i, 0)).isCloseTo(2 * small.get(i, 0), within(TOL));
        }
        assertThatThrownBy(() -> labels(new TeacherLabelsProvider(), ds, 3, text("act", "relux")))
                .isInstanceOf(DataException.class).hasMessage("labels teacher: unknown activation 'relux'");
    }

    @Test
    void linearLabelsAreLinearInTheInputs() {
        Dataset eye = new Dataset(HostMatrix.identity(3), Optional.empty(), Optional.empty(), "I");
        HostMatrix twice = HostMatrix.identity(3);
        twice.scaleInPlace(2);
        Dataset two = new Dataset(twice, Optional.empty(), Optional.empty(), "2I");
        HostMatrix b = labels(new LinearLabelsProvider(), eye, 4, arg("outputs", 2));
        HostMatrix b2 = labels(new LinearLabelsProvider(), two, 4, arg("outputs", 2));
        assertThat(b.rows()).isEqualTo(3);
        assertThat(b.cols()).isEqualTo(2);
        for (int i = 0; i < b.data().length; i++) {
            assertThat(b2.data()[i]).isCloseTo(2 * b.data()[i], within(TOL));
        }
        HostMatrix noisy = labels(new LinearLabelsProvider(), eye, 4, arg("outputs", 2), arg("noise", 0.1));
        assertThat(noisy.maxAbsDiff(b)).isGreaterThan(0).isLessThan(0.1 * 6);
    }

    @Test
    void sourceLabelsAreTheDataTargets() {
        HostMatrix t = HostMatrix.of(new double[][] {{1.5}, {-2}});
        Dataset ds = new Dataset(new HostMatrix(2, 3), Optional.of(t), Optional.empty(), "csv");
        HostMatrix y = labels(new SourceLabelsProvider(), ds, 1);
        assertThat(y).isEqualTo(t);
        y.set(0, 0, 9);
        assertThat(t.get(0, 0)).isEqualTo(1.5); // a copy
        assertThatThrownBy(() -> labels(new SourceLabelsProvider(), withClasses(1, 0), 1))
                .isInstanceOf(DataException.class)
                .hasMessage("labels source: the data (classes) brought no labels, only class indices: use labels"
                        + " onehot");
        assertThatThrownBy(() -> labels(new SourceLabelsProvider(), data(2, 2, 1), 1))
                .hasMessageStartingWith("labels source: the data (test data) brought no labels; give csv(...,"
                        + " label_columns=k)");
    }
}
