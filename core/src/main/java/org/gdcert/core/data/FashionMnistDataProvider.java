package org.gdcert.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gdcert.core.spi.DataContext;
import org.gdcert.core.spi.DataException;
import org.gdcert.core.spi.DataSource;
import org.gdcert.core.spi.DataSourceProvider;
import org.gdcert.core.spi.Dataset;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code fashion_mnist(n=all, classes=[], split=train, select=first, offset=0, seed=run,
 * normalize=none, dir=...)}: Zalando's Fashion-MNIST (28×28 grey images of 10 clothing classes; 60 000
 * for training, 10 000 for testing) from the four IDX files that Debian's
 * {@code dataset-fashion-mnist} package installs in {@value #DEFAULT_DIR}. Subset and class filter:
 * see {@link IdxSelection}.
 */
public final class FashionMnistDataProvider implements DataSourceProvider {
    /** Where Debian's {@code dataset-fashion-mnist} puts the files. */
    public static final String DEFAULT_DIR = "/usr/share/datasets/fashion-mnist";

    @Override
    public String name() {
        return "fashion_mnist";
    }

    @Override
    public String description() {
        return "Fashion-MNIST images (28x28, 10 classes) from Debian's dataset-fashion-mnist";
    }

    @Override
    public ParameterSchema parameters() {
        List<ParameterSpec> s = new ArrayList<>(IdxSelection.specs());
        s.add(2, ParameterSpec.choice("split", "train", List.of("train", "test"),
                "train (60000 images) or test (10000 images)"));
        s.add(ParameterSpec.string("dir", DEFAULT_DIR, "folder holding {train,t10k}-{images-idx3,labels-idx1}-ubyte"
                + "[.gz]"));
        return new ParameterSchema(s);
    }

    @Override
    public DataSource create(ValidatedParams params) {
        return new FashionMnist(params.getString("split"), params.getString("dir"),
                IdxSelection.from(name(), params));
    }

    /** The source. */
    record FashionMnist(String split, String dir, IdxSelection selection) implements DataSource {
        @Override
        public Dataset load(DataContext context) {
            Path folder = context.resolve(dir);
            String prefix = split.equals("test") ? "t10k" : "train";
            Path images = locate(folder, prefix + "-images-idx3-ubyte");
            Path labels = locate(folder, prefix + "-labels-idx1-ubyte");
            return selection.load(context, images, Optional.of(labels), "fashion-mnist " + split);
        }

        private Path locate(Path folder, String base) {
            Path gz = folder.resolve(base + ".gz");
            if (Files.isRegularFile(gz)) {
                return gz;
            }
            Path plain = folder.resolve(base);
            if (Files.isRegularFile(plain)) {
                return plain;
            }
            throw new DataException(gz + ": file not found; Fashion-MNIST is not installed"
                    + (dir.equals(DEFAULT_DIR) ? ": install it with 'apt-get install dataset-fashion-mnist'"
                            + " (or give dir=\"...\", a folder with the four IDX files)"
                            : " in " + folder + " (dir=\"" + dir + "\")"));
        }
    }
}
