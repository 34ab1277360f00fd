package org.gdcert.dsl.compile;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Command-line overrides of a script: where runs go, the seed, the backend and its threads, and
 * the width of one layer (for {@code gdcert find-width}).
 *
 * @param outputRoot overrides the {@code output} statement (default {@code runs})
 * @param seed overrides the {@code seed} statement (default 1)
 * @param backend overrides the {@code backend} statement (a backend plugin name)
 * @param threads threads of the backend (when its schema has {@code threads})
 * @param width overrides the width of one layer
 */
public record CompileOptions(Optional<Path> outputRoot, OptionalLong seed, Optional<String> backend,
        OptionalInt threads, Optional<WidthOverride> width) {
    public CompileOptions {
        Objects.requireNonNull(outputRoot);
        Objects.requireNonNull(seed);
        Objects.requireNonNull(backend);
        Objects.requireNonNull(threads);
        Objects.requireNonNull(width);
    }

    public CompileOptions(Optional<Path> outputRoot, OptionalLong seed, Optional<String> backend, OptionalInt threads) {
        this(outputRoot, seed, backend, threads, Optional.empty());
    }

    /**
     * The width of layer {@code layer} (1..L−1, a hidden layer) is {@code width}. When the layer's
     * width in the script is a bare name (a {@code let} or a sweep variable), that name takes the
     * value everywhere it is used (other layers, {@code residual scale=1/sqrt(m)}, arguments) and a
     * sweep over it collapses to this one value; otherwise only the layer's width changes.
     */
    public record WidthOverride(int layer, int width) {
        public WidthOverride {
            if (layer < 1) {
                throw new IllegalArgumentException("layer must be >= 1, got " + layer);
            }
            if (width < 1) {
                throw new IllegalArgumentException("width must be >= 1, got " + width);
            }
        }
    }

    public static CompileOptions defaults() {
        return new CompileOptions(Optional.empty(), OptionalLong.empty(), Optional.empty(), OptionalInt.empty());
    }

    public CompileOptions withOutputRoot(Path p) {
        return new CompileOptions(Optional.of(p), seed, backend, threads, width);
    }

    public CompileOptions withSeed(long s) {
        return new CompileOptions(outputRoot, OptionalLong.of(s), backend, threads, width);
    }

    public CompileOptions withBackend(String b) {
        return new CompileOptions(outputRoot, seed, Optional.of(b), threads, width);
    }

    public CompileOptions withThreads(int t) {
        return new CompileOptions(outputRoot, seed, backend, OptionalInt.of(t), width);
    }

    /** See {@link WidthOverride}. */
    public CompileOptions withWidth(int layer, int w) {
        return new CompileOptions(outputRoot, seed, backend, threads, Optional.of(new WidthOverride(layer, w)));
    }
}
