package org.gdcert.certificates.du;

import java.util.Objects;

/**
 * One applicability decision of phase A (spec certificates-du.md §5.2): the reason code, its
 * status, and a message naming the place and the problem.
 */
record CheckItem(String code, Status status, String message) {

    /** The status vocabulary of spec §0 used by phase A. */
    enum Status {
        PASS, FAIL, WARNING, ESTIMATE, UNDECIDABLE, UNDECIDABLE_HIDDEN_CONSTANT, NOT_COVERED;

        /** Whether this status puts the setting outside the theorem (verdict INAPPLICABLE). */
        boolean excludes() {
            return this == FAIL || this == UNDECIDABLE || this == NOT_COVERED;
        }
    }

    CheckItem {
        Objects.requireNonNull(code);
        Objects.requireNonNull(status);
        Objects.requireNonNull(message);
    }

    static CheckItem pass(String code, String message) {
        return new CheckItem(code, Status.PASS, message);
    }

    static CheckItem fail(String code, String message) {
        return new CheckItem(code, Status.FAIL, message);
    }

    /** {@code DU-ARCH-02 FAIL: ...}. */
    String line() {
        return code + " " + status + ": " + message;
    }
}
