package org.gdcert.backend.cuda;

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
 * Provides the CUDA backend ({@code backend cuda(precision=float, device=0)}): matrices on an NVIDIA
 * GPU for the whole run, gdcert's own kernels loaded through the CUDA driver API. Unavailable, with the
 * reason, where there is no CUDA driver, no GPU, or a driver older than CUDA 13.
 */
public final class CudaBackendProvider implements BackendProvider {
    /** The DSL keyword. */
    public static final String NAME = CudaBackend.NAME;

    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            ParameterSpec.choice("precision", "double", List.of("double", "float"),
                    "storage and arithmetic precision on the GPU"),
            ParameterSpec.integer("device", 0, "CUDA device number (0 = the first GPU)").nonNegative(),
            ParameterSpec.integer("threads", 0, "host threads for activations without a GPU kernel; "
                    + "0 = all available processors").nonNegative());

    /** For {@link java.util.ServiceLoader}. */
    public CudaBackendProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "NVIDIA GPU through the CUDA driver API: matrices stay on the device, gdcert's own tiled GEMM and "
                + "elementwise kernels, in double or float";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    /** Probes the CUDA driver once per JVM; never throws. */
    @Override
    public Availability availability() {
        return CudaDriver.facts().availability();
    }

    /**
     * @throws IllegalStateException if CUDA is not available here (one sentence saying why)
     * @throws CudaFailure if the chosen device cannot be used
     */
    @Override
    public Backend create(ValidatedParams params) {
        Precision precision = Precision.valueOf(params.getString("precision").toUpperCase(Locale.ROOT));
        int threads = params.getInt("threads");
        return new CudaBackend(precision, params.getInt("device"),
                threads == 0 ? Runtime.getRuntime().availableProcessors() : threads, CudaBackend::log,
                CudaBackend.DEFAULT_SPLIT_DEPTH);
    }
}
