package org.gdcert.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.DataException;

/**
 * Reads and writes NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0), so that data,
 * weights and results can be checked in NumPy with {@code numpy.load}.
 *
 * <p>Reading accepts float64, float32, signed and unsigned integers of 1–8 bytes and bool, in
 * either byte order, in C or Fortran order (Fortran arrays are reordered to C order); values become
 * doubles. Writing produces little-endian C-order files, version 1.0 (2.0 when the header needs it),
 * atomically (see {@link AtomicFiles}). Every problem with a file raises a {@link DataException}
 * whose message starts with the file and says what is wrong.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    private static final int MAX_VALUES = Integer.MAX_VALUE - 8;
    private static final int CHUNK = 1 << 13;
    /** Mapped at once while reading (a mapping cannot exceed 2 GiB). */
    private static final int MAP_CHUNK_BYTES = 1 << 28;

    private Npy() {
    }

    // ---------------------------------------------------------------- reading

    /** Reads a {@code .npy} file of any rank. */
    public static NpyArray read(Path file) {
        DataFiles.checkReadable(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(file, ch);
        } catch (IOException e) {
            throw DataFiles.wrap(file, e);
        }
    }

    /** Reads a 2-D array as a matrix, or a 1-D array as one column. */
    public static HostMatrix readMatrix(Path file) {
        NpyArray a = read(file);
        if (a.ndim() != 1 && a.ndim() != 2) {
            throw new DataException(file + ": expected a 1-D or 2-D array, the file holds shape " + a.shapeText());
        }
        return a.asMatrix();
    }

    /** Reads a 1-D array (an N × 1 or 1 × N array is accepted too). */
    public static double[] readVector(Path file) {
        NpyArray a = read(file);
        int[] s = a.shape();
        if (a.ndim() == 1 || (a.ndim() == 2 && (s[0] == 1 || s[1] == 1))) {
            return a.data();
        }
        throw new DataException(file + ": expected a vector (1-D array), the file holds shape " + a.shapeText());
    }

    private static NpyArray read(Path file, FileChannel ch) throws IOException {
        long size = ch.size();
        ByteBuffer start = ByteBuffer.allocate((int) Math.min(size, 12)).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, start, 0);
        byte[] head = start.array();
        checkMagic(file, head, size);
        if (size < 10) {
            throw new DataException(file + ": truncated: the .npy preamble needs 10 bytes, the file holds " + size);
        }
        int major = head[6] & 0xff;
        int minor = head[7] & 0xff;
        long headerLength;
        int prefix;
        if (major == 1) {
            headerLength = start.getShort(8) & 0xffff;
            prefix = 10;
        } else if (major == 2 || major == 3) {
            if (size < 12) {
                throw new DataException(file + ": truncated: the .npy " + major + ".0 preamble needs 12 bytes, the file"
                        + " holds " + size);
            }
            headerLength = start.getInt(8) & 0xffffffffL;
            prefix = 12;
        } else {
            throw new DataException(file + ": unsupported .npy format version " + major + "." + minor
                    + " (gdcert reads 1.0, 2.0 and 3.0)");
        }
        if (prefix + headerLength > size) {
            throw new DataException(file + ": truncated: the header declares " + headerLength + " bytes but the file"
                    + " ends " + (size - prefix) + " bytes after the preamble");
        }
        if (headerLength > 1 << 24) {
            throw new DataException(file + ": implausible .npy header length " + headerLength);
        }
        ByteBuffer hb = ByteBuffer.allocate((int) headerLength);
        readFully(ch, hb, prefix);
        String header = new String(hb.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Header h = parseHeader(file, header);

        long count = 1;
        for (int s : h.shape) {
            count = multiply(file, count, s, h);
        }
        long expected = multiply(file, count, h.dtype.dtype().size(), h);
        long dataStart = prefix + headerLength;
        long actual = size - dataStart;
        String says = "header says shape " + NpyArray.shapeText(h.shape) + " of " + h.descr + " (" + expected
                + " bytes)";
        if (actual < expected) {
            throw new DataException(file + ": truncated: " + says + " but the file holds " + actual
                    + " bytes of data");
        }
        if (actual > expected) {
            throw new DataException(file + ": " + says + " but the file holds " + actual + " bytes of data ("
                    + (actual - expected) + " bytes too many)");
        }
        if (count > MAX_VALUES) {
            throw new DataException(file + ": too large: " + count + " values (at most " + MAX_VALUES
                    + " per array)");
        }
        double[] values = new double[(int) count];
        int itemSize = h.dtype.dtype().size();
        int perChunk = MAP_CHUNK_BYTES / itemSize;
        for (int from = 0; from < values.length; from += perChunk) {
            int n = Math.min(perChunk, values.length - from);
            ByteBuffer data = ch.map(FileChannel.MapMode.READ_ONLY, dataStart + (long) from * itemSize, (long) n * itemSize)
                    .order(h.dtype.order());
            h.dtype.dtype().decode(data, values, from, n);
        }
        if (h.fortran && h.shape.length > 1) {
            values = fortranToC(values, h.shape);
        }
        return new NpyArray(h.shape, h.dtype.dtype(), values);
    }

    private static long multiply(Path file, long a, long b, Header h) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new DataException(file + ": shape " + NpyArray.shapeText(h.shape) + " is too large");
        }
    }

    private static void checkMagic(Path file, byte[] head, long size) {
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            throw new DataException(file + ": is gzip-compressed; gdcert reads uncompressed .npy files"
                    + " (decompress it with gunzip)");
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            throw new DataException(file + ": is a zip archive (.npz?); gdcert reads single-array .npy files"
                    + " (save each array with numpy.save)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (i >= head.length || head[i] != MAGIC[i]) {
                throw new DataException(file + ": not a NumPy .npy file (it does not start with \\x93NUMPY"
                        + (size < MAGIC.length ? "; the file holds only " + size + " bytes" : "") + ")");
            }
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new IOException("unexpected end of file");
            }
            pos += n;
        }
        buf.flip();
    }

    /** Reorders column-major (Fortran) values into row-major (C) order. */
    static double[] fortranToC(double[] f, int[] shape) {
        int nd = shape.length;
        double[] c = new double[f.length];
        if (f.length == 0) {
            return c;
        }
        long[] fStride = new long[nd];
        long s = 1;
        for (int k = 0; k < nd; k++) {
            fStride[k] = s;
            s *= shape[k];
        }
        int[] idx = new int[nd];
        long off = 0;
        for (int i = 0; i < c.length; i++) {
            c[i] = f[(int) off];
            // advance the C-order odometer (last index fastest), keeping the Fortran offset in step
            for (int k = nd - 1; k >= 0; k--) {
                idx[k]++;
                off += fStride[k];
                if (idx[k] < shape[k]) {
                    break;
                }
                off -= fStride[k] * shape[k];
                idx[k] = 0;
            }
        }
        return c;
    }

    private record Header(String descr, NpyDtype.Parsed dtype, boolean fortran, int[] shape) {
    }

    private static Header parseHeader(Path file, String text) {
        Map<String, Object> dict;
        try {
            Object v = new LiteralParser(text).parseTop();
            if (!(v instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("the header is not a dictionary");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> mm = (Map<String, Object>) m;
            dict = mm;
        } catch (IllegalArgumentException e) {
            throw new DataException(file + ": malformed .npy header: " + e.getMessage() + " in " + quote(text));
        }
        for (String key : dict.keySet()) {
            if (!List.of("descr", "fortran_order", "shape").contains(key)) {
                throw new DataException(file + ": malformed .npy header: unexpected key '" + key + "' in "
                        + quote(text));
            }
        }
        Object descr = dict.get("descr");
        Object fortran = dict.get("fortran_order");
        Object shape = dict.get("shape");
        if (descr == null || fortran == null || shape == null) {
            throw new DataException(file + ": malformed .npy header: it needs 'descr', 'fortran_order' and 'shape'"
                    + " in " + quote(text));
        }
        if (descr instanceof List) {
            throw new DataException(file + ": structured arrays (record dtypes) are not supported; save a plain"
                    + " numeric array");
        }
        if (!(descr instanceof String d)) {
            throw new DataException(file + ": malformed .npy header: 'descr' is not a string in " + quote(text));
        }
        NpyDtype.Parsed parsed = NpyDtype.parse(d).orElseThrow(() -> new DataException(file + ": unsupported dtype '"
                + d + "' (gdcert reads float64, float32, int8-int64, uint8-uint64 and bool)"));
        if (!(fortran instanceof Boolean f)) {
            throw new DataException(file + ": malformed .npy header: 'fortran_order' is not True or False in "
                    + quote(text));
        }
        if (!(shape instanceof Shape sh)) {
            throw new DataException(file + ": malformed .npy header: 'shape' is not a tuple of integers in "
                    + quote(text));
        }
        int[] dims = new int[sh.dims.size()];
        for (int i = 0; i < dims.length; i++) {
            long v = sh.dims.get(i);
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new DataException(file + ": malformed .npy header: dimension " + v + " out of range in "
                        + quote(text));
            }
            dims[i] = (int) v;
        }
        return new Header(d, parsed, f, dims);
    }

    private static String quote(String header) {
        String t = header.strip();
        return '"' + (t.length() > 200 ? t.substring(0, 200) + "..." : t) + '"';
    }

    /** A tuple of integers in a header. */
    private record Shape(List<Long> dims) {
    }

    /** Parses the Python literal of a .npy header: a dict of strings, booleans and integer tuples. */
    private static final class LiteralParser {
        private final String s;
        private int pos;

        LiteralParser(String s) {
            this.s = s;
        }

        Object parseTop() {
            Object v = value();
            skipSpace();
            if (pos != s.length()) {
                throw error("unexpected text after the dictionary");
            }
            return v;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at character " + (pos + 1));
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private char peek() {
            skipSpace();
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            return s.charAt(pos);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private Object value() {
            char c = peek();
            if (c == '{') {
                return dict();
            }
            if (c == '\'' || c == '"') {
                return string();
            }
            if (c == '(') {
                return tuple();
            }
            if (c == '[') {
                return list();
            }
            if (s.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            if (Character.isDigit(c) || c == '-') {
                return integer();
            }
            throw error("unexpected '" + c + "'");
        }

        private Map<String, Object> dict() {
            expect('{');
            Map<String, Object> m = new LinkedHashMap<>();
            while (peek() != '}') {
                Object key = value();
                if (!(key instanceof String k)) {
                    throw error("dictionary keys must be strings");
                }
                expect(':');
                if (m.put(k, value()) != null) {
                    throw error("key '" + k + "' given twice");
                }
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw error("expected ',' or '}'");
                }
            }
            pos++;
            return m;
        }

        private String string() {
            char q = s.charAt(pos++);
            int end = s.indexOf(q, pos);
            if (end < 0) {
                throw error("unterminated string");
            }
            String v = s.substring(pos, end);
            pos = end + 1;
            return v;
        }

        /** A tuple: a {@link Shape} when every entry is an integer, else a list. */
        private Object tuple() {
            expect('(');
            List<Object> items = new ArrayList<>();
            while (peek() != ')') {
                items.add(value());
                if (peek() == ',') {
                    pos++;
                } else if (peek() != ')') {
                    throw error("expected ',' or ')'");
                }
            }
            pos++;
            if (items.stream().allMatch(i -> i instanceof Long)) {
                return new Shape(items.stream().map(i -> (Long) i).toList());
            }
            return items;
        }

        private List<Object> list() {
            expect('[');
            List<Object> items = new ArrayList<>();
            while (peek() != ']') {
                items.add(value());
                if (peek() == ',') {
                    pos++;
                } else if (peek() != ']') {
                    throw error("expected ',' or ']'");
                }
            }
            pos++;
            return items;
        }

        private Long integer() {
            int start = pos;
            if (s.charAt(pos) == '-') {
                pos++;
            }
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            String digits = s.substring(start, pos);
            if (pos < s.length() && (s.charAt(pos) == 'L' || s.charAt(pos) == 'l')) {
                pos++; // Python 2 long suffix
            }
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw error("bad integer '" + digits + "'");
            }
        }
    }

    // ---------------------------------------------------------------- writing

    /** Writes {@code m} as a 2-D float64 array. */
    public static void write(Path file, HostMatrix m) {
        write(file, NpyArray.of(m));
    }

    /** Writes {@code m} as a 2-D array of {@code dtype} (float32 rounds; integer types need whole numbers). */
    public static void write(Path file, HostMatrix m, NpyDtype dtype) {
        write(file, NpyArray.of(m).withDtype(dtype));
    }

    /** Writes {@code v} as a 1-D float64 array. */
    public static void writeVector(Path file, double[] v) {
        write(file, NpyArray.vector(v));
    }

    /** Writes {@code v} as a 1-D array of {@code dtype}. */
    public static void writeVector(Path file, double[] v, NpyDtype dtype) {
        write(file, NpyArray.vector(v).withDtype(dtype));
    }

    /** Writes {@code v} as a 1-D int64 array (class labels, indices). */
    public static void writeVector(Path file, int[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        write(file, new NpyArray(new int[] {v.length}, NpyDtype.INT64, d));
    }

    /** Writes {@code a} with its shape and element type, little-endian, C order, atomically. */
    public static void write(Path file, NpyArray a) {
        byte[] header = header(a.shape(), a.dtype());
        NpyDtype dtype = a.dtype();
        double[] data = a.data();
        try {
            AtomicFiles.write(file, out -> {
                out.write(header);
                ByteBuffer buf = ByteBuffer.allocate(CHUNK * dtype.size()).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < data.length; i++) {
                    dtype.encode(buf, data[i], i);
                    if (!buf.hasRemaining()) {
                        out.write(buf.array(), 0, buf.position());
                        buf.clear();
                    }
                }
                out.write(buf.array(), 0, buf.position());
            });
        } catch (IOException e) {
            throw DataFiles.wrapWrite(file, e);
        }
    }

    /** The preamble and header of a C-order little-endian array, padded to 64 bytes as NumPy does. */
    static byte[] header(int[] shape, NpyDtype dtype) {
        String dict = "{'descr': '" + dtype.descr() + "', 'fortran_order': False, 'shape': "
                + NpyArray.shapeText(shape) + ", }";
        int version = 1;
        int prefix = 10;
        int unpadded = prefix + dict.length() + 1;
        int total = unpadded + (ALIGN - unpadded % ALIGN) % ALIGN;
        if (total - prefix > 0xffff) {
            version = 2;
            prefix = 12;
            unpadded = prefix + dict.length() + 1;
            total = unpadded + (ALIGN - unpadded % ALIGN) % ALIGN;
        }
        int headerLength = total - prefix;
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) version).put((byte) 0);
        if (version == 1) {
            b.putShort((short) headerLength);
        } else {
            b.putInt(headerLength);
        }
        b.put(dict.getBytes(StandardCharsets.US_ASCII));
        while (b.position() < total - 1) {
            b.put((byte) ' ');
        }
        b.put((byte) '\n');
        return b.array();
    }
}
