package org.gdcert.core.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gdcert.core.io.Csv;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.DataContext;
import org.gdcert.core.spi.DataException;
import org.gdcert.core.spi.DataSource;
import org.gdcert.core.spi.DataSourceProvider;
import org.gdcert.core.spi.Dataset;
import org.gdcert.core.spi.ParameterException;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code csv(path, label_columns=0, label_type=auto, header=auto, delimiter=auto, normalize=none)}:
 * a numeric CSV file, one sample per line. The last {@code label_columns} columns are the labels (the targets
 * that {@code labels source} uses; with one column of whole numbers ≥ 0 also the classes that
 * {@code labels onehot} uses, see {@code label_type}); the other columns are the inputs. Relative
 * paths are resolved against the script's folder. See {@link Csv} for the accepted format.
 */
public final class CsvDataProvider implements DataSourceProvider {

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String description() {
        return "a numeric CSV file, one sample per line; the last columns may hold the labels";
    }

    @Override
    public ParameterSchema parameters() {
        List<ParameterSpec> specs = new ArrayList<>(List.of(
                ParameterSpec.stringRequired("path", "the CSV file (relative to the script's folder)"),
                ParameterSpec.integer("label_columns", 0, "number of trailing columns that hold labels (0: none)")
                        .withRange(0, Specs.MAX_COUNT),
                Specs.labelType(),
                ParameterSpec.choice("header", "auto", List.of("auto", "yes", "no"),
                        "whether the first line holds column names; auto: when one of its cells is not a number"),
                ParameterSpec.string("delimiter", "auto", "cell separator: auto (detect comma, semicolon, tab or"
                        + " spaces), \",\", \";\", tab, space, or another single character")));
        specs.addAll(Normalization.specs());
        return new ParameterSchema(specs);
    }

    @Override
    public DataSource create(ValidatedParams params) {
        String delimiter = params.getString("delimiter");
        Csv.Header header = switch (params.getString("header")) {
            case "yes" -> Csv.Header.PRESENT;
            case "no" -> Csv.Header.ABSENT;
            default -> Csv.Header.AUTO;
        };
        Csv.Options options;
        try {
            options = new Csv.Options(delimiter, header);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(name(), List.of(new ParameterSchema.Problem(-1, e.getMessage())));
        }
        return new CsvSource(params.getString("path"), params.getInt("label_columns"),
                LabelType.of(params.getString("label_type")), options, Normalization.from(name(), params));
    }

    /** The source. */
    record CsvSource(String path, int labels, LabelType labelType, Csv.Options options, Normalization normalization)
            implements DataSource {
        @Override
        public Dataset load(DataContext context) {
            Path file = context.resolve(path);
            Csv.Table table = Csv.read(file, options);
            HostMatrix all = table.values();
            int cols = all.cols();
            if (labels >= cols) {
                throw new DataException(file + ": label_columns=" + labels + " but the file has " + cols + " column"
                        + (cols == 1 ? "" : "s") + "; at least one must be an input");
            }
            HostMatrix x = columns(all, 0, cols - labels);
            Optional<HostMatrix> y = labels == 0 ? Optional.empty() : Optional.of(columns(all, cols - labels, cols));
            Optional<int[]> classes = y.flatMap(t -> labelType.classes(t, true, file.toString()));
            String norm = normalization.applyInPlace(x, file.toString());
            String desc = "csv " + file.getFileName() + ": " + x.rows() + " samples in R^" + x.cols()
                    + (labels == 0 ? "" : ", " + labels + " label column" + (labels == 1 ? "" : "s")
                            + (classes.isPresent() ? " (classes)" : ""))
                    + ", " + norm;
            return new Dataset(x, y, classes, desc);
        }
    }

    /** Columns {@code [from, to)} of {@code m} as a new matrix. */
    static HostMatrix columns(HostMatrix m, int from, int to) {
        int w = to - from;
        HostMatrix r = new HostMatrix(m.rows(), w);
        for (int i = 0; i < m.rows(); i++) {
            System.arraycopy(m.data(), i * m.cols() + from, r.data(), i * w, w);
        }
        return r;
    }
}
