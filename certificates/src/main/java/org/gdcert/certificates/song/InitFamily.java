package org.gdcert.certificates.song;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.ParamValue;
import org.gdcert.core.spi.ValidatedParams;

/**
 * The initialization family (17) W0 ~ N(0, ω1²), V0 ~ N(0, ω2²) of spec certificates-song.md §3.4
 * and §6: the ω's a layer's initializer declares (by its name and parameters: {@code song},
 * {@code he}, {@code lecun}, {@code xavier}, {@code gaussian}, {@code standard_normal}), the
 * product P = ω1ω2 and ratio ω2/ω1 that Figure 1 varies, and the grid of App. G.
 */
final class InitFamily {
    /** d0 of App. G (flattened MNIST). */
    static final int FIGURE_D0 = 784;
    /** d1 of App. G. */
    static final int FIGURE_D1 = 1000;
    /** The ends of the ω2 range of App. G. */
    static final double FIGURE_OMEGA2_MIN = 0.002;
    static final double FIGURE_OMEGA2_MAX = 0.1;
    /** Number of ω2 values of App. G. */
    static final int FIGURE_POINTS = 10;

    private InitFamily() {
    }

    /**
     * The standard deviation an initializer declares for a layer of fan-in {@code fanIn}, fan-out
     * {@code fanOut} in a network with input dimension d0 and hidden width d1, with a description; empty
     * when the initializer is not a centred Gaussian of a known variance.
     */
    static Optional<Declared> declared(Configured<Initializer> init, int layer, int d0, int d1, int d2) {
        String name = init.name();
        ValidatedParams p = init.params();
        int fanIn = layer == 1 ? d0 : d1;
        int fanOut = layer == 1 ? d1 : d2;
        switch (name) {
            case "song": {
                double[] w = songOmegas(p, d0, d1);
                return Optional.of(new Declared(layer == 1 ? w[0] : w[1], init.toString()));
            }
            case "he":
                return gaussianOnly(p, Math.sqrt(2.0 / fanIn), init);
            case "lecun":
                return gaussianOnly(p, Math.sqrt(1.0 / fanIn), init);
            case "xavier":
                return gaussianOnly(p, Math.sqrt(2.0 / (fanIn + fanOut)), init);
            case "standard_normal":
                return Optional.of(new Declared(1, init.toString()));
            case "gaussian":
            case "normal": {
                Map<String, ParamValue> map = p.asMap();
                if (p.isGiven("var") && map.get("var") instanceof ParamValue.Num v) {
                    return Optional.of(new Declared(Math.sqrt(v.value()), init.toString()));
                }
                if (map.get("std") instanceof ParamValue.Num s) {
                    return Optional.of(new Declared(s.value(), init.toString()));
                }
                return Optional.empty();
            }
            default:
                return Optional.empty();
        }
    }

    /** A declared standard deviation and where it comes from. */
    record Declared(double omega, String source) {
    }

    private static Optional<Declared> gaussianOnly(ValidatedParams p, double omega, Configured<Initializer> init) {
        if (p.asMap().get("distribution") instanceof ParamValue.Text t && !t.value().equals("normal")) {
            return Optional.empty();
        }
        if (p.asMap().get("distribution") instanceof ParamValue.Word w && !w.value().equals("normal")) {
            return Optional.empty();
        }
        return Optional.of(new Declared(omega, init.toString()));
    }

    /**
     * ω1, ω2 of {@code song(product, ratio, omega2)} exactly as the initializers module resolves them
     * (§3.4): P = he (2/√(d0 d1)), lecun (1/√(d0 d1)) or a number; ratio = fanin (√(d0/d1)) or a number,
     * ω1 = √(P/r), ω2 = √(P r); or with omega2 given, ω1 = P/ω2.
     */
    static double[] songOmegas(ValidatedParams p, int d0, int d1) {
        double root = Math.sqrt((double) d0 * d1);
        Optional<String> pw = symbol(p, "product");
        double product = pw.isPresent() ? (pw.get().equals("lecun") ? 1 : 2) / root : number(p, "product");
        Optional<String> o2 = symbol(p, "omega2");
        if (o2.isEmpty() && !Double.isNaN(number(p, "omega2"))) {
            double omega2 = number(p, "omega2");
            return new double[] {product / omega2, omega2};
        }
        Optional<String> rw = symbol(p, "ratio");
        double ratio = rw.isPresent() || Double.isNaN(number(p, "ratio")) ? Math.sqrt((double) d0 / d1)
                : number(p, "ratio");
        return new double[] {Math.sqrt(product / ratio), Math.sqrt(product * ratio)};
    }

    private static Optional<String> symbol(ValidatedParams p, String name) {
        ParamValue v = p.asMap().get(name);
        return v instanceof ParamValue.Word w ? Optional.of(w.value()) : Optional.empty();
    }

    private static double number(ValidatedParams p, String name) {
        ParamValue v = p.asMap().get(name);
        return v instanceof ParamValue.Num n ? n.value() : Double.NaN;
    }

    /** The He product 2/√(d0 d1) (fan_in, gain √2): 0.0022587698 for App. G's 784 and 1000. */
    static double heProduct(int d0, int d1) {
        return 2 / Math.sqrt((double) d0 * d1);
    }

    /** Sample standard deviation of the entries about 0 (the model (17) is centred). */
    static double empiricalOmega(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return a.length == 0 ? Double.NaN : Math.sqrt(s / a.length);
    }

    /**
     * App. G's ω2 grid (spec §6.3): {@code points} values from {@code lo} to {@code hi}, geometric (the
     * ASSUMED default) or linear, each with ω1 = P/ω2; rows {ω2, ω1, ω2/ω1}.
     */
    static double[][] figureOneGrid(double product, double lo, double hi, int points, boolean geometric) {
        double[][] rows = new double[points][];
        for (int i = 0; i < points; i++) {
            double f = points == 1 ? 0 : (double) i / (points - 1);
            double w2 = geometric ? lo * Math.pow(hi / lo, f) : lo + (hi - lo) * f;
            if (i == points - 1) {
                w2 = hi;
            }
            double w1 = product / w2;
            rows[i] = new double[] {w2, w1, w2 / w1};
        }
        return rows;
    }

    /** One line describing the grid, for a report note. */
    static String figureOneText(double product) {
        StringBuilder sb = new StringBuilder();
        for (double[] r : figureOneGrid(product, FIGURE_OMEGA2_MIN, FIGURE_OMEGA2_MAX, FIGURE_POINTS, true)) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(new java.math.BigDecimal(String.format(Locale.ROOT, "%.5g", r[0])).stripTrailingZeros()
                    .toPlainString());
        }
        return sb.toString();
    }
}
