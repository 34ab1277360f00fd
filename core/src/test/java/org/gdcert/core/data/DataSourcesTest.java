package org.gdcert.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gdcert.core.data.TestContexts.arg;
import static org.gdcert.core.data.TestContexts.args;
import static org.gdcert.core.data.TestContexts.context;
import static org.gdcert.core.data.TestContexts.ints;
import static org.gdcert.core.data.TestContexts.text;
import static org.gdcert.core.data.TestContexts.word;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gdcert.core.io.Npy;
import org.gdcert.core.io.NpyArray;
import org.gdcert.core.io.NpyDtype;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.DataException;
import org.gdcert.core.spi.DataSource;
import org.gdcert.core.spi.DataSourceProvider;
import org.gdcert.core.spi.Dataset;
import org.gdcert.core.spi.ParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourcesTest {
    private static final double NORM_TOL = 1e-12;
    /** Four standard errors of a sample standard deviation from 10 000 draws: 4 / sqrt(2·10⁴). */
    private static final double STD_TOL = 0.03;

    @TempDir
    Path dir;

    private static DataSource source(DataSourceProvider p, Argument... a) {
        return p.configure(List.of(a)).instance();
    }

    private Dataset load(DataSourceProvider p, Argument... a) {
        return source(p, a).load(context(dir, 7));
    }

    // ------------------------------------------------------------ synthetic

    @Test
    void sphereRowsHaveTheRadiusAsNorm() {
        Dataset ds = load(new SphereDataProvider(), arg("n", 50), arg("d", 13), arg("radius", 2.5));
        assertThat(ds.samples()).isEqualTo(50);
        assertThat(ds.dimension()).isEqualTo(13);
        for (int i = 0; i < 50; i++) {
            assertThat(SphereDataProvider.norm(ds.inputs().row(i))).isCloseTo(2.5, within(NORM_TOL * 2.5));
        }
        Dataset sqrtD = load(new SphereDataProvider(), arg("n", 5), arg("d", 16), word("radius", "sqrt_d"));
        for (int i = 0; i < 5; i++) {
            assertThat(SphereDataProvider.norm(sqrtD.inputs().row(i))).isCloseTo(4, within(NORM_TOL * 4));
        }
        assertThat(sqrtD.description()).isEqualTo("sphere: 5 samples uniform on the sphere of radius sqrt(16) in R^16");
    }

    @Test
    void sphereIsTheNormalisedGaussianOfTheSameSeed() {
        Dataset s = load(new SphereDataProvider(), arg("n", 20), arg("d", 6));
        Dataset g = load(new GaussianDataProvider(), arg("n", 20), arg("d", 6));
        for (int i = 0; i < 20; i++) {
            double[] gr = g.inputs().row(i);
            double norm = Math.sqrt(java.util.Arrays.stream(gr).map(v -> v * v).sum());
            for (int j = 0; j < 6; j++) {
                assertThat(s.inputs().get(i, j)).isCloseTo(gr[j] / norm, within(NORM_TOL));
            }
        }
    }

    @Test
    void sphereSamplesHaveNoPreferredDirection() {
        // uniform on the unit sphere: E[x] = 0 and E[x x^T] = I/d
        int n = 4000;
        int d = 5;
        Dataset s = load(new SphereDataProvider(), arg("n", n), arg("d", d));
        for (int j = 0; j < d; j++) {
            double mean = 0;
            double second = 0;
            for (int i = 0; i < n; i++) {
                double v = s.inputs().get(i, j);
                mean += v / n;
                second += v * v / n;
            }
            // std of one coordinate is 1/sqrt(d) ≈ 0.45; 4 standard errors of the mean: 4·0.45/sqrt(4000)
            assertThat(mean).isCloseTo(0, within(0.03));
            assertThat(second).isCloseTo(1.0 / d, within(0.02));
        }
    }

    @Test
    void syntheticDataIsReproducibleAndSeedDependent() {
        DataSource src = source(new GaussianDataProvider(), arg("n", 10), arg("d", 3));
        assertThat(src.load(context(dir, 1)).inputs()).isEqualTo(src.load(context(dir, 1)).inputs());
        assertThat(src.load(context(dir, 1)).inputs()).isNotEqualTo(src.load(context(dir, 2)).inputs());
        DataSource sphere = source(new SphereDataProvider(), arg("n", 10), arg("d", 3));
        assertThat(sphere.load(context(dir, 3)).inputs()).isEqualTo(sphere.load(context(dir, 3)).inputs());
    }

    @Test
    void gaussianEntriesHaveTheRequestedSpread() {
        Dataset g = load(new GaussianDataProvider(), arg("n", 200), arg("d", 50), arg("std", 3));
        double[] a = g.inputs().data();
        double mean = java.util.Arrays.stream(a).average().orElseThrow();
        double var = java.util.Arrays.stream(a).map(v -> (v - mean) * (v - mean)).sum() / a.length;
        assertThat(Math.sqrt(var) / 3).isCloseTo(1, within(STD_TOL));
        assertThat(mean).isCloseTo(0, within(4 * 3 / Math.sqrt(a.length)));
    }

    @Test
    void schemasRejectBadShapes() {
        assertThatThrownBy(() -> new SphereDataProvider().configure(args(arg("n", 0), arg("d", 3))))
                .isInstanceOf(ParameterException.class)
                .hasMessage("sphere: parameter 'n' must be [1, 2147483639], got 0");
        assertThatThrownBy(() -> new SphereDataProvider().configure(args(arg("n", 3))))
                .hasMessage("sphere: missing required parameter 'd' (input dimension d)");
        assertThatThrownBy(() -> new GaussianDataProvider().configure(args(arg("n", 3), arg("d", 2),
                arg("std", -1)))).hasMessage("gaussian: parameter 'std' must be > 0, got -1");
    }

    // ------------------------------------------------------------ csv

    @Test
    void csvSplitsInputsAndLabelColumns() throws IOException {
        Files.writeString(dir.resolve("d.csv"), "x1,x2,y\n1,2,0\n3,4,2\n5,6,1\n");
        Dataset ds = load(new CsvDataProvider(), text("path", "d.csv"), arg("label_columns", 1));
        assertThat(ds.inputs()).isEqualTo(HostMatrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}));
        assertThat(ds.targets().orElseThrow()).isEqualTo(HostMatrix.of(new double[][] {{0}, {2}, {1}}));
        assertThat(ds.classes().orElseThrow()).containsExactly(0, 2, 1);
        assertThat(ds.description()).isEqualTo("csv d.csv: 3 samples in R^2, 1 label column (classes), normalize=none");

        Dataset values = load(new CsvDataProvider(), text("path", "d.csv"), arg("label_columns", 1),
                word("label_type", "values"));
        assertThat(values.classes()).isEmpty();
        Dataset noLabels = load(new CsvDataProvider(), text("path", "d.csv"));
        assertThat(noLabels.dimension()).isEqualTo(3);
        assertThat(noLabels.targets()).isEmpty();
    }

    @Test
    void csvSignedOrFractionalLabelsAreValuesNotClasses() throws IOException {
        Files.writeString(dir.resolve("r.csv"), "1,2,-1\n3,4,1\n5,6,0.5\n");
        Dataset ds = load(new CsvDataProvider(), text("path", "r.csv"), arg("label_columns", 1));
        assertThat(ds.classes()).isEmpty();
        assertThatThrownBy(() -> load(new CsvDataProvider(), text("path", "r.csv"), arg("label_columns", 1),
                word("label_type", "classes"))).isInstanceOf(DataException.class)
                .hasMessage(dir.resolve("r.csv") + ": label_type=classes but the label of sample 1 is -1.0, not a"
                        + " whole number >= 0");
        assertThatThrownBy(() -> load(new CsvDataProvider(), text("path", "r.csv"), arg("label_columns", 3)))
                .hasMessage(dir.resolve("r.csv") + ": label_columns=3 but the file has 3 columns; at least one must be an"
                        + " input");
    }

    @Test
    void csvErrorsReachTheUserWithTheFile() throws IOException {
        Files.writeString(dir.resolve("bad.csv"), "1,2\n3,nan\n");
        assertThatThrownBy(() -> load(new CsvDataProvider(), text("path", "bad.csv")))
                .isInstanceOf(DataException.class)
                .hasMessage(dir.resolve("bad.csv") + ": line 2, column 2: NaN is not allowed (nan)");
        assertThatThrownBy(() -> new CsvDataProvider().configure(args(text("path", "x.csv"),
                text("delimiter", "ab")))).isInstanceOf(ParameterException.class)
                .hasMessage("csv: delimiter must be auto, tab, space or one punctuation character, got 'ab'");
        assertThatThrownBy(() -> new CsvDataProvider().configure(args(text("path", "x.csv"), arg("mean", 1))))
                .isInstanceOf(ParameterException.class)
                .hasMessage("csv: mean and std apply only to normalize=standard (normalize is none)");
    }

    @Test
    void standardNormalizationUsesTheGivenOrTheComputedMoments() throws IOException {
        Files.writeString(dir.resolve("s.csv"), "1 2\n3 6\n");
        Dataset auto = load(new CsvDataProvider(), text("path", "s.csv"), word("normalize", "standard"));
        // entries 1, 2, 3, 6: mean 3, population std sqrt((4 + 1 + 0 + 9)/4) = sqrt(3.5)
        double s = Math.sqrt(3.5);
        assertThat(auto.inputs().data()).containsExactly(new double[] {-2 / s, -1 / s, 0, 3 / s},
                within(NORM_TOL));
        assertThat(auto.description()).contains("normalize=standard(mean=3, std=1.8708286933869707)");
        Dataset given = load(new CsvDataProvider(), text("path", "s.csv"), word("normalize", "standard"),
                arg("mean", 0.5), arg("std", 2));
        assertThat(given.inputs().data()).containsExactly(0.25, 0.75, 1.25, 2.75);
        Dataset sphere = load(new CsvDataProvider(), text("path", "s.csv"), word("normalize", "sphere"));
        assertThat(SphereDataProvider.norm(sphere.inputs().row(1))).isCloseTo(Math.sqrt(2), within(NORM_TOL));
        Files.writeString(dir.resolve("z.csv"), "1 2\n0 0\n");
        assertThatThrownBy(() -> load(new CsvDataProvider(), text("path", "z.csv"), word("normalize", "unit")))
                .hasMessage(dir.resolve("z.csv") + ": sample 2 is all zeros and cannot be scaled to norm 1"
                        + " (normalize=unit)");
    }

    // ------------------------------------------------------------ npy

    @Test
    void npyInputsWithIntegerLabelsGiveClasses() {
        HostMatrix x = HostMatrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        Npy.write(dir.resolve("x.npy"), x);
        Npy.writeVector(dir.resolve("y.npy"), new int[] {2, 0, 1});
        Npy.writeVector(dir.resolve("t.npy"), new double[] {2, 0, 1});
        Dataset ds = load(new NpyDataProvider(), text("path", "x.npy"), text("labels", "y.npy"));
        assertThat(ds.inputs()).isEqualTo(x);
        assertThat(ds.classes().orElseThrow()).containsExactly(2, 0, 1);
        assertThat(ds.targets().orElseThrow().data()).containsExactly(2, 0, 1);
        // float labels are values unless label_type=classes says otherwise
        assertThat(load(new NpyDataProvider(), text("path", "x.npy"), text("labels", "t.npy")).classes()).isEmpty();
        assertThat(load(new NpyDataProvider(), text("path", "x.npy"), text("labels", "t.npy"),
                word("label_type", "classes")).classes().orElseThrow()).containsExactly(2, 0, 1);
    }

    @Test
    void npyImagesAreFlattenedAndLabelCountsChecked() {
        double[] px = new double[3 * 2 * 2];
        java.util.Arrays.setAll(px, i -> i);
        Npy.write(dir.resolve("img.npy"), new NpyArray(new int[] {3, 2, 2}, NpyDtype.UINT8, px));
        Npy.writeVector(dir.resolve("two.npy"), new int[] {1, 0});
        Dataset ds = load(new NpyDataProvider(), text("path", "img.npy"));
        assertThat(ds.samples()).isEqualTo(3);
        assertThat(ds.inputs().row(2)).containsExactly(8, 9, 10, 11);
        assertThatThrownBy(() -> load(new NpyDataProvider(), text("path", "img.npy"), text("labels", "two.npy")))
                .isInstanceOf(DataException.class)
                .hasMessage(dir.resolve("two.npy") + ": 2 labels for 3 samples in " + dir.resolve("img.npy"));
        assertThatThrownBy(() -> load(new NpyDataProvider(), text("path", "none.npy")))
                .hasMessage(dir.resolve("none.npy") + ": file not found");
    }

    // ------------------------------------------------------------ idx (synthetic files)

    /** 10 images of 2x2; image i has every pixel 10·i; label of image i is i mod 3. */
    private void writeIdx() throws IOException {
        ByteBuffer img = ByteBuffer.allocate(16 + 40).putInt(0x803).putInt(10).putInt(2).putInt(2);
        ByteBuffer lab = ByteBuffer.allocate(8 + 10).putInt(0x801).putInt(10);
        for (int i = 0; i < 10; i++) {
            for (int p = 0; p < 4; p++) {
                img.put((byte) (10 * i));
            }
            lab.put((byte) (i % 3));
        }
        Files.write(dir.resolve("img.idx"), img.array());
        Files.write(dir.resolve("lab.idx"), lab.array());
        ByteBuffer short9 = ByteBuffer.allocate(8 + 9).putInt(0x801).putInt(9);
        Files.write(dir.resolve("lab9.idx"), short9.array());
    }

    private static double firstPixel(Dataset ds, int row) {
        return ds.inputs().get(row, 0) * 255;
    }

    @Test
    void idxClassFilterOffsetAndRemapping() throws IOException {
        writeIdx();
        Dataset ds = load(new IdxDataProvider(), text("images", "img.idx"), text("labels", "lab.idx"),
                ints("classes", 2, 0), arg("n", 3), arg("offset", 1));
        // images with label 0 or 2: 0, 2, 3, 5, 6, 8, 9; skip one, take three: 2, 3, 5
        assertThat(firstPixel(ds, 0)).isCloseTo(20, within(NORM_TOL));
        assertThat(firstPixel(ds, 1)).isCloseTo(30, within(NORM_TOL));
        assertThat(firstPixel(ds, 2)).isCloseTo(50, within(NORM_TOL));
        assertThat(ds.classes().orElseThrow()).containsExactly(0, 1, 0); // 2 -> 0, 0 -> 1
        Dataset all = load(new IdxDataProvider(), text("images", "img.idx"), text("labels", "lab.idx"));
        assertThat(all.samples()).isEqualTo(10);
        assertThat(all.classes().orElseThrow()).containsExactly(0, 1, 2, 0, 1, 2, 0, 1, 2, 0);
        Dataset unlabeled = load(new IdxDataProvider(), text("images", "img.idx"), arg("n", 4));
        assertThat(unlabeled.classes()).isEmpty();
        assertThat(unlabeled.inputs().get(3, 3)).isEqualTo(30 / 255.0);
    }

    @Test
    void idxRandomSubsetIsAUniformChoiceInFileOrder() throws IOException {
        writeIdx();
        DataSource src = source(new IdxDataProvider(), text("images", "img.idx"), text("labels", "lab.idx"),
                arg("n", 4), word("select", "random"));
        int[] seen = new int[10];
        for (long seed = 0; seed < 500; seed++) {
            Dataset ds = src.load(context(dir, seed));
            double previous = -1;
            for (int k = 0; k < 4; k++) {
                double p = firstPixel(ds, k);
                assertThat(p).isGreaterThan(previous);
                previous = p;
                seen[(int) Math.round(p / 10)]++;
            }
        }
        // each image is chosen with probability 4/10: 200 of 500 expected, sd sqrt(500·0.4·0.6) ≈ 11
        for (int s : seen) {
            assertThat(s).isBetween(200 - 55, 200 + 55);
        }
    }

    @Test
    void idxErrorsNameTheFile() throws IOException {
        writeIdx();
        assertThatThrownBy(() -> load(new IdxDataProvider(), text("images", "img.idx"), text("labels", "lab9.idx")))
                .isInstanceOf(DataException.class)
                .hasMessage(dir.resolve("lab9.idx") + ": 9 labels, but " + dir.resolve("img.idx") + " holds 10 images");
        assertThatThrownBy(() -> load(new IdxDataProvider(), text("images", "img.idx"), text("labels", "lab.idx"),
                ints("classes", 1), arg("n", 4))).hasMessage(dir.resolve("img.idx") + ": asked for 4 samples of"
                        + " classes [1], but the file has 3 such samples");
        assertThatThrownBy(() -> load(new IdxDataProvider(), text("images", "lab.idx")))
                .hasMessageStartingWith(dir.resolve("lab.idx") + ": wrong magic number 0x00000801");
    }

    @Test
    void idxParameterCombinationsAreChecked() {
        IdxDataProvider p = new IdxDataProvider();
        assertThatThrownBy(() -> p.configure(args(text("images", "a"), ints("classes", 1))))
                .isInstanceOf(ParameterException.class)
                .hasMessage("idx: classes needs a labels file (labels=\"...\")");
        assertThatThrownBy(() -> p.configure(args(text("images", "a"), word("select", "random"), arg("offset", 3))))
                .hasMessage("idx: offset applies to select=first, not to select=random");
        assertThatThrownBy(() -> p.configure(args(text("images", "a"), arg("seed", 3))))
                .hasMessage("idx: seed applies to select=random, not to select=first");
        assertThatThrownBy(() -> p.configure(args(text("images", "a"), text("labels", "b"), ints("classes", 1, 1))))
                .hasMessage("idx: classes lists a class twice: [1, 1]");
        assertThatThrownBy(() -> p.configure(args(text("images", "a"), ints("classes", 256))))
                .hasMessage("idx: parameter 'classes' entries must be [0, 255], got 256");
    }
}
