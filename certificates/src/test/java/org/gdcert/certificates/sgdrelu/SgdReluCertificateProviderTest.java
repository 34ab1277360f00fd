package org.gdcert.certificates.sgdrelu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.ServiceLoader;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.Certificate;
import org.gdcert.core.spi.CertificateProvider;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.testing.ServiceDeclarations;
import org.junit.jupiter.api.Test;

/** ServiceLoader smoke test, registration in both places, and the parameter schema. */
class SgdReluCertificateProviderTest {

    @Test
    void foundByNameThroughServiceLoader() {
        CertificateProvider p = ServiceLoader.load(CertificateProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(x -> x.name().equals("sgd_relu")).findFirst().orElseThrow();
        assertThat(p).isInstanceOf(SgdReluCertificateProvider.class);
        assertThat(p.description()).contains("seed 004");
    }

    @Test
    void declaredInModuleInfoAndMetaInfServices() {
        assertThat(ServiceDeclarations.assertAgree(SgdReluCertificateProvider.class)
                .get(CertificateProvider.class.getName())).contains(SgdReluCertificateProvider.class.getName());
    }

    @Test
    void parametersConfigureTheChecker() {
        SgdReluCertificateProvider p = new SgdReluCertificateProvider();
        Configured<Certificate> c = p.configure(List.of(Argument.named("epsilon", 1e-9), Argument.named("radius",
                0.01), Argument.named("alpha_every", 4.0)));
        assertThat(c.params().getDouble("epsilon")).isEqualTo(1e-9);
        SgdReluSettings s = SgdReluSettings.from(c.params());
        assertThat(s.epsilonFor(123)).isEqualTo(1e-9);
        assertThat(s.alphaEvery()).isEqualTo(4);
        assertThat(SgdReluSettings.from(p.configureDefaults().params())).isEqualTo(SgdReluSettings.defaults());
        // the robust-ball condition at a user radius appears in the report
        var r = c.instance().assess(SgdReluFixtures.tdi2().build());
        assertThat(r.condition("robust_ball").orElseThrow().holds()).isTrue();
    }
}
