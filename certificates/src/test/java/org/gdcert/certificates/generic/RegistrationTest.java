package org.gdcert.certificates.generic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.ServiceLoader;
import org.gdcert.core.spi.CertificateProvider;
import org.gdcert.core.testing.ServiceDeclarations;
import org.junit.jupiter.api.Test;

/** The providers are found by ServiceLoader by name, and module-info and META-INF/services agree. */
class RegistrationTest {
    private static final List<String> MINE = List.of("nguyen_mondelli", "nguyen_relu", "ntk", "pl");

    @Test
    void serviceLoaderFindsEveryCheckerByName() {
        List<String> names = ServiceLoader.load(CertificateProvider.class).stream().map(p -> p.get().name())
                .toList();
        assertThat(names).containsAll(MINE);
        for (CertificateProvider p : ServiceLoader.load(CertificateProvider.class)) {
            assertThat(p.name()).matches("[a-z][a-z0-9_]*");
            assertThat(p.description()).isNotBlank();
            assertThat(p.configureDefaults().instance()).isNotNull();
        }
    }

    @Test
    void moduleInfoAndServicesFileAgree() {
        assertThat(ServiceDeclarations.assertAgree(NtkProvider.class)).containsKey(
                CertificateProvider.class.getName());
    }

}
