package org.gdcert.core.cert;

import java.util.Objects;

/**
 * A remark a report must make: above all, every constant the paper leaves unspecified (tag
 * {@link Tag#HIDDEN}), which the report never replaces with a made-up value.
 */
public record Note(String topic, String text, Tag tag) {
    public Note {
        Objects.requireNonNull(topic);
        Objects.requireNonNull(text);
        Objects.requireNonNull(tag);
    }

    public static Note hidden(String constant, String text) {
        return new Note(constant, text, Tag.HIDDEN);
    }
}
