package org.gdcert.core.spi;

import java.util.Objects;

/**
 * A plugin instance together with the provider name and the validated parameters that made it,
 * so that reports and provenance can say exactly what was used ({@code smoothrelu(gamma=0.1, beta=5)}).
 */
public record Configured<T>(String name, ValidatedParams params, T instance) {
    public Configured {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(instance, "instance");
    }

    /** {@code name(p1=v1, p2=v2)}, or just {@code name} without parameters. */
    @Override
    public String toString() {
        return params.isEmpty() ? name : name + "(" + params + ")";
    }
}
