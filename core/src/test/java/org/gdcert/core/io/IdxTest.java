package org.gdcert.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.gdcert.core.spi.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    @TempDir
    Path dir;

    /** An IDX image file: header (big-endian) then {@code pixels}. */
    static byte[] images(int magic, int count, int rows, int cols, byte[] pixels) {
        return ByteBuffer.allocate(16 + pixels.length).putInt(magic).putInt(count).putInt(rows).putInt(cols)
                .put(pixels).array();
    }

    static byte[] labels(int magic, int count, byte[] values) {
        return ByteBuffer.allocate(8 + values.length).putInt(magic).putInt(count).put(values).array();
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        }
        return out.toByteArray();
    }

    private Path file(String name, byte[] content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        return f;
    }

    /** Pixel p of image i in the test images: (7i + 3p) mod 256. */
    private static byte[] pixels(int count, int size) {
        byte[] b = new byte[count * size];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < size; p++) {
                b[i * size + p] = (byte) ((7 * i + 3 * p) % 256);
            }
        }
        return b;
    }

    @Test
    void readsPlainAndGzippedImagesAlike() throws IOException {
        byte[] content = images(Idx.IMAGES_MAGIC, 4, 3, 5, pixels(4, 15));
        for (Path f : new Path[] {file("img", content), file("img.gz", gzip(content)), file("gz-named-plain.gz",
                content), file("plain-named-gz", gzip(content))}) {
            Idx.Images im = Idx.readImages(f);
            assertThat(im.count()).isEqualTo(4);
            assertThat(im.rows()).isEqualTo(3);
            assertThat(im.cols()).isEqualTo(5);
            assertThat(im.pixel(3, 14)).isEqualTo((7 * 3 + 3 * 14) % 256);
            assertThat(im.pixel(2, 0)).isEqualTo(14);
            double[] out = new double[17];
            im.copyDivided(1, 2, out, 2);
            assertThat(out[2]).isEqualTo(3.5);
            assertThat(out[16]).isEqualTo(((7 + 3 * 14) % 256) * 0.5);
        }
    }

    @Test
    void pixelsAreUnsigned() throws IOException {
        Path f = file("u", images(Idx.IMAGES_MAGIC, 1, 1, 2, new byte[] {(byte) 255, (byte) 128}));
        Idx.Images im = Idx.readImages(f);
        assertThat(im.pixel(0, 0)).isEqualTo(255);
        assertThat(im.pixel(0, 1)).isEqualTo(128);
        assertThat(im.image(0)).containsExactly((byte) 255, (byte) 128);
    }

    @Test
    void readsLabels() throws IOException {
        Path f = file("l.gz", gzip(labels(Idx.LABELS_MAGIC, 5, new byte[] {9, 0, 3, (byte) 200, 1})));
        assertThat(Idx.readLabels(f)).containsExactly(9, 0, 3, 200, 1);
    }

    @Test
    void truncatedImagesNameTheFileAndTheSizes() throws IOException {
        Path f = file("train-images.gz", gzip(images(Idx.IMAGES_MAGIC, 60000, 28, 28, new byte[1234])));
        assertThatThrownBy(() -> Idx.readImages(f)).isInstanceOf(DataException.class)
                .hasMessage(f + ": truncated: header says 60000 images of 28x28 but the file holds 1234 bytes of"
                        + " pixel data; expected 47040000");
    }

    @Test
    void extraPixelDataMeansTheHeaderLies() throws IOException {
        Path f = file("extra", images(Idx.IMAGES_MAGIC, 2, 2, 2, new byte[10]));
        assertThatThrownBy(() -> Idx.readImages(f))
                .hasMessage(f + ": header says 2 images of 2x2 but the file holds 10 bytes of pixel data; expected"
                        + " 8 (2 bytes too many)");
    }

    @Test
    void wrongMagicSaysWhatTheFileIs() throws IOException {
        Path lab = file("labels-as-images", labels(Idx.LABELS_MAGIC, 2, new byte[2]));
        assertThatThrownBy(() -> Idx.readImages(lab)).isInstanceOf(DataException.class)
                .hasMessage(lab + ": wrong magic number 0x00000801, an IDX label file; expected 0x00000803 (IDX"
                        + " images: unsigned bytes, 3 dimensions)");
        Path img = file("images-as-labels", images(Idx.IMAGES_MAGIC, 0, 1, 1, new byte[0]));
        assertThatThrownBy(() -> Idx.readLabels(img))
                .hasMessage(img + ": wrong magic number 0x00000803, an IDX image file; expected 0x00000801 (IDX"
                        + " labels: unsigned bytes, 1 dimension)");
        Path floats = file("floats", images(0x00000D03, 0, 1, 1, new byte[0]));
        assertThatThrownBy(() -> Idx.readImages(floats))
                .hasMessageContaining("wrong magic number 0x00000D03, an IDX file of element type 0x0D");
        Path twoDims = file("twodims", labels(0x00000802, 1, new byte[4]));
        assertThatThrownBy(() -> Idx.readImages(twoDims))
                .hasMessageContaining("wrong magic number 0x00000802, unsigned bytes with 2 dimensions");
        Path text = file("text", "hello world, not idx".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> Idx.readImages(text)).hasMessageContaining(", not an IDX file; expected 0x00000803");
    }

    @Test
    void wrongDimensionsAreRejected() throws IOException {
        Path zeroRows = file("zero", images(Idx.IMAGES_MAGIC, 3, 0, 28, new byte[0]));
        assertThatThrownBy(() -> Idx.readImages(zeroRows))
                .hasMessage(zeroRows + ": wrong dimensions in the header: 3 images of 0x28");
        Path negative = file("neg", labels(Idx.LABELS_MAGIC, -1, new byte[0]));
        assertThatThrownBy(() -> Idx.readLabels(negative))
                .hasMessage(negative + ": wrong dimensions in the header: 4294967295 labels");
    }

    @Test
    void truncatedHeadersLabelsAndGzipStreams() throws IOException {
        Path shortHeader = file("short", Arrays.copyOf(images(Idx.IMAGES_MAGIC, 1, 1, 1, new byte[1]), 10));
        assertThatThrownBy(() -> Idx.readImages(shortHeader))
                .hasMessage(shortHeader + ": truncated: an IDX image header needs 16 bytes, the file holds 10");
        Path tiny = file("tiny", new byte[] {0, 0});
        assertThatThrownBy(() -> Idx.readLabels(tiny))
                .hasMessage(tiny + ": truncated: not an IDX file (it holds only 2 bytes)");
        Path lab = file("lab", labels(Idx.LABELS_MAGIC, 10, new byte[4]));
        assertThatThrownBy(() -> Idx.readLabels(lab))
                .hasMessage(lab + ": truncated: header says 10 labels but the file holds 4 bytes of label data");
        byte[] gz = gzip(images(Idx.IMAGES_MAGIC, 50, 10, 10, pixels(50, 100)));
        Path cut = file("cut.gz", Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> Idx.readImages(cut)).isInstanceOf(DataException.class)
                .hasMessage(cut + ": truncated gzip stream (the compressed file ends early)");
        byte[] bad = gz.clone();
        Arrays.fill(bad, 12, 40, (byte) 0x55);
        Path corrupt = file("corrupt.gz", bad);
        assertThatThrownBy(() -> Idx.readImages(corrupt)).isInstanceOf(DataException.class)
                .hasMessageStartingWith(corrupt + ": ");
    }

    @Test
    void missingFilesAndDirectories() {
        Path missing = dir.resolve("nope.gz");
        assertThatThrownBy(() -> Idx.readImages(missing)).hasMessage(missing + ": file not found");
        assertThatThrownBy(() -> Idx.readLabels(dir)).hasMessage(dir + ": is a directory, not a file");
    }
}
