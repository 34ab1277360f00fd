package org.gdcert.core.spi;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A parameter value as written by the user or as a default. */
public sealed interface ParamValue {

    /** The value as the DSL would print it. */
    String render();

    /** A number; {@code integral} remembers that it was written without a fraction. */
    record Num(double value, boolean integral) implements ParamValue {
        public static Num of(double v) {
            return new Num(v, v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 1e15);
        }

        @Override
        public String render() {
            return renderNumber(value);
        }
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean value) implements ParamValue {
        @Override
        public String render() {
            return Boolean.toString(value);
        }
    }

    /** A quoted string. */
    record Text(String value) implements ParamValue {
        public Text {
            Objects.requireNonNull(value);
        }

        @Override
        public String render() {
            return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }

    /** A bare word such as {@code auto}, {@code certified} or a choice. */
    record Word(String value) implements ParamValue {
        public Word {
            Objects.requireNonNull(value);
        }

        @Override
        public String render() {
            return value;
        }
    }

    /** A bracketed list. */
    record ListValue(List<ParamValue> values) implements ParamValue {
        public ListValue {
            values = List.copyOf(values);
        }

        @Override
        public String render() {
            return values.stream().map(ParamValue::render).collect(Collectors.joining(", ", "[", "]"));
        }
    }

    /** Shortest text that reads back to the same double. */
    static String renderNumber(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v).replace("E", "e");
    }
}
