package org.gdcert.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gdcert.core.data.TestContexts.args;
import static org.gdcert.core.data.TestContexts.arg;
import static org.gdcert.core.data.TestContexts.context;
import static org.gdcert.core.data.TestContexts.ints;
import static org.gdcert.core.data.TestContexts.text;
import static org.gdcert.core.data.TestContexts.word;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.assertj.core.data.Offset;
import org.gdcert.core.io.Idx;
import org.gdcert.core.spi.DataException;
import org.gdcert.core.spi.Dataset;
import org.gdcert.core.testing.Python;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the real Fashion-MNIST files of Debian's dataset-fashion-mnist; skipped where they are missing. */
class FashionMnistTest {
    private static final Path DIR = Path.of(FashionMnistDataProvider.DEFAULT_DIR);
    private static final Path TRAIN_IMAGES = DIR.resolve("train-images-idx3-ubyte.gz");
    private static final Path TRAIN_LABELS = DIR.resolve("train-labels-idx1-ubyte.gz");
    private static final Path TEST_IMAGES = DIR.resolve("t10k-images-idx3-ubyte.gz");
    private static final Path TEST_LABELS = DIR.resolve("t10k-labels-idx1-ubyte.gz");
    private static final double EXACT = 0;
    private static final double NORM_TOL = 1e-12;
    /** p/255·255 recovers p to within rounding. */
    private static final double PIXEL_TOL = 1e-12;

    private static Idx.Images trainImages;
    private static int[] trainLabels;

    @TempDir
    Path tmp;

