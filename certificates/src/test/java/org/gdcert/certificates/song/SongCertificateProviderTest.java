package org.gdcert.certificates.song;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.ServiceLoader;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.json.Json;
import org.gdcert.core.run.ReportJson;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.Certificate;
import org.gdcert.core.spi.CertificateProvider;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.ParamValue;
import org.gdcert.core.testing.ServiceDeclarations;
import org.junit.jupiter.api.Test;

/** ServiceLoader smoke test, registration in both places, the parameter schema, JSON output. */
class SongCertificateProviderTest {

    @Test
    void foundByNameThroughServiceLoader() {
        CertificateProvider p = ServiceLoader.load(CertificateProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(x -> x.name().equals("song")).findFirst().orElseThrow();
        assertThat(p).isInstanceOf(SongCertificateProvider.class);
        assertThat(p.description()).contains("Song");
    }

    @Test
    void declaredInModuleInfoAndMetaInfServices() {
        assertThat(ServiceDeclarations.assertAgree(SongCertificateProvider.class)
                .get(CertificateProvider.class.getName())).contains(SongCertificateProvider.class.getName());
    }

    @Test
    void parametersConfigureTheChecker() {
        SongCertificateProvider p = new SongCertificateProvider();
        Configured<Certificate> c = p.configure(List.of(Argument.named("mode", new ParamValue.Word("exact")),
                Argument.named("chi", ParamValue.Num.of(0.75))));
        SongSettings s = ((SongCertificate) c.instance()).settings();
        assertThat(s.exact()).isTrue();
        assertThat(s.userChi()).isEqualTo(0.75);
        SongSettings d = ((SongCertificate) p.configureDefaults().instance()).settings();
        assertThat(d).isEqualTo(SongSettings.defaults());
        assertThat(Double.isNaN(d.userChi())).isTrue();
    }

    @Test
    void reportsRoundTripThroughJson() {
        SongFixtures.Ctx c = new SongFixtures.Ctx(SongFixtures.fixtureC(), "gelu", SongTestActivations.GELU);
        CertificateReport r = new SongCertificate(SongSettings.defaults()).assess(c.build());
        String json = Json.write(ReportJson.report(r));
        assertThat(json).contains("\"song\"").contains("INAPPLICABLE").contains("muExact");
        assertThat(Json.parse(json)).isNotNull();
    }
}
