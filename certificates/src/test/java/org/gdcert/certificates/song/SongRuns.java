package org.gdcert.certificates.song;

import java.util.ArrayList;
import java.util.List;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.Iterate;
import org.gdcert.core.train.MonitorCheck;

/**
 * Full-batch gradient descent and a classical RK4 gradient flow on gdcert's engine (reference
 * backend), observed by the checker's monitor: the certificates module cannot depend on the
 * optimizers module, so tests drive training themselves, exactly as the optimizers do (the step
 * follows the training loss's gradient, ∇Φ times the reduction's multiplier).
 */
final class SongRuns {
    private SongRuns() {
    }

    /** What a run produced. */
    record Run(CertificateReport report, List<double[]> rows, List<String> columns, List<MonitorCheck> checks,
            List<Double> paperLoss, List<Double> lengths, int steps) {
        double[] column(String name) {
            int c = columns.indexOf(name);
            return rows.stream().mapToDouble(r -> r[c]).toArray();
        }

        MonitorCheck check(String prefix) {
            return checks.stream().filter(k -> k.name().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no check " + prefix + " in " + checks));
        }
    }

    /**
     * GD with step η (on the training loss) until h = ‖Z − Y‖² falls below {@code stopH} or
     * {@code maxSteps} steps; every iterate is observed. Returns h per iterate in paper units.
     */
    static Run descent(SongCertificate cert, CertificateContext ctx, double eta, int maxSteps, double stopH) {
        CertificateReport report = cert.assess(ctx);
        Monitor mon = cert.monitor(report, ctx).orElseThrow();
        Network net = ctx.network();
        int n = ctx.samples();
        double c = ctx.reduction().gradientMultiplier(n, ctx.spec().outputDim());
        List<double[]> rows = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        int k = 0;
        try (Matrix x = SongFixtures.BACKEND.upload(ctx.inputs());
                Matrix y = SongFixtures.BACKEND.upload(ctx.targets());
                ForwardPass fp = net.newForwardPass(n); ParameterSet initial = net.parameters().copy();
                ParameterSet grad = net.parameters().zerosLike()) {
            for (; k <= maxSteps; k++) {
                net.forward(x, fp);
                double phi = net.loss(fp, y);
                losses.add(2 * phi);
                if (2 * phi < stopH) {
                    break;
                }
                Iterate it = new Iterate(k, k * eta, phi, net, fp, x, y, initial, Axis.STEP, eta);
                if (k == 0) {
                    mon.start(it);
                }
                rows.add(mon.observe(it));
                net.gradient(fp, grad);
                net.parameters().axpyInPlace(-eta * c, grad);
            }
        }
        return new Run(report, rows, mon.columns(), mon.checks(), losses, List.of(), k);
    }

    /**
     * Gradient flow dθ/dt = −∇(training loss) by classical RK4 with step dt up to {@code tEnd}, the
     * path length ℓ(t) = ∫‖∇h‖ integrated alongside; the monitor observes every {@code every}-th
     * step. Returns h = ‖Z − Y‖² and ℓ at every recorded time.
     */
    static Run flow(SongCertificate cert, CertificateContext ctx, double tEnd, double dt, int every) {
        CertificateReport report = cert.assess(ctx);
        Monitor mon = cert.monitor(report, ctx).orElseThrow();
        Network net = ctx.network();
        int n = ctx.samples();
        double c = ctx.reduction().gradientMultiplier(n, ctx.spec().outputDim());
        List<double[]> rows = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        List<Double> lengths = new ArrayList<>();
        int steps = (int) Math.round(tEnd / dt);
        try (Matrix x = SongFixtures.BACKEND.upload(ctx.inputs());
                Matrix y = SongFixtures.BACKEND.upload(ctx.targets());
                ForwardPass fp = net.newForwardPass(n); ParameterSet initial = net.parameters().copy();
                ParameterSet base = net.parameters().copy(); ParameterSet acc = net.parameters().zerosLike();
                ParameterSet g = net.parameters().zerosLike()) {
            double length = 0;
            for (int k = 0; k <= steps; k++) {
                double t = k * dt;
                if (k % every == 0) {
                    net.forward(x, fp);
                    double phi = net.loss(fp, y);
                    Iterate it = new Iterate(k, t, phi, net, fp, x, y, initial, Axis.TIME, Double.NaN);
                    if (k == 0) {
                        mon.start(it);
                    }
                    rows.add(mon.observe(it));
                    losses.add(2 * phi);
                    lengths.add(length);
                }
                if (k == steps) {
                    break;
                }
                base.copyFrom(net.parameters());
                acc.zeroInPlace();
                double lacc = 0;
                double[] stage = {0, 0.5, 0.5, 1};
                double[] weight = {1, 2, 2, 1};
                ParameterSet theta = net.parameters();
                for (int s = 0; s < 4; s++) {
                    if (s > 0) {
                        theta.copyFrom(base);
                        theta.axpyInPlace(-stage[s] * dt * c, g);
                    }
                    net.forward(x, fp);
                    net.loss(fp, y);
                    net.gradient(fp, g);
                    acc.axpyInPlace(weight[s], g);
                    lacc += weight[s] * c * Math.sqrt(g.normSquared());
                }
                theta.copyFrom(base);
                theta.axpyInPlace(-dt * c / 6, acc);
                length += dt * lacc / 6;
            }
        }
        return new Run(report, rows, mon.columns(), mon.checks(), losses, lengths, steps);
    }
}
