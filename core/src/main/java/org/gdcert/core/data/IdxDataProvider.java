package org.gdcert.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gdcert.core.spi.DataContext;
import org.gdcert.core.spi.DataSource;
import org.gdcert.core.spi.DataSourceProvider;
import org.gdcert.core.spi.Dataset;
import org.gdcert.core.spi.ParameterException;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code idx(images, labels="", n=all, classes=[], select=first, offset=0, seed=run, normalize=none)}:
 * images from an IDX file in the MNIST format (plain or {@code .gz}), flattened to rows of
 * rows·cols pixels scaled to [0, 1], with the class labels of an IDX label file for
 * {@code labels onehot}. Subset and class filter: see {@link IdxSelection}.
 */
public final class IdxDataProvider implements DataSourceProvider {

    @Override
    public String name() {
        return "idx";
    }

    @Override
    public String description() {
        return "images and class labels from IDX files (MNIST format, optionally gzip-compressed)";
    }

    @Override
    public ParameterSchema parameters() {
        List<ParameterSpec> s = new ArrayList<>(List.of(
                ParameterSpec.stringRequired("images", "the IDX image file (magic 0x00000803), .gz or not"),
                ParameterSpec.string("labels", "", "the IDX label file (magic 0x00000801), .gz or not; empty:"
                        + " none")));
        s.addAll(IdxSelection.specs());
        return new ParameterSchema(s);
    }

    @Override
    public DataSource create(ValidatedParams params) {
        IdxSelection sel = IdxSelection.from(name(), params);
        String labels = params.getString("labels");
        if (labels.isEmpty() && !sel.classes().isEmpty()) {
            throw new ParameterException(name(), List.of(new ParameterSchema.Problem(-1,
                    "classes needs a labels file (labels=\"...\")")));
        }
        return new IdxSource(params.getString("images"), labels, sel);
    }

    /** The source; {@code labels} is empty when there is no label file. */
    record IdxSource(String images, String labels, IdxSelection selection) implements DataSource {
        @Override
        public Dataset load(DataContext context) {
            var img = context.resolve(images);
            return selection.load(context, img,
                    labels.isEmpty() ? Optional.empty() : Optional.of(context.resolve(labels)),
                    "idx " + img.getFileName());
        }
    }
}
