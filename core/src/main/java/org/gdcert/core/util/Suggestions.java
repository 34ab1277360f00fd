package org.gdcert.core.util;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean ...?" for misspelled names: optimal string alignment distance. */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * The known names closest to {@code word}, best first: at most three, each within a distance
     * that grows with the word's length (1 for short words, up to a third of the length), or names
     * having {@code word} as a prefix.
     */
    public static List<String> closest(String word, Collection<String> known) {
        String w = word.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, (w.length() + 2) / 3));
        List<String[]> scored = new ArrayList<>();
        for (String k : known) {
            int d = distance(w, k.toLowerCase(Locale.ROOT));
            boolean prefix = w.length() >= 3 && (k.startsWith(w) || w.startsWith(k));
            if (d <= limit || prefix) {
                scored.add(new String[] {k, Integer.toString(prefix ? Math.min(d, limit) : d)});
            }
        }
        scored.sort(Comparator.<String[]>comparingInt(s -> Integer.parseInt(s[1])).thenComparing(s -> s[0]));
        List<String> out = new ArrayList<>();
        for (String[] s : scored) {
            if (out.size() == 3) {
                break;
            }
            out.add(s[0]);
        }
        return out;
    }

    /** "; did you mean 'a'?" or "; did you mean 'a' or 'b'?" or the empty string. */
    public static String didYouMean(String word, Collection<String> known) {
        List<String> c = closest(word, known);
        if (c.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("; did you mean ");
        for (int i = 0; i < c.size(); i++) {
            if (i > 0) {
                sb.append(i == c.size() - 1 ? " or " : ", ");
            }
            sb.append('\'').append(c.get(i)).append('\'');
        }
        return sb.append('?').toString();
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
    public static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[n][m];
    }
}
