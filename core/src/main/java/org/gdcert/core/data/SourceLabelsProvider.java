package org.gdcert.core.data;

import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.DataContext;
import org.gdcert.core.spi.DataException;
import org.gdcert.core.spi.Dataset;
import org.gdcert.core.spi.LabelSource;
import org.gdcert.core.spi.LabelSourceProvider;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code source}: the labels the data source brought (the label columns of a csv file, the labels
 * file of npy), as they are.
 */
public final class SourceLabelsProvider implements LabelSourceProvider {

    @Override
    public String name() {
        return "source";
    }

    @Override
    public String description() {
        return "the labels the data source brought (csv label columns, npy labels file)";
    }

    @Override
    public LabelSource create(ValidatedParams params) {
        return new SourceLabels();
    }

    /** The source. */
    record SourceLabels() implements LabelSource {
        @Override
        public HostMatrix labels(Dataset data, DataContext context) {
            return data.targets().map(HostMatrix::copy).orElseThrow(() -> new DataException("labels source: the"
                    + " data (" + data.description() + ") brought no labels"
                    + (data.classes().isPresent() ? ", only class indices: use labels onehot"
                            : "; give csv(..., label_columns=k) or npy(..., labels=\"y.npy\"), or choose a label source"
                                    + " such as signs, gaussian or teacher")));
        }
    }
}
