package org.gdcert.certificates.nguyen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import org.gdcert.certificates.testing.Acts;
import org.gdcert.certificates.testing.Ctx;
import org.gdcert.certificates.testing.Fixtures;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.testing.ReferenceBackend;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.Iterate;
import org.gdcert.core.train.MonitorCheck;
import org.junit.jupiter.api.Test;

/**
 * Fixture F1 over 10⁵ GD steps with σ'(0) = 0 (spec §4): a plain GD loop on the core engine (no
 * result files, which would dominate the time), the monitor observing every step.
 */
class NguyenReluRunTest {

    @Test
    void fixtureF1KeepsEveryInvariantOverTenToTheFiveSteps() {
        Backend b = new ReferenceBackend();
        NetworkSpec spec = Ctx.mlp(2, new int[] {4, 1}, Acts.relu());
        double eta = 0.9 * 5.575725584e-7;
        CertificateContext ctx = Ctx.of(b, spec, Fixtures.x(), Fixtures.y(), Fixtures.weights(20),
                OptionalDouble.of(eta));
        NguyenRelu checker = new NguyenRelu(1e-9, 0, new double[] {20, 3.5}, false, false, 1000, 0);
        CertificateReport rep = checker.assess(ctx);
        assertThat(rep.verdict()).isEqualTo(Verdict.CERTIFIED);
        Monitor m = checker.monitor(rep, ctx).orElseThrow();
        Network net = ctx.network();
        ParameterSet theta0 = net.parameters().copy();
        ParameterSet grad = theta0.zerosLike();
        Matrix x = b.upload(ctx.inputs());
        Matrix y = b.upload(ctx.targets());
        ForwardPass fp = net.newForwardPass(2);
        List<String> cols = m.columns();
        int iBound = cols.indexOf("nr_bound");
        int iMove1 = cols.indexOf("nr_move1");
        int iMove2 = cols.indexOf("nr_move2");
        double[] last = null;
        double loss1000 = 0;
        double loss10000 = 0;
        double phi = 0;
        for (long k = 0; k <= 100_000; k++) {
            net.forward(x, fp);
            phi = net.loss(fp, y);
            Iterate it = new Iterate(k, k * eta, phi, net, fp, x, y, theta0, Axis.STEP, eta);
            if (k == 0) {
                m.start(it);
            }
            last = m.observe(it);
            if (k == 1000) {
                loss1000 = phi;
            }
            if (k == 10000) {
                loss10000 = phi;
            }
            net.gradient(fp, grad);
            net.parameters().axpyInPlace(-eta, grad);
        }
        // fixtures.py: Φ_1000 = 4.479535e-01, Φ_10000 = 3.253240e-04, Φ_1e5 = 5.97e-26 vs bound 6.615903e-03
        assertThat(loss1000 / 4.479535e-1).isCloseTo(1, within(1e-6));
        assertThat(loss10000 / 3.253240e-4).isCloseTo(1, within(1e-6));
        assertThat(phi).isLessThan(1e-24);
        assertThat(last[iBound] / 6.615903e-3).isCloseTo(1, within(1e-6));
        // fixtures.py at k = 1e5: ‖W_1 − W_1^0‖_F = 4.419e-05 <= C_1, ‖W_2 − W_2^0‖_F = 0.05 <= C_2
        assertThat(last[iMove1] * 20).isCloseTo(4.419e-5, within(1e-8));
        assertThat(last[iMove2] * 3.5).isCloseTo(0.05, within(1e-5));
        List<MonitorCheck> checks = m.checks();
        for (MonitorCheck c : checks) {
            assertThat(c.held()).as(c.name() + ": " + c.detail()).isTrue();
        }
        assertThat(checks).filteredOn(c -> c.kind() == MonitorCheck.Kind.BOUND).hasSize(1);
        assertThat(checks).filteredOn(c -> c.kind() == MonitorCheck.Kind.REGIME).hasSize(6)
                .allMatch(c -> !c.detail().contains("not evaluated"));
        assertThat(checks).filteredOn(c -> c.kind() == MonitorCheck.Kind.INFO).singleElement()
                .satisfies(c -> assertThat(c.detail()).contains("σ'(0) convention = 0"));
    }
}
