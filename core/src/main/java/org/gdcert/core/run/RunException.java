package org.gdcert.core.run;

/**
 * A run cannot start as specified (data do not fit the network, no certificate holds for
 * {@code eta=certified}, ...). The message is for the user; the command line reports it as a script
 * error without a stack trace.
 */
public final class RunException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunException(String message) {
        super(message);
    }

    public RunException(String message, Throwable cause) {
        super(message, cause);
    }
}
