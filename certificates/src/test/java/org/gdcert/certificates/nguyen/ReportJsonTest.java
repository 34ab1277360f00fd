package org.gdcert.certificates.nguyen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.gdcert.certificates.testing.Acts;
import org.gdcert.certificates.testing.Ctx;
import org.gdcert.certificates.testing.Fixtures;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.json.Json;
import org.gdcert.core.run.ReportJson;
import org.gdcert.core.testing.ReferenceBackend;
import org.junit.jupiter.api.Test;

/** Reports of every verdict (with +∞ and NaN quantities) survive certificates.json. */
class ReportJsonTest {
    @Test
    void reportsRoundTripThroughJson() {
        NetworkSpec nm = Ctx.mlp(2, new int[] {4, 1}, Acts.smoothRelu(0.5, 1.0));
        NetworkSpec relu = Ctx.mlp(2, new int[] {4, 1}, Acts.relu());
        List<CertificateReport> reports = List.of(
                new NguyenMondelli(1e-9, 0, true, 40, 10, 0).assess(Ctx.of(new ReferenceBackend(), nm, Fixtures.x(),
                        Fixtures.y(), Fixtures.weights(14), OptionalDouble.empty())),
                new NguyenMondelli(1e-9, 0, true, 40, 10, 0).assess(Ctx.of(new ReferenceBackend(), nm, Fixtures.x(),
                        Fixtures.y(), Fixtures.weights(2), OptionalDouble.empty())),
                new NguyenRelu(1e-9, 0, new double[0], false, true, 10, 0).assess(Ctx.of(new ReferenceBackend(),
                        relu, Fixtures.x(), Fixtures.y(), Fixtures.weights(20), OptionalDouble.empty())),
                new NguyenMondelli(1e-9, 0, true, 40, 10, 0).assess(Ctx.of(new ReferenceBackend(), relu,
                        Fixtures.x(), Fixtures.y(), Fixtures.weights(20), OptionalDouble.empty())));
        String text = Json.write(reports.stream().map(ReportJson::report).toList());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> back = (List<Map<String, Object>>) Json.parse(text);
        assertThat(back).extracting(m -> m.get("verdict")).containsExactly("CERTIFIED", "NOT_CERTIFIED",
                "NOT_CERTIFIED", "INAPPLICABLE");
        assertThat(back.get(0).get("checker")).isEqualTo("nguyen_mondelli");
        // M = +∞ for L = 2 is written and read back
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> qs = (List<Map<String, Object>>) back.get(0).get("quantities");
        Object m = qs.stream().filter(q -> q.get("name").equals("M")).findFirst().orElseThrow().get("value");
        assertThat(Json.asDouble(m)).isInfinite();
    }
}
