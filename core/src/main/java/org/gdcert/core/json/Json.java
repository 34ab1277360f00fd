package org.gdcert.core.json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Minimal JSON for gdcert's result files: values are {@code null}, {@link Boolean}, {@link Number},
 * {@link String}, {@link List} and {@link Map} (insertion-ordered). {@link #write} pretty-prints
 * with two spaces; non-finite doubles are written as the strings {@code "NaN"}, {@code "Infinity"},
 * {@code "-Infinity"} (JSON has no such numbers) and read back as such by
 * {@link #asDouble(Object)}. {@link #parse} reads what {@link #write} writes, and standard JSON.
 */
public final class Json {
    private Json() {
    }

    /** An insertion-ordered object builder. */
    public static final class Obj {
        private final Map<String, Object> map = new LinkedHashMap<>();

        public Obj put(String key, Object value) {
            map.put(key, normalize(value));
            return this;
        }

        /** Puts the value only when present. */
        public Obj putIfPresent(String key, Optional<?> value) {
            value.ifPresent(v -> put(key, v));
            return this;
        }

        public Obj put(String key, OptionalDouble value) {
            if (value.isPresent()) {
                put(key, value.getAsDouble());
            } else {
                put(key, (Object) null);
            }
            return this;
        }

        public Map<String, Object> build() {
            return map;
        }

        @Override
        public String toString() {
            return write(map);
        }
    }

    public static Obj object() {
        return new Obj();
    }

    private static Object normalize(Object v) {
        if (v instanceof Obj o) {
            return o.build();
        }
        if (v instanceof double[] a) {
            List<Object> l = new ArrayList<>();
            for (double d : a) {
                l.add(d);
            }
            return l;
        }
        if (v instanceof long[] a) {
            List<Object> l = new ArrayList<>();
            for (long d : a) {
                l.add(d);
            }
            return l;
        }
        if (v instanceof int[] a) {
            List<Object> l = new ArrayList<>();
            for (int d : a) {
                l.add(d);
            }
            return l;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(normalize(o));
            }
            return out;
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof Map) {
            return v;
        }
        return v.toString();
    }

    /** Pretty-printed JSON text with a trailing newline. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, normalize(value), 0);
        return sb.append('\n').toString();
    }

    private static void indent(StringBuilder sb, int n) {
        for (int i = 0; i < n; i++) {
            sb.append("  ");
        }
    }

    private static void write(StringBuilder sb, Object v, int depth) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Boolean b) {
            sb.append(b);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d)) {
                sb.append("\"NaN\"");
            } else if (Double.isInfinite(d)) {
                sb.append(d > 0 ? "\"Infinity\"" : "\"-Infinity\"");
            } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                sb.append((long) d).append(".0");
            } else {
                sb.append(Double.toString(d));
            }
        } else if (v instanceof Number n) {
            sb.append(n);
        } else if (v instanceof String s) {
            quote(sb, s);
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                indent(sb, depth + 1);
                quote(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                write(sb, normalize(e.getValue()), depth + 1);
                sb.append(it.hasNext() ? ",\n" : "\n");
            }
            indent(sb, depth);
            sb.append('}');
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                sb.append("[]");
                return;
            }
            boolean flat = l.stream().allMatch(o -> o == null || o instanceof Number || o instanceof Boolean);
            if (flat) {
                sb.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    write(sb, l.get(i), depth + 1);
                }
                sb.append(']');
                return;
            }
            sb.append("[\n");
            for (int i = 0; i < l.size(); i++) {
                indent(sb, depth + 1);
                write(sb, normalize(l.get(i)), depth + 1);
                sb.append(i < l.size() - 1 ? ",\n" : "\n");
            }
            indent(sb, depth);
            sb.append(']');
        } else {
            quote(sb, v.toString());
        }
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** A number, or one of the strings NaN / Infinity / -Infinity, as a double. */
    public static double asDouble(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if ("NaN".equals(v)) {
            return Double.NaN;
        }
        if ("Infinity".equals(v)) {
            return Double.POSITIVE_INFINITY;
        }
        if ("-Infinity".equals(v)) {
            return Double.NEGATIVE_INFINITY;
        }
        if (v == null) {
            return Double.NaN;
        }
        throw new IllegalArgumentException("not a number: " + v);
    }

    /** Parses JSON text; objects become {@link LinkedHashMap}, arrays {@link ArrayList}, numbers Long or Double. */
    public static Object parse(String text) {
        Parser p = new Parser(text);
        p.ws();
        Object v = p.value();
        p.ws();
        if (p.i != text.length()) {
            throw p.error("trailing characters");
        }
        return v;
    }

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String msg) {
            int line = 1;
            int col = 1;
            for (int k = 0; k < Math.min(i, s.length()); k++) {
                if (s.charAt(k) == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            return new IllegalArgumentException("JSON " + line + ":" + col + ": " + msg);
        }

        void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        Object value() {
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (peek('}')) {
                        i++;
                        return m;
                    }
                    while (true) {
                        ws();
                        if (!peek('"')) {
                            throw error("expected a key");
                        }
                        String k = string();
                        ws();
                        expect(':');
                        ws();
                        m.put(k, value());
                        ws();
                        if (peek(',')) {
                            i++;
                            continue;
                        }
                        expect('}');
                        return m;
                    }
                }
                case '[' -> {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (peek(']')) {
                        i++;
                        return l;
                    }
                    while (true) {
                        ws();
                        l.add(value());
                        ws();
                        if (peek(',')) {
                            i++;
                            continue;
                        }
                        expect(']');
                        return l;
                    }
                }
                case '"' -> {
                    return string();
                }
                case 't' -> {
                    word("true");
                    return Boolean.TRUE;
                }
                case 'f' -> {
                    word("false");
                    return Boolean.FALSE;
                }
                case 'n' -> {
                    word("null");
                    return null;
                }
                default -> {
                    return number();
                }
            }
        }

        boolean peek(char c) {
            return i < s.length() && s.charAt(i) == c;
        }

        void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
            i++;
        }

        void word(String w) {
            if (!s.startsWith(w, i)) {
                throw error("expected " + w);
            }
            i += w.length();
        }

        String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
        }

        Object number() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String t = s.substring(start, i);
            if (t.isEmpty()) {
                throw error("unexpected character '" + s.charAt(start) + "'");
            }
            try {
                if (t.contains(".") || t.contains("e") || t.contains("E")) {
                    return Double.parseDouble(t);
                }
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw error("bad number " + t);
            }
        }
    }
}
