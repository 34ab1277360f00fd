package org.gdcert.dsl.semantic;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.gdcert.core.util.Suggestions;

/** "Did you mean" candidates for the DSL: core's {@link Suggestions}, without wholesale replacements. */
public final class Names {
    private Names() {
    }

    /**
     * The known names closest to {@code word}, best first, leaving out names that share no
     * character position with it (so {@code x} does not suggest {@code N} or {@code d}; {@code n}
     * still suggests {@code N}).
     */
    public static List<String> closest(String word, Collection<String> known) {
        String w = word.toLowerCase(Locale.ROOT);
        return Suggestions.closest(word, known).stream()
                .filter(k -> Suggestions.distance(w, k.toLowerCase(Locale.ROOT)) < Math.max(1, w.length())
                        || k.toLowerCase(Locale.ROOT).startsWith(w))
                .toList();
    }
}
