package org.gdcert.core.spi;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.gdcert.core.random.Rng;

/**
 * What a data or label source may use: the directory relative paths resolve against (the script's
 * folder), a seeded generator, and a resolver for activation names (teacher networks).
 */
public record DataContext(Path baseDirectory, Rng rng, Function<String, Optional<Activation>> activations) {
    public DataContext {
        Objects.requireNonNull(baseDirectory);
        Objects.requireNonNull(rng);
        Objects.requireNonNull(activations);
    }

    /** Resolves {@code path} against {@link #baseDirectory()} unless it is absolute. */
    public Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : baseDirectory.resolve(p).normalize();
    }
}
