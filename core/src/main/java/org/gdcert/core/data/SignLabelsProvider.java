package org.gdcert.core.data;

import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.DataContext;
import org.gdcert.core.spi.Dataset;
import org.gdcert.core.spi.LabelSource;
import org.gdcert.core.spi.LabelSourceProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code signs(outputs=1, balanced=true)}: labels ±1, independent of the inputs. Balanced (the
 * default): in every column exactly ⌈N/2⌉ labels are +1 and ⌊N/2⌋ are −1, placed by a uniformly
 * random permutation (the data model of the SGD–ReLU paper, §6). Unbalanced: every label is an
 * independent fair coin. Drawn from the run's {@code labels} stream. {@code pm1} is the same source.
 */
public class SignLabelsProvider implements LabelSourceProvider {

    @Override
    public String name() {
        return "signs";
    }

    @Override
    public String description() {
        return "labels +1/-1, by default exactly half of each (random assignment)";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.of(Specs.outputs(),
                ParameterSpec.bool("balanced", true, "true: exactly half +1 and half -1 in every column (one more"
                        + " +1 when N is odd); false: independent fair coins"));
    }

    @Override
    public LabelSource create(ValidatedParams params) {
        return new Signs(params.getInt("outputs"), params.getBoolean("balanced"));
    }

    /** The source. */
    record Signs(int outputs, boolean balanced) implements LabelSource {
        @Override
        public HostMatrix labels(Dataset data, DataContext context) {
            int n = data.samples();
            Rng rng = context.rng().stream("labels");
            HostMatrix y = new HostMatrix(n, outputs);
            for (int c = 0; c < outputs; c++) {
                if (balanced) {
                    int[] perm = rng.permutation(n);
                    int plus = (n + 1) / 2;
                    for (int i = 0; i < n; i++) {
                        y.set(perm[i], c, i < plus ? 1 : -1);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        y.set(i, c, rng.nextBoolean() ? 1 : -1);
                    }
                }
            }
            return y;
        }
    }
}
