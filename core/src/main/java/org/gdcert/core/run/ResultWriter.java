package org.gdcert.core.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.gdcert.core.linalg.HostMatrix;

/**
 * Writes a run's folder. Every file is written atomically (a temporary file in the same folder,
 * then a rename), except {@code trajectory.csv}, which grows row by row as
 * {@code trajectory.csv.partial} (flushed after each row, so a killed run keeps what it recorded)
 * and is renamed when the run ends. {@code summary.json} is written last: its presence marks a
 * finished run.
 */
public final class ResultWriter implements AutoCloseable {
    public static final String SUMMARY = "summary.json";
    public static final String TRAJECTORY = "trajectory.csv";
    private final Path dir;
    private BufferedWriter trajectory;

    public ResultWriter(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path directory() {
        return dir;
    }

    /** {@code base} if it does not exist, else {@code base-2}, {@code base-3}, ...: never overwrite a user's results. */
    public static Path uniqueDirectory(Path base) {
        if (!Files.exists(base)) {
            return base;
        }
        for (int i = 2;; i++) {
            Path p = base.resolveSibling(base.getFileName() + "-" + i);
            if (!Files.exists(p)) {
                return p;
            }
        }
    }

    /** Writes {@code text} to {@code name} atomically. */
    public void writeText(String name, String text) {
        writeAtomically(dir.resolve(name), out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes a matrix as a NumPy {@code .npy} file (float64, C order). */
    public void writeNpy(String name, HostMatrix m) {
        writeAtomically(dir.resolve(name), out -> writeNpy(out, m));
    }

    /** Streams trajectory rows to {@code trajectory.csv.partial}. */
    public void startTrajectory(List<String> columns) {
        try {
            trajectory = Files.newBufferedWriter(dir.resolve(TRAJECTORY + ".partial"), StandardCharsets.UTF_8);
            trajectory.write(String.join(",", columns));
            trajectory.write('\n');
            trajectory.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trajectory in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Appends one row and flushes. */
    public void appendRow(double[] row) {
        try {
            trajectory.write(Trajectory.csvLine(row));
            trajectory.write('\n');
            trajectory.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trajectory in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Closes the trajectory and renames it to {@code trajectory.csv}. */
    public void finishTrajectory() {
        if (trajectory == null) {
            return;
        }
        try {
            trajectory.close();
            trajectory = null;
            move(dir.resolve(TRAJECTORY + ".partial"), dir.resolve(TRAJECTORY));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish trajectory in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        finishTrajectory();
    }

    /** Something that writes a file's bytes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes via a temporary file in the same folder and an atomic rename. */
    public static void writeAtomically(Path target, Content content) {
        Path parent = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
            try {
                try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp,
                        StandardOpenOption.TRUNCATE_EXISTING))) {
                    content.writeTo(out);
                }
                move(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void writeNpy(OutputStream out, HostMatrix m) throws IOException {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + m.rows() + ", " + m.cols() + "), }";
        int headerLen = dict.length() + 1;
        int total = 10 + headerLen;
        int pad = (64 - total % 64) % 64;
        StringBuilder h = new StringBuilder(dict);
        for (int i = 0; i < pad; i++) {
            h.append(' ');
        }
        h.append('\n');
        byte[] hb = h.toString().getBytes(StandardCharsets.US_ASCII);
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(hb.length & 0xff);
        out.write((hb.length >> 8) & 0xff);
        out.write(hb);
        ByteBuffer buf = ByteBuffer.allocate(8 * 4096).order(ByteOrder.LITTLE_ENDIAN);
        double[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            if (!buf.hasRemaining()) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            buf.putDouble(d[i]);
        }
        out.write(buf.array(), 0, buf.position());
    }
}
