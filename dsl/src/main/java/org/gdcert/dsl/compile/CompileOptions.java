package org.gdcert.dsl.compile;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Command-line overrides of a script: where runs go, the seed, the backend and its threads.
 *
 * @param outputRoot overrides the {@code output} statement (default {@code runs})
 * @param seed overrides the {@code seed} statement (default 1)
 * @param backend overrides the {@code backend} statement (a backend plugin name)
 * @param threads threads of the backend (when its schema has {@code threads})
 */
public record CompileOptions(Optional<Path> outputRoot, OptionalLong seed, Optional<String> backend,
        OptionalInt threads) {
    public CompileOptions {
        Objects.requireNonNull(outputRoot);
        Objects.requireNonNull(seed);
        Objects.requireNonNull(backend);
        Objects.requireNonNull(threads);
    }

    public static CompileOptions defaults() {
        return new CompileOptions(Optional.empty(), OptionalLong.empty(), Optional.empty(), OptionalInt.empty());
    }

    public CompileOptions withOutputRoot(Path p) {
        return new CompileOptions(Optional.of(p), seed, backend, threads);
    }

    public CompileOptions withSeed(long s) {
        return new CompileOptions(outputRoot, OptionalLong.of(s), backend, threads);
    }

    public CompileOptions withBackend(String b) {
        return new CompileOptions(outputRoot, seed, Optional.of(b), threads);
    }

    public CompileOptions withThreads(int t) {
        return new CompileOptions(outputRoot, seed, backend, OptionalInt.of(t));
    }
}
