package org.gdcert.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.DataException;
import org.gdcert.core.testing.Python;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    private static final long SEED = 20240611L;

    @TempDir
    Path dir;

    /**
     * The test pattern, written independently of npy_fixtures.py's: (i·c + j)·0.5 − 1.25, with
     * [0,0] = π and the last entry −1e-300.
     */
    static HostMatrix pattern(int r, int c) {
        HostMatrix m = new HostMatrix(r, c);
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                m.set(i, j, (i * c + j) * 0.5 - 1.25);
            }
        }
        m.set(0, 0, Math.PI);
        m.set(r - 1, c - 1, -1e-300);
        return m;
    }

    private static HostMatrix random(int r, int c) {
        HostMatrix m = new HostMatrix(r, c);
        Rng.of(SEED).fillGaussian(m.data(), 3);
        return m;
    }

    // ------------------------------------------------------------ round trips

    @Test
    void float64MatrixRoundTripsBitForBit() {
        HostMatrix m = random(7, 5);
        m.set(0, 0, -0.0);
        m.set(1, 1, Double.MIN_VALUE);
        m.set(2, 2, Double.MAX_VALUE);
        m.set(3, 3, Double.NaN);
        Path f = dir.resolve("m.npy");
        Npy.write(f, m);
        NpyArray a = Npy.read(f);
        assertThat(a.shape()).containsExactly(7, 5);
        assertThat(a.dtype()).isEqualTo(NpyDtype.FLOAT64);
        for (int i = 0; i < m.data().length; i++) {
            assertThat(Double.doubleToRawLongBits(a.data()[i])).isEqualTo(Double.doubleToRawLongBits(m.data()[i]));
        }
        assertThat(Npy.readMatrix(f)).isEqualTo(m);
    }

    @Test
    void float32RoundTripRoundsToFloat() {
        HostMatrix m = random(4, 6);
        Path f = dir.resolve("f.npy");
        Npy.write(f, m, NpyDtype.FLOAT32);
        NpyArray a = Npy.read(f);
        assertThat(a.dtype()).isEqualTo(NpyDtype.FLOAT32);
        for (int i = 0; i < m.data().length; i++) {
            assertThat(a.data()[i]).isEqualTo((double) (float) m.data()[i]);
        }
    }

    @Test
    void vectorsRoundTripAsOneDimensionalArrays() {
        double[] v = {3, -1.5, 0.125};
        Path f = dir.resolve("v.npy");
        Npy.writeVector(f, v);
        NpyArray a = Npy.read(f);
        assertThat(a.shape()).containsExactly(3);
        assertThat(Npy.readVector(f)).containsExactly(v);
        assertThat(Npy.readMatrix(f).rows()).isEqualTo(3);
        assertThat(Npy.readMatrix(f).cols()).isEqualTo(1);

        int[] labels = {0, 9, -1, Integer.MAX_VALUE, Integer.MIN_VALUE};
        Path g = dir.resolve("labels.npy");
        Npy.writeVector(g, labels);
        NpyArray b = Npy.read(g);
        assertThat(b.dtype()).isEqualTo(NpyDtype.INT64);
        assertThat(b.data()).containsExactly(0, 9, -1, Integer.MAX_VALUE, Integer.MIN_VALUE);
    }

    @Test
    void everyDtypeRoundTripsItsRange() {
        for (NpyDtype t : NpyDtype.values()) {
            double[] v = switch (t) {
                case FLOAT64, FLOAT32 -> new double[] {1.5, -2, 0};
                case INT64 -> new double[] {-0x1p62, 0x1p62, 7};
                case INT32 -> new double[] {Integer.MIN_VALUE, Integer.MAX_VALUE, 0};
                case INT16 -> new double[] {Short.MIN_VALUE, Short.MAX_VALUE, -1};
                case INT8 -> new double[] {-128, 127, 0};
                case UINT64 -> new double[] {0, 0x1p63, 0x1p63 + 0x1p12};
                case UINT32 -> new double[] {0, 4294967295.0, 1};
                case UINT16 -> new double[] {0, 65535, 300};
                case UINT8 -> new double[] {0, 255, 128};
                case BOOL -> new double[] {0, 1, 1};
            };
            Path f = dir.resolve(t.name() + ".npy");
            Npy.writeVector(f, v, t);
            NpyArray a = Npy.read(f);
            assertThat(a.dtype()).as(t.name()).isEqualTo(t);
            assertThat(a.data()).as(t.name()).containsExactly(v);
        }
    }

    @Test
    void integerTypesRefuseValuesTheyCannotHold() {
        Path f = dir.resolve("bad.npy");
        assertThatThrownBy(() -> Npy.writeVector(f, new double[] {1, 2.5}, NpyDtype.INT32))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value 2.5 at index 1 cannot be stored as int32 (<i4)");
        assertThatThrownBy(() -> Npy.writeVector(f, new double[] {256}, NpyDtype.UINT8))
                .hasMessageContaining("cannot be stored as uint8 (|u1)");
        assertThat(f).doesNotExist();
    }

    @Test
    void emptyAndScalarShapesRoundTrip() {
        Path f = dir.resolve("e.npy");
        Npy.write(f, new HostMatrix(0, 3));
        assertThat(Npy.read(f).shape()).containsExactly(0, 3);
        Path s = dir.resolve("s.npy");
        Npy.write(s, new NpyArray(new int[0], NpyDtype.FLOAT64, new double[] {2.5}));
        NpyArray a = Npy.read(s);
        assertThat(a.ndim()).isZero();
        assertThat(a.data()).containsExactly(2.5);
        assertThatThrownBy(() -> Npy.readMatrix(s)).isInstanceOf(DataException.class)
                .hasMessage(s + ": expected a 1-D or 2-D array, the file holds shape ()");
    }

    @Test
    void headersArePaddedTo64BytesAndEndWithNewline() {
        for (int[] shape : new int[][] {{}, {5}, {3, 4}, {123456, 789}, {1, 2, 3, 4, 5, 6, 7, 8}}) {
            byte[] h = Npy.header(shape, NpyDtype.FLOAT64);
            assertThat(h.length % 64).isZero();
            assertThat(h[6]).isEqualTo((byte) 1);
            int len = ByteBuffer.wrap(h, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff;
            assertThat(10 + len).isEqualTo(h.length);
            assertThat(h[h.length - 1]).isEqualTo((byte) '\n');
        }
        String text = new String(Npy.header(new int[] {5}, NpyDtype.FLOAT32), StandardCharsets.US_ASCII);
        assertThat(text).contains("{'descr': '<f4', 'fortran_order': False, 'shape': (5,), }");
    }

    @Test
    void aHeaderTooLongForVersion1IsWrittenAsVersion2() {
        int[] shape = new int[30000];
        Arrays.fill(shape, 1);
        byte[] h = Npy.header(shape, NpyDtype.FLOAT64);
        assertThat(h[6]).isEqualTo((byte) 2);
        assertThat(h.length % 64).isZero();
        int len = ByteBuffer.wrap(h, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertThat(12 + len).isEqualTo(h.length);
        Path f = dir.resolve("wide.npy");
        Npy.write(f, new NpyArray(shape, NpyDtype.FLOAT64, new double[] {4.5}));
        NpyArray a = Npy.read(f);
        assertThat(a.ndim()).isEqualTo(30000);
        assertThat(a.data()).containsExactly(4.5);
    }

    @Test
    void writesLeaveNoTemporaryFilesAndReplaceTheOldContent() throws IOException {
        Path f = dir.resolve("out").resolve("m.npy");
        Npy.write(f, pattern(2, 2));
        Npy.write(f, pattern(3, 4));
        assertThat(Npy.readMatrix(f)).isEqualTo(pattern(3, 4));
        try (Stream<Path> files = Files.list(f.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("m.npy");
        }
    }

    // ------------------------------------------------------------ hand-made files

    /** A .npy file with the given header dict and raw data bytes, version 1.0. */
    private Path handMade(String name, String dict, byte[] data) throws IOException {
        byte[] h = (dict + "\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(10 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) h.length).put(h).put(data);
        Path f = dir.resolve(name);
        Files.write(f, b.array());
        return f;
    }

    private static byte[] doubles(ByteOrder order, double... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(order);
        for (double x : v) {
            b.putDouble(x);
        }
        return b.array();
    }

    @Test
    void fortranOrderIsTransposedToRowMajor() throws IOException {
        // the 2x3 matrix [[1, 2, 3], [4, 5, 6]] stored column by column
        Path f = handMade("f.npy", "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }",
                doubles(ByteOrder.LITTLE_ENDIAN, 1, 4, 2, 5, 3, 6));
        assertThat(Npy.readMatrix(f)).isEqualTo(HostMatrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}}));
    }

    @Test
    void fortranOrderOfThreeDimensions() {
        int[] shape = {2, 3, 4};
        double[] f = new double[24];
        // element (i, j, k) has value 100i + 10j + k and sits at i + 2j + 6k in Fortran order
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    f[i + 2 * j + 6 * k] = 100 * i + 10 * j + k;
                }
            }
        }
        double[] c = Npy.fortranToC(f, shape);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    assertThat(c[12 * i + 4 * j + k]).isEqualTo(100 * i + 10 * j + k);
                }
            }
        }
    }

    @Test
    void bigEndianAndLenientHeaderSpellingsAreRead() throws IOException {
        Path f = handMade("b.npy", "{\"shape\":(2L,),\"fortran_order\":False,\"descr\":\">f8\"}   ",
                doubles(ByteOrder.BIG_ENDIAN, 1.5, -2.25));
        assertThat(Npy.readVector(f)).containsExactly(1.5, -2.25);
    }

    // ------------------------------------------------------------ malformed files

    @Test
    void truncatedDataIsReportedWithBothSizes() throws IOException {
        Path f = handMade("t.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }",
                new byte[80]);
        assertThatThrownBy(() -> Npy.read(f)).isInstanceOf(DataException.class)
                .hasMessage(f + ": truncated: header says shape (3, 4) of <f8 (96 bytes) but the file holds 80"
                        + " bytes of data");
    }

    @Test
    void extraDataMeansTheHeaderLiesAboutTheSize() throws IOException {
        Path f = handMade("x.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", new byte[12]);
        assertThatThrownBy(() -> Npy.read(f)).isInstanceOf(DataException.class)
                .hasMessage(f + ": header says shape (2,) of <f4 (8 bytes) but the file holds 12 bytes of data"
                        + " (4 bytes too many)");
    }

    @Test
    void wrongMagicEmptyFilesAndCompressedFilesAreNamed() throws IOException {
        Path text = dir.resolve("data.npy");
        Files.writeString(text, "1,2,3\n");
        assertThatThrownBy(() -> Npy.read(text)).isInstanceOf(DataException.class)
                .hasMessage(text + ": not a NumPy .npy file (it does not start with \\x93NUMPY)");
        Path empty = dir.resolve("empty.npy");
        Files.write(empty, new byte[0]);
        assertThatThrownBy(() -> Npy.read(empty))
                .hasMessage(empty + ": not a NumPy .npy file (it does not start with \\x93NUMPY; the file holds"
                        + " only 0 bytes)");
        Path gz = dir.resolve("g.npy.gz");
        Files.write(gz, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0});
        assertThatThrownBy(() -> Npy.read(gz)).hasMessageStartingWith(gz + ": is gzip-compressed");
        Path npz = dir.resolve("a.npz");
        Files.write(npz, new byte[] {'P', 'K', 3, 4, 0, 0});
        assertThatThrownBy(() -> Npy.read(npz)).hasMessageStartingWith(npz + ": is a zip archive (.npz?)");
        Path missing = dir.resolve("missing.npy");
        assertThatThrownBy(() -> Npy.read(missing)).hasMessage(missing + ": file not found");
    }

    @Test
    void badHeadersAreRejectedWithTheReason() throws IOException {
        Path noShape = handMade("a.npy", "{'descr': '<f8', 'fortran_order': False}", new byte[0]);
        assertThatThrownBy(() -> Npy.read(noShape)).isInstanceOf(DataException.class)
                .hasMessageStartingWith(noShape + ": malformed .npy header: it needs 'descr', 'fortran_order'"
                        + " and 'shape'");
        Path object = handMade("o.npy", "{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", new byte[8]);
        assertThatThrownBy(() -> Npy.read(object))
                .hasMessage(object + ": unsupported dtype '|O' (gdcert reads float64, float32, int8-int64,"
                        + " uint8-uint64 and bool)");
        Path record = handMade("r.npy", "{'descr': [('x', '<f8')], 'fortran_order': False, 'shape': (1,), }",
                new byte[8]);
        assertThatThrownBy(() -> Npy.read(record)).hasMessageContaining("structured arrays");
        Path garbled = handMade("g.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4}",
                new byte[96]);
        assertThatThrownBy(() -> Npy.read(garbled))
                .hasMessageStartingWith(garbled + ": malformed .npy header: expected ',' or ')' at character");
        Path negative = handMade("n.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (-3,), }",
                new byte[0]);
        assertThatThrownBy(() -> Npy.read(negative)).hasMessageContaining("dimension -3 out of range");
        Path extraKey = handMade("k.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (0,), 'x': 1}",
                new byte[0]);
        assertThatThrownBy(() -> Npy.read(extraKey)).hasMessageContaining("unexpected key 'x'");
    }

    @Test
    void unsupportedVersionsAndShortHeadersAreRejected() throws IOException {
        Path v9 = dir.resolve("v9.npy");
        Files.write(v9, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 9, 0, 0, 0, 0, 0});
        assertThatThrownBy(() -> Npy.read(v9))
                .hasMessage(v9 + ": unsupported .npy format version 9.0 (gdcert reads 1.0, 2.0 and 3.0)");
        Path shortHeader = dir.resolve("short.npy");
        Files.write(shortHeader, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 100, 0, '{'});
        assertThatThrownBy(() -> Npy.read(shortHeader))
                .hasMessage(shortHeader + ": truncated: the header declares 100 bytes but the file ends 1 bytes"
                        + " after the preamble");
    }

    @Test
    void threeDimensionalArraysAreNotMatricesButFlattenAsRows() throws IOException {
        Path f = handMade("c.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 1, 2), }",
                doubles(ByteOrder.LITTLE_ENDIAN, 1, 2, 3, 4));
        assertThatThrownBy(() -> Npy.readMatrix(f))
                .hasMessage(f + ": expected a 1-D or 2-D array, the file holds shape (2, 1, 2)");
        assertThat(Npy.read(f).asRows()).isEqualTo(HostMatrix.of(new double[][] {{1, 2}, {3, 4}}));
    }

    // ------------------------------------------------------------ against NumPy

    @Test
    void numpyReadsWhatGdcertWrites() {
        Python.assumeNumpy();
        Path f8 = dir.resolve("f8.npy");
        Npy.write(f8, pattern(3, 4));
        assertThat(Python.runScript("npy_fixtures.py", "check", f8.toString(), "f8")).startsWith("ok <f8 (3, 4) 1.0");
        Path f4 = dir.resolve("f4.npy");
        Npy.write(f4, pattern(3, 4), NpyDtype.FLOAT32);
        assertThat(Python.runScript("npy_fixtures.py", "check", f4.toString(), "f4")).startsWith("ok <f4 (3, 4)");
        Path vec = dir.resolve("vec.npy");
        double[] v = new double[7];
        Arrays.setAll(v, i -> i * 0.5 - 1.25);
        Npy.writeVector(vec, v);
        assertThat(Python.runScript("npy_fixtures.py", "check", vec.toString(), "vec")).startsWith("ok <f8 (7,)");
        Path ints = dir.resolve("ints.npy");
        Npy.writeVector(ints, new int[] {0, 9, -1, Integer.MAX_VALUE, Integer.MIN_VALUE});
        assertThat(Python.runScript("npy_fixtures.py", "check", ints.toString(), "ints")).startsWith("ok <i8 (5,)");
        Path empty = dir.resolve("empty.npy");
        Npy.write(empty, new HostMatrix(0, 3));
        assertThat(Python.runScript("npy_fixtures.py", "check", empty.toString(), "empty")).startsWith("ok");
    }

    @Test
    void gdcertReadsWhatNumpyWrites() {
        Python.assumeNumpy();
        assertThat(Python.runScript("npy_fixtures.py", "write", dir.toString())).isEqualTo("ok\n");
        HostMatrix p = pattern(3, 4);
        assertThat(Npy.readMatrix(dir.resolve("f8.npy"))).isEqualTo(p);
        assertThat(Npy.readMatrix(dir.resolve("fortran.npy"))).isEqualTo(p);
        NpyArray f4 = Npy.read(dir.resolve("f4.npy"));
        assertThat(f4.dtype()).isEqualTo(NpyDtype.FLOAT32);
        for (int i = 0; i < 12; i++) {
            assertThat(f4.data()[i]).isEqualTo((double) (float) p.data()[i]);
        }
        NpyArray i8 = Npy.read(dir.resolve("i8.npy"));
        assertThat(i8.dtype()).isEqualTo(NpyDtype.INT64);
        assertThat(i8.data()).containsExactly(-3, -2, -1, 0, 1, 2);
        assertThat(Npy.readMatrix(dir.resolve("i4.npy")))
                .isEqualTo(HostMatrix.of(new double[][] {{1, -2, 3}, {-4, 5, -6}}));
        NpyArray u1 = Npy.read(dir.resolve("u1.npy"));
        assertThat(u1.dtype()).isEqualTo(NpyDtype.UINT8);
        assertThat(u1.data()).containsExactly(0, 1, 128, 255);
        assertThat(Npy.readVector(dir.resolve("bool.npy"))).containsExactly(1, 0, 1);
        assertThat(Npy.readVector(dir.resolve("big.npy"))).containsExactly(1.5, -2.25);
        NpyArray f3 = Npy.read(dir.resolve("fortran3.npy"));
        assertThat(f3.shape()).containsExactly(2, 3, 4);
        for (int i = 0; i < 24; i++) {
            assertThat(f3.data()[i]).isEqualTo(i);
        }
        NpyArray images = Npy.read(dir.resolve("images.npy"));
        assertThat(images.asRows().rows()).isEqualTo(5);
        assertThat(images.asRows().cols()).isEqualTo(6);
        assertThat(images.asRows().get(4, 5)).isEqualTo(29);
        assertThat(Npy.read(dir.resolve("empty.npy")).shape()).containsExactly(0, 3);
        assertThat(Npy.readMatrix(dir.resolve("v2.npy"))).isEqualTo(pattern(2, 5));
    }
}
