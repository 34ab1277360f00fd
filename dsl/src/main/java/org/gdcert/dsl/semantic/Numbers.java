package org.gdcert.dsl.semantic;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting for messages: whole numbers exactly, others to six significant digits. */
public final class Numbers {
    private Numbers() {
    }

    /** {@code 100}, {@code 33.3333}, {@code 1e-09}, {@code -2.5}. */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e15) {
            return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.5g", v).replaceAll("\\.?0+e", "e");
    }

    /** Whether {@code v} is within rounding noise of a whole number. */
    public static boolean isWhole(double v) {
        return Double.isFinite(v) && Math.abs(v - Math.rint(v)) <= 1e-9 * Math.max(1, Math.abs(v));
    }
}
