package org.gdcert.core.io;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.gdcert.core.spi.DataException;

/**
 * Reads the IDX files of MNIST and Fashion-MNIST: unsigned-byte images (magic {@code 0x00000803}:
 * count, rows, columns, then the pixels row by row) and unsigned-byte labels (magic
 * {@code 0x00000801}: count, then one byte per label). Gzip-compressed files ({@code .gz}) are
 * decompressed transparently, recognised by their content rather than their name. All integers in
 * the header are big-endian. A file that does not match its header raises a {@link DataException}
 * naming the file and the problem.
 */
public final class Idx {
    /** Magic number of an unsigned-byte, 3-dimensional IDX file (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an unsigned-byte, 1-dimensional IDX file (labels). */
    public static final int LABELS_MAGIC = 0x00000801;
    private static final int IMAGES_HEADER = 16;
    private static final int LABELS_HEADER = 8;

    private Idx() {
    }

    /**
     * The images of an IDX file: {@code count} images of {@code rows × cols} unsigned bytes, stored
     * image after image, each row-major.
     */
    public static final class Images {
        private final int count;
        private final int rows;
        private final int cols;
        private final byte[] pixels;
        private final int offset;

        Images(int count, int rows, int cols, byte[] pixels, int offset) {
            this.count = count;
            this.rows = rows;
            this.cols = cols;
            this.pixels = pixels;
            this.offset = offset;
        }

        public int count() {
            return count;
        }

        public int rows() {
            return rows;
        }

        public int cols() {
            return cols;
        }

        /** Pixels per image ({@code rows · cols}). */
        public int pixelsPerImage() {
            return rows * cols;
        }

        /** Pixel {@code p} (row-major within the image) of image {@code i}, in 0..255. */
        public int pixel(int i, int p) {
            return pixels[offset + i * pixelsPerImage() + p] & 0xff;
        }

        /** The raw bytes of image {@code i} (a copy). */
        public byte[] image(int i) {
            int n = pixelsPerImage();
            return Arrays.copyOfRange(pixels, offset + i * n, offset + (i + 1) * n);
        }

        /**
         * Copies image {@code i} into {@code out[outOffset..]}, each pixel divided by {@code divisor}
         * (255 scales to [0, 1], correctly rounded).
         */
        public void copyDivided(int i, double divisor, double[] out, int outOffset) {
            double[] table = new double[256];
            for (int v = 0; v < 256; v++) {
                table[v] = v / divisor;
            }
            int n = pixelsPerImage();
            int from = offset + i * n;
            for (int p = 0; p < n; p++) {
                out[outOffset + p] = table[pixels[from + p] & 0xff];
            }
        }
    }

    /** Reads an IDX image file (plain or gzip-compressed). */
    public static Images readImages(Path file) {
        byte[] b = DataFiles.readMaybeGzip(file);
        ByteBuffer buf = ByteBuffer.wrap(b); // big-endian, as IDX is
        checkMagic(file, b, IMAGES_MAGIC, "images");
        if (b.length < IMAGES_HEADER) {
            throw new DataException(file + ": truncated: an IDX image header needs " + IMAGES_HEADER
                    + " bytes, the file holds " + b.length);
        }
        int count = buf.getInt(4);
        int rows = buf.getInt(8);
        int cols = buf.getInt(12);
        if (count < 0 || rows <= 0 || cols <= 0) {
            throw new DataException(file + ": wrong dimensions in the header: " + Integer.toUnsignedString(count)
                    + " images of " + Integer.toUnsignedString(rows) + "x" + Integer.toUnsignedString(cols));
        }
        long expected = (long) count * rows * cols;
        long actual = b.length - IMAGES_HEADER;
        String says = "header says " + count + " images of " + rows + "x" + cols;
        if (actual < expected) {
            throw new DataException(file + ": truncated: " + says + " but the file holds " + actual
                    + " bytes of pixel data; expected " + expected);
        }
        if (actual > expected) {
            throw new DataException(file + ": " + says + " but the file holds " + actual
                    + " bytes of pixel data; expected " + expected + " (" + (actual - expected) + " bytes too many)");
        }
        return new Images(count, rows, cols, b, IMAGES_HEADER);
    }

    /** Reads an IDX label file (plain or gzip-compressed): one value in 0..255 per sample. */
    public static int[] readLabels(Path file) {
        byte[] b = DataFiles.readMaybeGzip(file);
        ByteBuffer buf = ByteBuffer.wrap(b);
        checkMagic(file, b, LABELS_MAGIC, "labels");
        if (b.length < LABELS_HEADER) {
            throw new DataException(file + ": truncated: an IDX label header needs " + LABELS_HEADER
                    + " bytes, the file holds " + b.length);
        }
        int count = buf.getInt(4);
        if (count < 0) {
            throw new DataException(file + ": wrong dimensions in the header: " + Integer.toUnsignedString(count)
                    + " labels");
        }
        long actual = b.length - LABELS_HEADER;
        String says = "header says " + count + " labels";
        if (actual < count) {
            throw new DataException(file + ": truncated: " + says + " but the file holds " + actual
                    + " bytes of label data");
        }
        if (actual > count) {
            throw new DataException(file + ": " + says + " but the file holds " + actual + " bytes of label data ("
                    + (actual - count) + " bytes too many)");
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = b[LABELS_HEADER + i] & 0xff;
        }
        return labels;
    }

    private static void checkMagic(Path file, byte[] b, int wanted, String what) {
        if (b.length < 4) {
            throw new DataException(file + ": truncated: not an IDX file (it holds only " + b.length + " bytes)");
        }
        int magic = ByteBuffer.wrap(b).getInt(0);
        if (magic == wanted) {
            return;
        }
        String expected = "expected " + hex(wanted) + " (IDX " + what + ": unsigned bytes, " + (wanted & 0xff)
                + " dimension" + ((wanted & 0xff) == 1 ? "" : "s") + ")";
        String found;
        if (magic == IMAGES_MAGIC) {
            found = "an IDX image file";
        } else if (magic == LABELS_MAGIC) {
            found = "an IDX label file";
        } else if ((magic >>> 16) == 0 && ((magic >>> 8) & 0xff) == 0x08) {
            found = "unsigned bytes with " + (magic & 0xff) + " dimensions";
        } else if ((magic >>> 16) == 0 && isIdxType((magic >>> 8) & 0xff)) {
            found = "an IDX file of element type 0x" + String.format("%02X", (magic >>> 8) & 0xff)
                    + " (gdcert reads unsigned bytes, type 0x08)";
        } else {
            found = "not an IDX file";
        }
        throw new DataException(file + ": wrong magic number " + hex(magic) + ", " + found + "; " + expected);
    }

    private static boolean isIdxType(int t) {
        return t == 0x09 || t == 0x0B || t == 0x0C || t == 0x0D || t == 0x0E;
    }

    private static String hex(int v) {
        return String.format("0x%08X", v);
    }
}
