package org.gdcert.dsl.diag;

/**
 * The codes of the diagnostics the DSL front end reports. Codes are stable: tests and tools match
 * on them, messages may be reworded.
 */
public final class Codes {
    private Codes() {
    }

    // syntax
    /** A token the grammar does not allow here. */
    public static final String SYNTAX = "syntax";
    /** A line that does not begin with a statement keyword. */
    public static final String UNKNOWN_STATEMENT = "unknown-statement";
    /** A character that belongs to no token. */
    public static final String BAD_CHARACTER = "bad-character";
    /** A string without its closing quote. */
    public static final String UNTERMINATED_STRING = "unterminated-string";
    /** An escape sequence other than \" \\ \n \t. */
    public static final String BAD_ESCAPE = "bad-escape";
    /** A number literal too large for a double. */
    public static final String NUMBER_RANGE = "number-range";
    /** Parentheses or brackets nested too deeply. */
    public static final String TOO_DEEP = "too-deep";

    // names and statements
    /** A name no variable, function, criterion or choice has. */
    public static final String UNKNOWN_NAME = "unknown-name";
    /** An expression function that does not exist. */
    public static final String UNKNOWN_FUNCTION = "unknown-function";
    /** A function called with the wrong number of arguments. */
    public static final String ARITY = "arity";
    /** A name defined twice. */
    public static final String DUPLICATE_NAME = "duplicate-name";
    /** A statement that may appear once, given twice. */
    public static final String DUPLICATE_STATEMENT = "duplicate-statement";
    /** A statement an experiment cannot do without. */
    public static final String MISSING_STATEMENT = "missing-statement";
    /** An option or argument given twice. */
    public static final String DUPLICATE_OPTION = "duplicate-option";
    /** A positional argument after a named one. */
    public static final String ARGUMENT_ORDER = "argument-order";
    /** An option the statement does not have. */
    public static final String UNKNOWN_OPTION = "unknown-option";
    /** A let that uses itself, directly or through others. */
    public static final String CYCLE = "cycle";
    /** A name that is not defined before its use. */
    public static final String USE_BEFORE_DEFINITION = "use-before-definition";
    /** A let that nothing uses. */
    public static final String UNUSED = "unused";

    // values
    /** A value outside what the statement accepts (a width of 0, {@code every 0}, ...). */
    public static final String BAD_VALUE = "bad-value";
    /** A width that is not a positive whole number. */
    public static final String BAD_WIDTH = "bad-width";
    /** Division by zero. */
    public static final String DIVISION_BY_ZERO = "division-by-zero";
    /** sqrt or log outside its domain, overflow to infinity. */
    public static final String DOMAIN = "domain";
    /** A range that is empty, never ends or has too many points. */
    public static final String BAD_RANGE = "bad-range";
    /** A layer selector outside 1..L, or two settings for one layer. */
    public static final String BAD_LAYER = "bad-layer";
    /** A value of the wrong kind (a string where a number goes). */
    public static final String TYPE = "type";
}
