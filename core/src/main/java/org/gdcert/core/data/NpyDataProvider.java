package org.gdcert.core.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gdcert.core.io.Npy;
import org.gdcert.core.io.NpyArray;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.DataContext;
import org.gdcert.core.spi.DataException;
import org.gdcert.core.spi.DataSource;
import org.gdcert.core.spi.DataSourceProvider;
import org.gdcert.core.spi.Dataset;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code npy(path, labels="", label_type=auto, normalize=none)}: inputs from a NumPy {@code .npy}
 * file (first axis = samples; further axes are flattened, so images of shape (N, 28, 28) give
 * N × 784), and optionally labels from a second {@code .npy} file with N rows (a 1-D array gives one
 * column). Integer labels in one column also give the classes that {@code labels onehot} uses
 * ({@code label_type=auto}).
 */
public final class NpyDataProvider implements DataSourceProvider {

    @Override
    public String name() {
        return "npy";
    }

    @Override
    public String description() {
        return "inputs (and optionally labels) from NumPy .npy files";
    }

    @Override
    public ParameterSchema parameters() {
        List<ParameterSpec> specs = new ArrayList<>(List.of(
                ParameterSpec.stringRequired("path", "the .npy file of the inputs, samples along the first axis"),
                ParameterSpec.string("labels", "", "a .npy file of labels with one row per sample (empty: none)"),
                Specs.labelType()));
        specs.addAll(Normalization.specs());
        return new ParameterSchema(specs);
    }

    @Override
    public DataSource create(ValidatedParams params) {
        return new NpySource(params.getString("path"), params.getString("labels"),
                LabelType.of(params.getString("label_type")), Normalization.from(name(), params));
    }

    /** The source; {@code labels} is empty when there is no label file. */
    record NpySource(String path, String labels, LabelType labelType, Normalization normalization)
            implements DataSource {
        @Override
        public Dataset load(DataContext context) {
            Path file = context.resolve(path);
            NpyArray a = Npy.read(file);
            if (a.ndim() == 0) {
                throw new DataException(file + ": holds a scalar; expected samples along the first axis");
            }
            HostMatrix x = a.asRows();
            Optional<HostMatrix> y = Optional.empty();
            Optional<int[]> classes = Optional.empty();
            String labelText = "";
            if (!labels.isEmpty()) {
                Path lf = context.resolve(labels);
                NpyArray l = Npy.read(lf);
                if (l.ndim() != 1 && l.ndim() != 2) {
                    throw new DataException(lf + ": labels must be a 1-D or 2-D array, the file holds shape "
                            + l.shapeText());
                }
                if (l.shape()[0] != x.rows()) {
                    throw new DataException(lf + ": " + l.shape()[0] + " labels for " + x.rows() + " samples in "
                            + file);
                }
                HostMatrix t = l.asMatrix();
                y = Optional.of(t);
                classes = labelType.classes(t, !l.dtype().isFloat(), lf.toString());
                labelText = ", labels " + lf.getFileName() + " " + l.shapeText()
                        + (classes.isPresent() ? " (classes)" : "");
            }
            String norm = normalization.applyInPlace(x, file.toString());
            return new Dataset(x, y, classes, "npy " + file.getFileName() + " " + a.shapeText() + ": " + x.rows()
                    + " samples in R^" + x.cols() + labelText + ", " + norm);
        }
    }
}
