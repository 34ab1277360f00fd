package org.gdcert.core.io;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.gdcert.core.spi.DataException;

/** Reading whole files (gzip-compressed or not) with errors that name the file. */
final class DataFiles {
    private static final int GZIP_MAGIC_0 = 0x1f;
    private static final int GZIP_MAGIC_1 = 0x8b;

    private DataFiles() {
    }

    /** The file's bytes, decompressed when the file starts with the gzip magic (whatever its name). */
    static byte[] readMaybeGzip(Path file) {
        byte[] raw = readAll(file);
        if (raw.length < 2 || (raw[0] & 0xff) != GZIP_MAGIC_0 || (raw[1] & 0xff) != GZIP_MAGIC_1) {
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw), 1 << 16)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1 << 16, raw.length * 2));
            in.transferTo(out);
            return out.toByteArray();
        } catch (EOFException e) {
            throw new DataException(file + ": truncated gzip stream (the compressed file ends early)");
        } catch (ZipException e) {
            throw new DataException(file + ": corrupt gzip stream (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new DataException(file + ": cannot decompress (" + e.getMessage() + ")", e);
        }
    }

    /** The file's bytes as stored. */
    static byte[] readAll(Path file) {
        checkReadable(file);
        try {
            return Files.readAllBytes(file);
        } catch (OutOfMemoryError e) {
            throw new DataException(file + ": too large to load into memory");
        } catch (IOException e) {
            throw wrap(file, e);
        }
    }

    /** Throws a {@link DataException} unless {@code file} is a readable regular file. */
    static void checkReadable(Path file) {
        if (Files.isDirectory(file)) {
            throw new DataException(file + ": is a directory, not a file");
        }
        if (!Files.exists(file)) {
            throw new DataException(file + ": file not found");
        }
        if (!Files.isReadable(file)) {
            throw new DataException(file + ": cannot read the file (permission denied)");
        }
    }

    /** A {@link DataException} naming the file for an I/O failure. */
    static DataException wrap(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DataException(file + ": file not found");
        }
        if (e instanceof AccessDeniedException) {
            return new DataException(file + ": cannot read the file (permission denied)");
        }
        String m = e.getMessage();
        return new DataException(file + ": " + (m == null ? e.getClass().getSimpleName() : m), e);
    }

    /** A {@link DataException} for a failed write. */
    static DataException wrapWrite(Path file, IOException e) {
        String m = e.getMessage();
        return new DataException(file + ": cannot write (" + (m == null ? e.getClass().getSimpleName() : m) + ")", e);
    }
}
