package org.gdcert.core.spi;

/** A data file that cannot be read as asked; the message names the file and the problem. */
public final class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
