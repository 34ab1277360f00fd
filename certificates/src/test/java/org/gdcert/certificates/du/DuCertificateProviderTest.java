package org.gdcert.certificates.du;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.ServiceLoader;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.CertificateProvider;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.Certificate;
import org.gdcert.core.spi.ParamValue;
import org.gdcert.core.testing.ServiceDeclarations;
import org.junit.jupiter.api.Test;

/** ServiceLoader smoke test, registration in both places, and the parameter schema. */
class DuCertificateProviderTest {

    @Test
    void foundByNameThroughServiceLoader() {
        CertificateProvider p = ServiceLoader.load(CertificateProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(x -> x.name().equals("du")).findFirst().orElseThrow();
        assertThat(p).isInstanceOf(DuCertificateProvider.class);
        assertThat(p.description()).contains("Du");
    }

    @Test
    void declaredInModuleInfoAndMetaInfServices() {
        assertThat(ServiceDeclarations.assertAgree(DuCertificateProvider.class).get(CertificateProvider.class.getName()))
                .contains(DuCertificateProvider.class.getName());
    }

    @Test
    void parametersConfigureTheChecker() {
        DuCertificateProvider p = new DuCertificateProvider();
        Configured<Certificate> c = p.configure(List.of(Argument.named("delta", ParamValue.Num.of(0.05)),
                Argument.named("arch", new ParamValue.Word("resnet"))));
        assertThat(c.params().getDouble("delta")).isEqualTo(0.05);
        DuFixtures.Ctx ctx = new DuFixtures.Ctx(DuFixtures.fc(3, 16, 2, "softplus", DuTestActivations.SOFTPLUS),
                LimitKernelsTest.D3, new double[] {1, -1, 0.5});
        CertificateReport r = c.instance().assess(ctx.build());
        assertThat(r.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(String.join(" ", r.reasons())).contains("arch=resnet but no layer is residual");
        assertThat(p.configureDefaults().params().getInt("quadrature")).isEqualTo(128);
    }
}
