package org.gdcert.core.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Optional;

/**
 * The NumPy element types gdcert reads from {@code .npy} files (every one is converted to double) and
 * writes (little-endian). 64-bit integers beyond 2<sup>53</sup> lose precision when read.
 */
public enum NpyDtype {
    FLOAT64('f', 8),
    FLOAT32('f', 4),
    INT64('i', 8),
    INT32('i', 4),
    INT16('i', 2),
    INT8('i', 1),
    UINT64('u', 8),
    UINT32('u', 4),
    UINT16('u', 2),
    UINT8('u', 1),
    BOOL('b', 1);

    private final char kind;
    private final int size;

    NpyDtype(char kind, int size) {
        this.kind = kind;
        this.size = size;
    }

    /** Bytes per element. */
    public int size() {
        return size;
    }

    /** Whether this is a floating-point type. */
    public boolean isFloat() {
        return kind == 'f';
    }

    /** The little-endian NumPy descriptor written to headers: {@code <f8}, {@code |u1}, ... */
    public String descr() {
        return (size == 1 ? "|" : "<") + kind + size;
    }

    /** A NumPy descriptor parsed: the type and the byte order of the file. */
    record Parsed(NpyDtype dtype, ByteOrder order) {
    }

    /** Parses {@code <f8}, {@code >i4}, {@code |u1}, {@code =f4}; empty when unsupported. */
    static Optional<Parsed> parse(String descr) {
        if (descr.length() < 3) {
            return Optional.empty();
        }
        char endian = descr.charAt(0);
        ByteOrder order;
        switch (endian) {
            case '<' -> order = ByteOrder.LITTLE_ENDIAN;
            case '>' -> order = ByteOrder.BIG_ENDIAN;
            case '=' -> order = ByteOrder.nativeOrder();
            case '|' -> order = ByteOrder.LITTLE_ENDIAN;
            default -> {
                return Optional.empty();
            }
        }
        char kind = descr.charAt(1);
        int size;
        try {
            size = Integer.parseInt(descr.substring(2));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        for (NpyDtype t : values()) {
            if (t.kind == kind && t.size == size) {
                if (endian == '|' && size != 1) {
                    return Optional.empty();
                }
                return Optional.of(new Parsed(t, order));
            }
        }
        return Optional.empty();
    }

    /** Reads {@code n} elements from {@code in} (positioned, ordered) into {@code out[off..off+n)} as doubles. */
    void decode(ByteBuffer in, double[] out, int off, int n) {
        switch (this) {
            case FLOAT64 -> in.asDoubleBuffer().get(out, off, n);
            case FLOAT32 -> {
                var fb = in.asFloatBuffer();
                for (int i = 0; i < n; i++) {
                    out[off + i] = fb.get(i);
                }
            }
            case INT64 -> {
                var lb = in.asLongBuffer();
                for (int i = 0; i < n; i++) {
                    out[off + i] = lb.get(i);
                }
            }
            case UINT64 -> {
                var lb = in.asLongBuffer();
                for (int i = 0; i < n; i++) {
                    long v = lb.get(i);
                    out[off + i] = v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
                }
            }
            case INT32 -> {
                var ib = in.asIntBuffer();
                for (int i = 0; i < n; i++) {
                    out[off + i] = ib.get(i);
                }
            }
            case UINT32 -> {
                var ib = in.asIntBuffer();
                for (int i = 0; i < n; i++) {
                    out[off + i] = Integer.toUnsignedLong(ib.get(i));
                }
            }
            case INT16 -> {
                var sb = in.asShortBuffer();
                for (int i = 0; i < n; i++) {
                    out[off + i] = sb.get(i);
                }
            }
            case UINT16 -> {
                var sb = in.asShortBuffer();
                for (int i = 0; i < n; i++) {
                    out[off + i] = Short.toUnsignedInt(sb.get(i));
                }
            }
            case INT8 -> {
                int p = in.position();
                for (int i = 0; i < n; i++) {
                    out[off + i] = in.get(p + i);
                }
            }
            case UINT8, BOOL -> {
                int p = in.position();
                for (int i = 0; i < n; i++) {
                    out[off + i] = in.get(p + i) & 0xff;
                }
            }
            default -> throw new AssertionError(this);
        }
    }

    /**
     * Writes one element (little-endian buffer). Integer types need a whole number in range, bool
     * needs 0 or 1; otherwise {@link IllegalArgumentException} names the index.
     */
    void encode(ByteBuffer out, double v, long index) {
        switch (this) {
            case FLOAT64 -> out.putDouble(v);
            case FLOAT32 -> out.putFloat((float) v);
            case INT64 -> out.putLong((long) checkInteger(v, -0x1p63, 0x1p63, index));
            case INT32 -> out.putInt((int) checkInteger(v, Integer.MIN_VALUE, Integer.MAX_VALUE + 1.0, index));
            case INT16 -> out.putShort((short) checkInteger(v, Short.MIN_VALUE, Short.MAX_VALUE + 1.0, index));
            case INT8 -> out.put((byte) checkInteger(v, Byte.MIN_VALUE, Byte.MAX_VALUE + 1.0, index));
            case UINT64 -> {
                double x = checkInteger(v, 0, 0x1p64, index);
                out.putLong(x < 0x1p63 ? (long) x : (long) (x - 0x1p63) ^ Long.MIN_VALUE);
            }
            case UINT32 -> out.putInt((int) (long) checkInteger(v, 0, 0x1p32, index));
            case UINT16 -> out.putShort((short) (int) checkInteger(v, 0, 0x1p16, index));
            case UINT8 -> out.put((byte) (int) checkInteger(v, 0, 0x1p8, index));
            case BOOL -> out.put((byte) (int) checkInteger(v, 0, 2, index));
            default -> throw new AssertionError(this);
        }
    }

    private double checkInteger(double v, double lo, double hiExclusive, long index) {
        if (v != Math.rint(v) || v < lo || v >= hiExclusive) {
            throw new IllegalArgumentException("value " + v + " at index " + index + " cannot be stored as "
                    + name().toLowerCase(Locale.ROOT) + " (" + descr() + ")");
        }
        return v;
    }
}
