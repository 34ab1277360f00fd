package org.gdcert.backend.java;

import java.util.List;
import java.util.Locale;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.BackendProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * Provides the pure-Java backend ({@code backend java(precision=float, threads=2)}): dense kernels in
 * plain Java, cache-blocked and multi-threaded, in double or float.
 */
public final class JavaBackendProvider implements BackendProvider {
    /** The DSL keyword. */
    public static final String NAME = "java";

    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            ParameterSpec.choice("precision", "double", List.of("double", "float"),
                    "storage and arithmetic precision"),
            ParameterSpec.integer("threads", 0, "worker threads; 0 = all available processors").nonNegative());

    /** For {@link java.util.ServiceLoader}. */
    public JavaBackendProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "pure-Java dense kernels: cache-blocked, packed, multi-threaded GEMM in double or float";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Backend create(ValidatedParams params) {
        Precision precision = Precision.valueOf(params.getString("precision").toUpperCase(Locale.ROOT));
        int threads = params.getInt("threads");
        return new JavaBackend(precision, threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
    }
}
