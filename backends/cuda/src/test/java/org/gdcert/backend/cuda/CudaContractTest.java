package org.gdcert.backend.cuda;

import org.gdcert.core.linalg.Precision;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.testing.BackendContract;
import org.junit.jupiter.api.BeforeEach;

/**
 * The backend contract on the GPU (device 0). Skipped, with the provider's reason, where CUDA is not
 * available; {@code mvn -Pemulator} runs it on the CPU emulator of the kernels. The contract's
 * activations (tanh, softplus defined in the suite) declare no closed form, so they exercise the host
 * evaluation; {@link CudaBackendTest} checks the device kernels of the declared ones.
 */
class CudaContractTest extends BackendContract {

    /** Each test is reported as skipped, with the reason, where there is no GPU. */
    @BeforeEach
    void gpu() {
        Gpu.assumePresent();
    }

    @Override
    protected Backend createBackend(Precision precision) {
        return Gpu.backend(precision);
    }
}
