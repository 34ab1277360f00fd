package org.gdcert.certificates.du;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.Iterate;
import org.gdcert.core.train.MonitorCheck;
import org.junit.jupiter.api.Test;

/**
 * The trajectory monitor (spec certificates-du.md §5.6, §6) on real gradient-descent runs, with
 * the orders of magnitude of §7.5 (the spec's numbers come from NumPy's generator; a Java
 * generator gives other draws, so only orders are compared).
 */
class DuMonitorTest {

    /** A GD run of {@code steps} steps observed by the checker's monitor at every step. */
    private record Run(CertificateReport report, List<double[]> rows, List<String> columns, List<MonitorCheck> checks,
            double eta) {
        double[] column(String name) {
            int c = columns.indexOf(name);
            return rows.stream().mapToDouble(r -> r[c]).toArray();
        }

        MonitorCheck check(String prefix) {
            return checks.stream().filter(k -> k.name().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    private static Run run(DuFixtures.Ctx c, int steps) {
        // η = 1/λ_max(G(0)) as in script §H: assess once to get λ_max(G(0))
        CertificateReport probe = new DuCertificate(DuSettings.defaults()).assess(c.build());
        double eta = 1 / probe.quantity("lambdaMaxG0").orElseThrow().value();
        c.eta = OptionalDouble.of(eta);
        CertificateContext ctx = c.build();
        DuCertificate cert = new DuCertificate(DuSettings.defaults());
        CertificateReport report = cert.assess(ctx);
        Monitor mon = cert.monitor(report, ctx).orElseThrow();
        Network net = ctx.network();
        int n = ctx.samples();
        List<double[]> rows = new ArrayList<>();
        try (Matrix x = DuFixtures.BACKEND.upload(ctx.inputs()); Matrix y = DuFixtures.BACKEND.upload(ctx.targets());
                ForwardPass fp = net.newForwardPass(n); ParameterSet initial = net.parameters().copy();
                ParameterSet grad = net.parameters().zerosLike()) {
            for (int k = 0; k <= steps; k++) {
                net.forward(x, fp);
                double loss = net.loss(fp, y);
                Iterate it = new Iterate(k, k * eta, loss, net, fp, x, y, initial, Axis.STEP, eta);
                if (k == 0) {
                    mon.start(it);
                }
                rows.add(mon.observe(it));
                net.gradient(fp, grad);
                net.parameters().axpyInPlace(-eta, grad);
            }
        }
        return new Run(report, rows, mon.columns(), mon.checks(), eta);
    }

    @Test
    void fullyConnectedRunKeepsTheBoundAndTheInvariant() {
        DuFixtures.Ctx c = new DuFixtures.Ctx(DuFixtures.fc(3, 256, 2, "softplus", DuTestActivations.SOFTPLUS),
                LimitKernelsTest.D3, new double[] {1, -1, 0.5});
        c.seed = 77;
        Run r = run(c, 100);
        assertThat(r.report().verdict()).isEqualTo(Verdict.CONDITIONAL);
        assertThat(r.rows()).allMatch(row -> row.length == r.columns().size());
        // §7.5: η = 1/λ_max(G(0)) ≈ 0.27–0.29 and λ_min(G(0)) ≈ 0.15–0.17 against λ_0 = 0.053
        assertThat(r.eta()).isBetween(0.2, 0.4);
        assertThat(r.report().quantity("lambdaMinG0").orElseThrow().value()).isBetween(0.1, 0.25);
        MonitorCheck bound = r.check("loss bound");
        assertThat(bound.kind()).isEqualTo(MonitorCheck.Kind.BOUND);
        assertThat(bound.held()).as(bound.detail()).isTrue();
        assertThat(bound.firstViolation()).isNaN();
        assertThat(bound.worstRatio()).isLessThan(1);
        MonitorCheck inv = r.check("invariant");
        assertThat(inv.held()).isTrue();
        assertThat(r.check("movement").held()).isTrue();
        assertThat(r.check("interpretation").detail()).startsWith("lossBound HELD, invariant HELD");
        // the loss converges far faster than the bound (the real rate is about 1 − 2ηλ_min(G))
        double[] ratio = r.column("du_bound_ratio");
        assertThat(ratio[ratio.length - 1]).isLessThan(1e-3);
        // R_h(k) ≤ P_h(k): movement never exceeds the path length (triangle inequality)
        for (int h = 1; h <= 2; h++) {
            double[] move = r.column("du_move_" + h);
            double[] path = r.column("du_path_" + h);
            for (int k = 0; k < move.length; k++) {
                assertThat(move[k]).isLessThanOrEqualTo(path[k] * (1 + 1e-9) + 1e-15);
            }
            assertThat(move[0]).isEqualTo(0.0);
        }
        // M8: the per-step residual is recorded from step 1 on and is small
        double[] lin = r.column("du_lin_residual");
        assertThat(lin[0]).isNaN();
        assertThat(lin[1]).isLessThan(0.1);
        // M2 at k = 0 agrees with the report's phase-D value
        assertThat(r.column("du_lmin_gh")[0]).isCloseTo(
                r.report().quantity("lambdaMinGH0").orElseThrow().value(), within(1e-12));
    }

    @Test
    void fullyConnectedInitializationOrdersAtWidth1024() {
        DuFixtures.Ctx c = new DuFixtures.Ctx(DuFixtures.fc(3, 1024, 2, "softplus", DuTestActivations.SOFTPLUS),
                LimitKernelsTest.D3, new double[] {1, -1, 0.5});
        c.seed = 78;
        CertificateReport r = new DuCertificate(DuSettings.defaults()).assess(c.build());
        // §7.5 (m = 1024): initDev/λ_0 = 0.20–0.32 for two draws; §5.8: median 0.553, 90% quantile 1.10
        assertThat(r.quantity("initDevRatio").orElseThrow().value()).isBetween(0.05, 1.5);
        assertThat(r.quantity("lambdaMinG0").orElseThrow().value()).isBetween(0.1, 0.25);
        assertThat(r.quantity("lambdaMinGH0Ratio").orElseThrow().value()).isBetween(0.6, 1.5);
        assertThat(r.quantity("weightNorm2").orElseThrow().value()).isBetween(1.7, 2.05);
        assertThat(r.quantity("outputNorm4").orElseThrow().value()).isCloseTo(Math.pow(3, 0.25), within(0.1));
    }

    @Test
    void resNetRunHoldsTheBoundOnlyBecauseItIsSlack() {
        double[][] x = DuFixtures.sphere(8, 4, 0);
        double[] y = {1, -1, 1, 1, -1, -1, 1, -1};
        DuFixtures.Ctx c = new DuFixtures.Ctx(DuFixtures.resnet(4, 128, 3, 0.5, "softplus",
                DuTestActivations.SOFTPLUS), x, y);
        c.seed = 12345;
        Run r = run(c, 200);
        assertThat(r.report().verdict()).isEqualTo(Verdict.CONDITIONAL);
        double lambda0 = r.report().quantity("lambda0").orElseThrow().value();
        // §7.5: λ_0 ≈ 1e-4 for n = 8 (H² λ_0/c_res² is small), initDev/λ_0 ≈ 20 at m = 128
        assertThat(lambda0).isBetween(1e-6, 1e-2);
        assertThat(r.report().quantity("initDevRatio").orElseThrow().value()).isGreaterThan(2);
        assertThat(r.check("init event").held()).isFalse();
        assertThat(r.check("init event").firstViolation()).isEqualTo(0.0);
        MonitorCheck bound = r.check("loss bound");
        assertThat(bound.held()).isTrue();
        assertThat(bound.detail()).contains("slackBound");
        assertThat(r.check("drift").held()).isFalse();
        assertThat(r.check("lazy regime").detail()).startsWith("NOT_LAZY");
        // λ_min(G(0)) ≫ λ_0: the full Gram, not λ_0, governs the real speed
        assertThat(r.report().quantity("lambdaMinG0").orElseThrow().value()).isGreaterThan(10 * lambda0);
    }

    @Test
    void monitorIsOfferedOnlyWhereItMeansSomething() {
        DuFixtures.Ctx relu = new DuFixtures.Ctx(DuFixtures.fc(3, 16, 2, "relu", DuTestActivations.RELU),
                LimitKernelsTest.D3, new double[] {1, -1, 0.5});
        CertificateContext ctx = relu.build();
        DuCertificate cert = new DuCertificate(DuSettings.defaults());
        assertThat(cert.monitor(cert.assess(ctx), ctx)).isEmpty();
        HostMatrix x = HostMatrix.of(LimitKernelsTest.D3);
        assertThat(x.rows()).isEqualTo(3);
    }
}