    @BeforeAll
    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isReadable(TRAIN_IMAGES) && Files.isReadable(TEST_LABELS),
                "Fashion-MNIST is not installed in " + DIR + " (apt-get install dataset-fashion-mnist): skipping");
    }

    private static synchronized Idx.Images train() {
        if (trainImages == null) {
            trainImages = Idx.readImages(TRAIN_IMAGES);
            trainLabels = Idx.readLabels(TRAIN_LABELS);
        }
        return trainImages;
    }

    /** The four big-endian header integers, decoded by hand. */
    private static int[] header(Path gz, int ints) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(gz)))) {
            int[] h = new int[ints];
            for (int i = 0; i < ints; i++) {
                h[i] = in.readInt();
            }
            return h;
        }
    }

    @Test
    void countsAndShapesMatchTheHeadersDecodedByHand() throws IOException {
        assertThat(header(TRAIN_IMAGES, 4)).containsExactly(0x803, 60000, 28, 28);
        assertThat(header(TRAIN_LABELS, 2)).containsExactly(0x801, 60000);
        assertThat(header(TEST_IMAGES, 4)).containsExactly(0x803, 10000, 28, 28);
        Idx.Images im = train();
        assertThat(im.count()).isEqualTo(60000);
        assertThat(im.pixelsPerImage()).isEqualTo(784);
        assertThat(trainLabels).hasSize(60000);
        // the provider's default split is the training set
        Dataset first = new FashionMnistDataProvider().configure(args(arg("n", 3))).instance().load(context(tmp, 1));
        for (int i = 0; i < 3; i++) {
            for (int p = 0; p < 784; p++) {
                assertThat(first.inputs().get(i, p) * 255).isCloseTo(im.pixel(i, p), Offset.offset(PIXEL_TOL));
            }
            assertThat(first.classes().orElseThrow()[i]).isEqualTo(trainLabels[i]);
        }
        Idx.Images test = Idx.readImages(TEST_IMAGES);
        assertThat(test.count()).isEqualTo(10000);
        assertThat(test.rows()).isEqualTo(28);
        assertThat(test.cols()).isEqualTo(28);
    }

    @Test
    void everyClassHasItsDocumentedCount() {
        // Fashion-MNIST: 10 classes, 6000 training and 1000 test images each
        train();
        int[] counts = new int[10];
        for (int l : trainLabels) {
            assertThat(l).isBetween(0, 9);
            counts[l]++;
        }
        assertThat(counts).containsOnly(6000);
        int[] testCounts = new int[10];
        for (int l : Idx.readLabels(TEST_LABELS)) {
            testCounts[l]++;
        }
        assertThat(testCounts).containsOnly(1000);
    }

    @Test
    void pixelsAndLabelsAgreeWithPythonsGzipReading() throws NoSuchAlgorithmException {
        Python.assumePython();
        String out = Python.runScript("fashion_stats.py", TEST_IMAGES.toString(), TEST_LABELS.toString());
        Map<String, String> facts = new HashMap<>();
        for (String line : out.strip().split("\n")) {
            int sp = line.indexOf(' ');
            facts.put(line.substring(0, sp), line.substring(sp + 1));
        }
        Idx.Images im = Idx.readImages(TEST_IMAGES);
        int[] labels = Idx.readLabels(TEST_LABELS);
        assertThat(facts.get("images")).isEqualTo("2051 10000 28 28");
        assertThat(facts.get("labels")).isEqualTo("2049 10000");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(im.image(0)));
        assertThat(sha).isEqualTo(facts.get("first_sha256"));
        long sum = 0;
        for (int i = 0; i < 1000; i++) {
            for (int p = 0; p < 784; p++) {
                sum += im.pixel(i, p);
            }
        }
        assertThat(sum).isEqualTo(Long.parseLong(facts.get("sum_first_1000")));
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            first.append(i == 0 ? "" : ",").append(labels[i]);
        }
        assertThat(first.toString()).isEqualTo(facts.get("first_labels"));
        assertThat(facts.get("counts")).isEqualTo("1000,1000,1000,1000,1000,1000,1000,1000,1000,1000");
    }

    @Test
    void classFilterAndSubsetTakeTheFirstMatchingImages() {
        Dataset ds = new FashionMnistDataProvider().configure(args(arg("n", 50), ints("classes", 7, 3),
                word("split", "test"))).instance().load(context(tmp, 1));
        assertThat(ds.samples()).isEqualTo(50);
        assertThat(ds.dimension()).isEqualTo(784);
        assertThat(ds.targets()).isEmpty();
        int[] cls = ds.classes().orElseThrow();
        Idx.Images im = Idx.readImages(TEST_IMAGES);
        int[] labels = Idx.readLabels(TEST_LABELS);
        int k = 0;
        for (int i = 0; k < 50; i++) {
            int l = labels[i];
            if (l != 3 && l != 7) {
                continue;
            }
            assertThat(cls[k]).isEqualTo(l == 7 ? 0 : 1); // listed order: 7 -> 0, 3 -> 1
            for (int p = 0; p < 784; p += 97) {
                assertThat(ds.inputs().get(k, p)).isCloseTo(im.pixel(i, p) / 255.0,
                        Offset.offset(EXACT));
            }
            k++;
        }
        assertThat(ds.description()).startsWith("fashion-mnist test: 50 of 2000 samples of classes [7, 3]");
    }

    @Test
    void offsetSkipsMatchingSamples() {
        var p = new FashionMnistDataProvider();
        Dataset all = p.configure(args(arg("n", 30), ints("classes", 1), word("split", "test")))
                .instance().load(context(tmp, 1));
        Dataset skipped = p.configure(args(arg("n", 10), ints("classes", 1), word("split", "test"),
                arg("offset", 20))).instance().load(context(tmp, 1));
        for (int k = 0; k < 10; k++) {
            assertThat(skipped.inputs().row(k)).containsExactly(all.inputs().row(20 + k));
        }
        assertThat(skipped.classes().orElseThrow()).containsOnly(0);
    }

    @Test
    void randomSubsetsAreSeededInFileOrderAndRespectTheFilter() {
        var p = new FashionMnistDataProvider();
        var src = p.configure(args(arg("n", 40), ints("classes", 0, 9), word("split", "test"),
                word("select", "random"))).instance();
        Dataset a = src.load(context(tmp, 11));
        Dataset b = src.load(context(tmp, 11));
        Dataset c = src.load(context(tmp, 12));
        assertThat(a.inputs()).isEqualTo(b.inputs());
        assertThat(a.inputs()).isNotEqualTo(c.inputs());
        // find every chosen image in the file: right class, ascending file positions
        Idx.Images test = Idx.readImages(TEST_IMAGES);
        int[] labels = Idx.readLabels(TEST_LABELS);
        Map<ByteBuffer, Integer> position = new HashMap<>();
        for (int i = 0; i < test.count(); i++) {
            position.putIfAbsent(ByteBuffer.wrap(test.image(i)), i);
        }
        int previous = -1;
        for (int k = 0; k < a.samples(); k++) {
            byte[] px = new byte[784];
            for (int q = 0; q < 784; q++) {
                px[q] = (byte) Math.round(a.inputs().get(k, q) * 255);
            }
            Integer at = position.get(ByteBuffer.wrap(px));
            assertThat(at).as("sample %d is an image of the file", k).isNotNull();
            assertThat(at).isGreaterThan(previous);
            previous = at;
            assertThat(labels[at]).isIn(0, 9);
            assertThat(a.classes().orElseThrow()[k]).isEqualTo(labels[at] == 0 ? 0 : 1);
        }
        // a fixed seed gives the same subset whatever the run's seed
        var fixed = p.configure(args(arg("n", 40), word("split", "test"), word("select", "random"),
                arg("seed", 5))).instance();
        assertThat(fixed.load(context(tmp, 1)).inputs()).isEqualTo(fixed.load(context(tmp, 2)).inputs());
    }

    @Test
    void unitNormalizationPutsEveryImageOnTheUnitSphere() {
        Dataset ds = new FashionMnistDataProvider().configure(args(arg("n", 200), word("split", "test"),
                word("normalize", "unit"))).instance().load(context(tmp, 1));
        for (int i = 0; i < ds.samples(); i++) {
            assertThat(SphereDataProvider.norm(ds.inputs().row(i))).isCloseTo(1, Offset.offset(NORM_TOL));
        }
        assertThat(ds.description()).endsWith("normalize=unit");
    }

    @Test
    void askingForMoreThanThereIsNamesTheFile() {
        var src = new FashionMnistDataProvider().configure(args(arg("n", 1001), ints("classes", 4),
                word("split", "test"))).instance();
        assertThatThrownBy(() -> src.load(context(tmp, 1))).isInstanceOf(DataException.class)
                .hasMessage(TEST_IMAGES + ": asked for 1001 samples of classes [4], but the file has 1000 such"
                        + " samples");
    }

    @Test
    void missingFilesTellTheUserWhatToInstall() {
        var defaults = new FashionMnistDataProvider().configure(args(text("dir", tmp.toString()))).instance();
        assertThatThrownBy(() -> defaults.load(context(tmp, 1))).isInstanceOf(DataException.class)
                .hasMessage(tmp.resolve("train-images-idx3-ubyte.gz") + ": file not found; Fashion-MNIST is not"
                        + " installed in " + tmp + " (dir=\"" + tmp + "\")");
        var provider = new FashionMnistDataProvider();
        assertThat(provider.parameters().find("dir").orElseThrow().defaultValue().orElseThrow().render())
                .isEqualTo("\"/usr/share/datasets/fashion-mnist\"");
    }
}
