package org.gdcert.core.run;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.gdcert.core.spi.DataSource;
import org.gdcert.core.spi.LabelSource;

/**
 * Where the data come from: a source, optional labels (else the targets the source brings), and
 * the directory relative paths resolve against.
 */
public record DataSpec(PluginChoice<DataSource> source, Optional<PluginChoice<LabelSource>> labels, Path baseDirectory) {
    public DataSpec {
        Objects.requireNonNull(source);
        Objects.requireNonNull(labels);
        Objects.requireNonNull(baseDirectory);
    }

    @Override
    public String toString() {
        return source + labels.map(l -> " labels " + l).orElse("");
    }
}
