package org.gdcert.certificates.sgdrelu;

import java.util.Objects;

/**
 * One applicability decision or data check of the {@code sgd_relu} checker: a reason code, its
 * status, and a message naming the place and the problem.
 */
record Finding(String code, Status status, String message) {

    /** Status words; the spec's verdict words NOT_APPLICABLE and NOT_COVERED among them. */
    enum Status {
        /** Holds. */
        PASS,
        /** The setting is outside seed 004 (wrong activation, biases, depth, ...). */
        FAIL,
        /** d1 &lt; N: rank(H0) ≤ d1 &lt; N forces α = 0 (spec §4.1 step 4). */
        NOT_APPLICABLE,
        /** Outside what the main text certifies (W-only training, momentum, epoch shuffling). */
        NOT_COVERED,
        /** Worth a look; does not change the verdict. */
        WARNING,
        /** A reading or measurement, no pass/fail. */
        INFO,
        /** Decided only up to a constant the paper leaves unspecified. */
        UNDECIDABLE_HIDDEN_CONSTANT;

        /** Whether the setting is outside the deterministic certificate CERT-DI. */
        boolean excludesDi() {
            return this == FAIL || this == NOT_APPLICABLE || this == NOT_COVERED;
        }
    }

    Finding {
        Objects.requireNonNull(code);
        Objects.requireNonNull(status);
        Objects.requireNonNull(message);
    }

    static Finding pass(String code, String message) {
        return new Finding(code, Status.PASS, message);
    }

    static Finding fail(String code, String message) {
        return new Finding(code, Status.FAIL, message);
    }

    static Finding info(String code, String message) {
        return new Finding(code, Status.INFO, message);
    }

    /** {@code SR-ACT-01 FAIL: ...}. */
    String line() {
        return code + " " + status + ": " + message;
    }
}
