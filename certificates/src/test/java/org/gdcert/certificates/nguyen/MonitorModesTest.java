package org.gdcert.certificates.nguyen;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.testing.ReferenceBackend;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.Iterate;
import org.gdcert.core.train.LossReduction;
import org.gdcert.core.train.MonitorCheck;
import org.junit.jupiter.api.Test;

/** The monitors outside the certified GD setting: an uncertified run, and gradient flow (§7.1). */
class MonitorModesTest {

    /** Runs {@code steps} explicit steps θ -= dt·∇Φ, observing every one on the given axis. */
    private static List<MonitorCheck> drive(CertificateContext ctx, Monitor m, double dt, int steps, Axis axis) {
        ReferenceBackend b = (ReferenceBackend) ctx.network().backend();
        Network net = ctx.network();
        ParameterSet theta0 = net.parameters().copy();
        ParameterSet grad = theta0.zerosLike();
        Matrix x = b.upload(ctx.inputs());
        Matrix y = b.upload(ctx.targets());
        ForwardPass fp = net.newForwardPass(ctx.samples());
        for (int k = 0; k <= steps; k++) {
            net.forward(x, fp);
            double phi = net.loss(fp, y);
            Iterate it = new Iterate(k, k * dt, phi, net, fp, x, y, theta0, axis, axis == Axis.STEP ? dt : Double.NaN);
            if (k == 0) {
                m.start(it);
            }
            m.observe(it);
            net.gradient(fp, grad);
            net.parameters().axpyInPlace(-dt, grad);
        }
        return m.checks();
    }

    @Test
    void uncertifiedRunIsMonitoredAsADiagnostic() {
        NetworkSpec spec = Ctx.mlp(2, new int[] {4, 1}, Acts.smoothRelu(0.5, 1.0));
        CertificateContext ctx = Ctx.of(new ReferenceBackend(), spec, Fixtures.x(), Fixtures.y(), Fixtures.weights(3),
                OptionalDouble.of(0.05));
        NguyenMondelli checker = new NguyenMondelli(1e-9, 0, false, 40, 5, 0);
        CertificateReport r = checker.assess(ctx);
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_CERTIFIED);
        List<MonitorCheck> checks = drive(ctx, checker.monitor(r, ctx).orElseThrow(), 0.05, 200, Axis.STEP);
        assertThat(checks).allMatch(c -> c.detail().startsWith("diagnostic only (verdict NOT_CERTIFIED"));
        // far outside the certified regime the proof's movement budget is exceeded
        assertThat(checks).anyMatch(c -> !c.held());
    }

    @Test
    void gradientFlowIsCheckedAgainstTheExponentialBound() {
        NetworkSpec spec = Ctx.mlp(2, new int[] {4, 1}, Acts.smoothRelu(0.5, 1.0));
        CertificateContext ctx = Ctx.of(new ReferenceBackend(), spec, Fixtures.x(), Fixtures.y(),
                Fixtures.weights(14), "flow", OptionalDouble.empty(), Axis.TIME, LossReduction.SUM_HALF);
        NguyenMondelli checker = new NguyenMondelli(1e-9, 0, false, 40, 10, 0);
        CertificateReport r = checker.assess(ctx);
        assertThat(r.verdict()).isEqualTo(Verdict.CERTIFIED);
        // explicit Euler with a tiny step follows the flow closely: e^{-2α_0 t} holds along it
        List<MonitorCheck> checks = drive(ctx, checker.monitor(r, ctx).orElseThrow(), 1e-6, 2000, Axis.TIME);
        assertThat(checks).hasSize(6); // no descent-lemma check on the time axis
        assertThat(checks).allMatch(MonitorCheck::held);
        assertThat(checks.get(0).detail()).contains("e^{−2α_0 t}");
    }
}
