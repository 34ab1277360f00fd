package org.gdcert.backend.java;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.testing.BackendContract;

/** The backend contract for the java backend, configured through its provider with 3 threads. */
class JavaBackendContractTest extends BackendContract {

    @Override
    protected Backend createBackend(Precision precision) {
        return new JavaBackendProvider().configure(List.of(
                Argument.named("precision", precision.name().toLowerCase(Locale.ROOT)),
                Argument.named("threads", 3))).instance();
    }

    @Override
    protected Optional<Backend> createBackend(Precision precision, int threads) {
        return Optional.of(new JavaBackend(precision, threads));
    }
}
