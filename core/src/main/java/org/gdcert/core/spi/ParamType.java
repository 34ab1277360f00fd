package org.gdcert.core.spi;

/** The type of a plugin parameter. */
public enum ParamType {
    /** A real number (integers are accepted and widened). */
    REAL("real"),
    /** A whole number. */
    INTEGER("integer"),
    /** {@code true} or {@code false}. */
    BOOLEAN("boolean"),
    /** A quoted string, or a bare word. */
    STRING("string"),
    /** One word out of {@link ParameterSpec#choices()}. */
    CHOICE("choice"),
    /** A list of real numbers, {@code [0.1, 1, 10]}. */
    REAL_LIST("list of reals"),
    /** A list of whole numbers, {@code [0, 1, 7]}. */
    INTEGER_LIST("list of integers");

    private final String display;

    ParamType(String display) {
        this.display = display;
    }

    /** How error messages name the type. */
    public String display() {
        return display;
    }
}
