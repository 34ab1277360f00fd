package org.gdcert.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.DataException;
import org.gdcert.core.spi.ParamValue;
import org.gdcert.core.spi.ParameterException;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * How the inputs of a file source are rescaled after loading: the {@code normalize}, {@code mean}
 * and {@code std} parameters shared by csv, npy, idx and fashion_mnist.
 *
 * @param mode what to do
 * @param mean for {@link Mode#STANDARD}: the value subtracted, empty to use the mean of all entries
 * @param std for {@link Mode#STANDARD}: the divisor, empty to use the standard deviation of all entries
 */
record Normalization(Mode mode, OptionalDouble mean, OptionalDouble std) {

    /** The choices of {@code normalize}. */
    enum Mode {
        /** Values as loaded (pixels scaled to [0, 1]). */
        NONE,
        /** Every sample scaled to Euclidean norm 1. */
        UNIT,
        /** Every sample scaled to Euclidean norm √d. */
        SPHERE,
        /** (x − mean)/std entrywise, with one mean and std for all entries. */
        STANDARD;

        String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Mode of(String keyword) {
            return valueOf(keyword.toUpperCase(Locale.ROOT));
        }

        static List<String> keywords() {
            List<String> k = new ArrayList<>();
            for (Mode m : values()) {
                k.add(m.keyword());
            }
            return k;
        }
    }

    static final Normalization NONE = new Normalization(Mode.NONE, OptionalDouble.empty(), OptionalDouble.empty());

    /** The three parameters, for a provider's schema. */
    static List<ParameterSpec> specs() {
        return List.of(
                ParameterSpec.choice("normalize", "none", Mode.keywords(),
                        "rescaling of the inputs after loading: none (as loaded), unit (every sample to norm 1),"
                                + " sphere (every sample to norm sqrt(d)), standard ((x - mean)/std over all"
                                + " entries)"),
                ParameterSpec.real("mean", 0, "for normalize=standard: the value subtracted; auto: the mean of"
                        + " all loaded entries").withSymbols("auto").withSymbolDefault("auto"),
                ParameterSpec.real("std", 1, "for normalize=standard: the divisor; auto: the standard deviation"
                        + " of all loaded entries").positive().withSymbols("auto").withSymbolDefault("auto"));
    }

    /** Reads the three parameters; {@code mean}/{@code std} without {@code normalize=standard} is an error. */
    static Normalization from(String owner, ValidatedParams p) {
        Mode mode = Mode.of(p.getString("normalize"));
        OptionalDouble mean = p.symbol("mean").isPresent() ? OptionalDouble.empty()
                : OptionalDouble.of(p.getDouble("mean"));
        OptionalDouble std = p.symbol("std").isPresent() ? OptionalDouble.empty()
                : OptionalDouble.of(p.getDouble("std"));
        if (mode != Mode.STANDARD && (p.isGiven("mean") || p.isGiven("std"))) {
            throw new ParameterException(owner, List.of(new ParameterSchema.Problem(-1,
                    "mean and std apply only to normalize=standard (normalize is " + mode.keyword() + ")")));
        }
        return new Normalization(mode, mean, std);
    }

    /**
     * Rescales {@code x} in place. A sample of norm 0 cannot be put on a sphere, and constant data
     * has no standard deviation: both raise a {@link DataException} that starts with {@code source}.
     *
     * @return the normalization as applied, for the dataset description ({@code normalize=unit})
     */
    String applyInPlace(HostMatrix x, String source) {
        double[] a = x.data();
        int d = x.cols();
        switch (mode) {
            case NONE -> {
                return "normalize=none";
            }
            case UNIT, SPHERE -> {
                double target = mode == Mode.UNIT ? 1 : Math.sqrt(d);
                for (int i = 0; i < x.rows(); i++) {
                    double norm = rowNorm(a, i * d, d);
                    if (norm == 0) {
                        throw new DataException(source + ": sample " + (i + 1) + " is all zeros and cannot be"
                                + " scaled to norm " + (mode == Mode.UNIT ? "1" : "sqrt(d)") + " (normalize="
                                + mode.keyword() + ")");
                    }
                    double s = target / norm;
                    for (int j = i * d; j < (i + 1) * d; j++) {
                        a[j] *= s;
                    }
                }
                return "normalize=" + mode.keyword();
            }
            case STANDARD -> {
                double m = mean.orElseGet(() -> mean(a));
                double s;
                if (std.isPresent()) {
                    s = std.getAsDouble();
                } else {
                    s = std(a, m);
                    if (!(s > 0)) {
                        throw new DataException(source + ": every entry equals " + m + ", so there is no standard"
                                + " deviation to divide by (normalize=standard; give std=...)");
                    }
                }
                for (int j = 0; j < a.length; j++) {
                    a[j] = (a[j] - m) / s;
                }
                return "normalize=standard(mean=" + ParamValue.Num.of(m).render() + ", std="
                        + ParamValue.Num.of(s).render() + ")";
            }
            default -> throw new AssertionError(mode);
        }
    }

    private static double rowNorm(double[] a, int from, int len) {
        double scale = 0;
        for (int j = from; j < from + len; j++) {
            scale = Math.max(scale, Math.abs(a[j]));
        }
        if (scale == 0) {
            return 0;
        }
        double s = 0;
        for (int j = from; j < from + len; j++) {
            double v = a[j] / scale;
            s += v * v;
        }
        return scale * Math.sqrt(s);
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return a.length == 0 ? 0 : s / a.length;
    }

    /** Population standard deviation about {@code m}. */
    private static double std(double[] a, double m) {
        double s = 0;
        for (double v : a) {
            s += (v - m) * (v - m);
        }
        return a.length == 0 ? 0 : Math.sqrt(s / a.length);
    }

    /** The options as DSL text, for descriptions. */
    @Override
    public String toString() {
        return "normalize=" + mode.keyword() + (mode == Mode.STANDARD
                ? "(mean=" + (mean.isPresent() ? ParamValue.Num.of(mean.getAsDouble()).render() : "auto") + ", std="
                        + (std.isPresent() ? ParamValue.Num.of(std.getAsDouble()).render() : "auto") + ")"
                : "");
    }
}
