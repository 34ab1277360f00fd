package org.gdcert.core.spi;

import java.util.Objects;
import java.util.Optional;
import org.gdcert.core.linalg.HostMatrix;

/**
 * Inputs, optional targets and optional integer class labels.
 *
 * @param inputs X, N × d, one sample per row
 * @param targets Y, N × n_L, when the source provides regression targets
 * @param classes class index of each sample (idx label files), when known
 * @param description one line for provenance ({@code fashion-mnist train, 200 samples, classes 0,1})
 */
public record Dataset(HostMatrix inputs, Optional<HostMatrix> targets, Optional<int[]> classes, String description) {
    public Dataset {
        Objects.requireNonNull(inputs);
        Objects.requireNonNull(targets);
        Objects.requireNonNull(classes);
        Objects.requireNonNull(description);
        targets.ifPresent(t -> {
            if (t.rows() != inputs.rows()) {
                throw new IllegalArgumentException("targets have " + t.rows() + " rows, inputs " + inputs.rows());
            }
        });
        classes.ifPresent(c -> {
            if (c.length != inputs.rows()) {
                throw new IllegalArgumentException("class labels: " + c.length + " for " + inputs.rows() + " rows");
            }
        });
    }

    public int samples() {
        return inputs.rows();
    }

    public int dimension() {
        return inputs.cols();
    }
}
