package org.gdcert.core.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.DataContext;
import org.gdcert.core.spi.DataException;
import org.gdcert.core.spi.Dataset;
import org.gdcert.core.spi.LabelSource;
import org.gdcert.core.spi.LabelSourceProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code onehot(encoding=onehot, num_classes=auto)}: labels from the class indices of the data
 * (idx, fashion_mnist, integer csv/npy labels), one column per class. Encodings of class c among K:
 * {@code onehot} e_c (1 and 0); {@code pm1} +1 at c and −1 elsewhere; {@code centered} e_c − 1/K
 * (every row sums to 0); {@code sign} one column, −1 for class 0 and +1 for class 1 (K = 2 only).
 * K is {@code num_classes}, by default the largest class index present plus one.
 */
public final class OneHotLabelsProvider implements LabelSourceProvider {

    /** The encodings. */
    enum Encoding {
        ONEHOT, PM1, CENTERED, SIGN
    }

    @Override
    public String name() {
        return "onehot";
    }

    @Override
    public String description() {
        return "one column per class from the data's class labels (one-hot, +-1, centered or a single sign)";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.of(
                ParameterSpec.choice("encoding", "onehot", List.of("onehot", "pm1", "centered", "sign"),
                        "onehot: 1 for the class, 0 elsewhere; pm1: +1 and -1; centered: 1 - 1/K and -1/K;"
                                + " sign: one column, -1 for class 0 and +1 for class 1 (two classes only)"),
                ParameterSpec.integer("num_classes", 2, "number of classes K; auto: largest class present + 1")
                        .withRange(1, 1 << 20).withSymbols("auto").withSymbolDefault("auto"));
    }

    @Override
    public LabelSource create(ValidatedParams params) {
        Encoding e = Encoding.valueOf(params.getString("encoding").toUpperCase(Locale.ROOT));
        int k = params.symbol("num_classes").isPresent() ? 0 : params.getInt("num_classes");
        return new OneHot(e, k);
    }

    /** The source; {@code numClasses} 0 means auto. */
    record OneHot(Encoding encoding, int numClasses) implements LabelSource {
        @Override
        public HostMatrix labels(Dataset data, DataContext context) {
            int[] c = data.classes().orElseThrow(() -> new DataException("labels onehot: the data ("
                    + data.description() + ") has no class labels; onehot needs idx, fashion_mnist, or integer"
                    + " labels from csv/npy (label_type=classes)"));
            int max = -1;
            for (int v : c) {
                max = Math.max(max, v);
            }
            int k = numClasses > 0 ? numClasses : max + 1;
            if (max >= k) {
                throw new DataException("labels onehot: the data has class " + max + " but num_classes=" + k);
            }
            if (encoding == Encoding.SIGN) {
                if (k != 2) {
                    throw new DataException("labels onehot: encoding=sign needs exactly 2 classes, the data has "
                            + k + " (choose classes=[a, b] in the data statement)");
                }
                HostMatrix y = new HostMatrix(c.length, 1);
                for (int i = 0; i < c.length; i++) {
                    y.set(i, 0, c[i] == 1 ? 1 : -1);
                }
                return y;
            }
            double on;
            double off;
            switch (encoding) {
                case ONEHOT -> {
                    on = 1;
                    off = 0;
                }
                case PM1 -> {
                    on = 1;
                    off = -1;
                }
                case CENTERED -> {
                    on = 1 - 1.0 / k;
                    off = -1.0 / k;
                }
                default -> throw new AssertionError(encoding);
            }
            HostMatrix y = new HostMatrix(c.length, k);
            Arrays.fill(y.data(), off);
            for (int i = 0; i < c.length; i++) {
                y.set(i, c[i], on);
            }
            return y;
        }
    }
}
