package org.gdcert.core.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.gdcert.core.linalg.HostMatrix;

/** Helpers for datasets: the fingerprint recorded in a run's provenance. */
public final class Datasets {
    private static final int CHUNK = 1 << 13;

    private Datasets() {
    }

    /**
     * SHA-256 (lowercase hex) of the matrices in order: for each, its row and column counts as
     * little-endian 64-bit integers, then its entries row by row as little-endian IEEE-754 doubles.
     * NumPy recomputes it for a float64 array {@code a} as
     * {@code sha256(struct.pack('<qq', *a.shape) + a.astype('<f8').tobytes())} (concatenated over the
     * matrices), so a data file and a run can be matched exactly. Any change of shape or of a single
     * bit of a value changes the fingerprint; {@code -0.0} and {@code 0.0} differ.
     */
    public static String fingerprint(HostMatrix... matrices) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
        ByteBuffer buf = ByteBuffer.allocate(CHUNK * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (HostMatrix m : matrices) {
            buf.clear();
            buf.putLong(m.rows()).putLong(m.cols());
            sha.update(buf.array(), 0, buf.position());
            double[] d = m.data();
            for (int from = 0; from < d.length; from += CHUNK) {
                int len = Math.min(CHUNK, d.length - from);
                buf.clear();
                buf.asDoubleBuffer().put(d, from, len);
                sha.update(buf.array(), 0, len * Double.BYTES);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
