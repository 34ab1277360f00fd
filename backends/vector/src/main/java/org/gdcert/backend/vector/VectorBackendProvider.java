package org.gdcert.backend.vector;

import java.util.List;
import java.util.Locale;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.spi.Availability;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.BackendProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * Provides the Vector API backend ({@code backend vector(precision=float, threads=2)}): dense
 * kernels on {@code jdk.incubator.vector} with the SIMD width chosen by the JVM at start-up, in
 * double or float, multi-threaded.
 *
 * <p>Available when the incubator module {@code jdk.incubator.vector} is loaded: always on the module
 * path (this module requires it); on the class path only with {@code --add-modules
 * jdk.incubator.vector}. The check touches no Vector API class, so an unavailable provider can still
 * be listed.
 */
public final class VectorBackendProvider implements BackendProvider {
    /** The DSL keyword. */
    public static final String NAME = "vector";
    /** The incubator module the backend needs. */
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            ParameterSpec.choice("precision", "double", List.of("double", "float"),
                    "storage and arithmetic precision"),
            ParameterSpec.integer("threads", 0, "worker threads; 0 = all available processors").nonNegative());

    /** For {@link java.util.ServiceLoader}. */
    public VectorBackendProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Vector API (SIMD) dense kernels: register-blocked FMA GEMM and vectorised elementwise kernels,"
                + " multi-threaded, in double or float";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Availability availability() {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent()
                || VectorBackendProvider.class.getModule().getLayer() != null
                && VectorBackendProvider.class.getModule().getLayer().findModule(VECTOR_MODULE).isPresent()) {
            return Availability.AVAILABLE;
        }
        return Availability.unavailable("the JDK's Vector API module " + VECTOR_MODULE + " is not loaded"
                + " (on the class path, start java with --add-modules " + VECTOR_MODULE + ")");
    }

    @Override
    public Backend create(ValidatedParams params) {
        Availability a = availability();
        if (!a.available()) {
            throw new IllegalStateException("backend vector: " + a.reason());
        }
        Precision precision = Precision.valueOf(params.getString("precision").toUpperCase(Locale.ROOT));
        int threads = params.getInt("threads");
        return new VectorBackend(precision, threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
    }
}
