package org.gdcert.core.data;

import java.util.Locale;
import java.util.Optional;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.DataException;

/** The {@code label_type} choice of file sources: whether labels also give class indices. */
enum LabelType {
    AUTO,
    VALUES,
    CLASSES;

    static LabelType of(String keyword) {
        return valueOf(keyword.toUpperCase(Locale.ROOT));
    }

    String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The class indices of {@code labels} as this type asks: none for VALUES; for CLASSES the single
     * column as whole numbers ≥ 0 (an error naming {@code source} and the row otherwise); for AUTO the
     * same when {@code integral} (the file's type is integral, or is text) and the values qualify.
     */
    Optional<int[]> classes(HostMatrix labels, boolean integral, String source) {
        if (this == VALUES || (this == AUTO && !integral)) {
            return Optional.empty();
        }
        if (labels.cols() != 1) {
            if (this == AUTO) {
                return Optional.empty();
            }
            throw new DataException(source + ": label_type=classes needs one label column, the labels have "
                    + labels.cols());
        }
        double[] v = labels.data();
        int[] c = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            double x = v[i];
            if (x != Math.rint(x) || x < 0 || x > Integer.MAX_VALUE) {
                if (this == AUTO) {
                    return Optional.empty();
                }
                throw new DataException(source + ": label_type=classes but the label of sample " + (i + 1) + " is "
                        + x + ", not a whole number >= 0");
            }
            c[i] = (int) x;
        }
        return Optional.of(c);
    }
}
