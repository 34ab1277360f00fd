package org.gdcert.certificates.song;

import java.util.Objects;

/**
 * One applicability decision of the {@code song} checker (spec certificates-song.md §4.2): a reason
 * code ({@code SONG-ACT-01}), its status, and a message naming the place and the problem.
 */
record SongCheck(String code, Status status, String message) {

    /** How a decision bears on the verdict. */
    enum Status {
        /** The hypothesis holds. */
        PASS,
        /** The setting is outside the theorems: INAPPLICABLE. */
        FAIL,
        /** The optimizer is not covered by Theorems 1–2 (diagnostics still run): INAPPLICABLE. */
        NOT_COVERED,
        /** A hypothesis of the paper fails that the deterministic certificate does not need. */
        WARNING,
        /** Information only. */
        INFO;

        /** Whether this status puts the setting outside the theorems (verdict INAPPLICABLE). */
        boolean excludes() {
            return this == FAIL || this == NOT_COVERED;
        }
    }

    SongCheck {
        Objects.requireNonNull(code);
        Objects.requireNonNull(status);
        Objects.requireNonNull(message);
    }

    static SongCheck pass(String code, String message) {
        return new SongCheck(code, Status.PASS, message);
    }

    static SongCheck fail(String code, String message) {
        return new SongCheck(code, Status.FAIL, message);
    }

    /** {@code SONG-ACT-01 FAIL: ...}. */
    String line() {
        return code + " " + status + ": " + message;
    }
}
