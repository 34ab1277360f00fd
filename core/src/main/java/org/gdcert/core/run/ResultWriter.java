package org.gdcert.core.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.gdcert.core.io.AtomicFiles;
import org.gdcert.core.io.Npy;
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

    /** Writes via a temporary file in the same folder and an atomic rename ({@link AtomicFiles}). */
    public static void writeAtomically(Path target, AtomicFiles.StreamWriter content) {
        try {
            AtomicFiles.write(target, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Writes a matrix as a NumPy {@code .npy} file (float64, C order). */
    public void writeNpy(String name, HostMatrix m) {
        Npy.write(dir.resolve(name), m);
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

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
