package org.gdcert.certificates.du;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.Condition;
import org.gdcert.core.cert.Quantity;
import org.gdcert.core.cert.Tag;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.Network;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Matrix;

/**
 * Phase D (spec certificates-du.md §5.5): the proof's quantities on the concrete θ0, exact up to
 * floating point: u(0), L(θ0), every G^(h)(0), initDev = ‖G^(H)(0) − K^(H)‖_2 against the spec
 * default λ_0/4, the feature-Gram propagation profile, per-layer norms, random-matrix context and
 * the a-priori movement radii R̄_h(0).
 */
final class InitDiagnostics {
    /** At most this many power-iteration steps for ‖W_h(0)‖_2 (context only). */
    private static final int POWER_STEPS = 60;
    /** ... and at most about this many multiply-adds in total. */
    private static final double POWER_BUDGET = 4e8;

    final GramProbe.Snapshot snapshot;
    final double loss;
    final double residualNorm;
    final double initDev;
    final double lambdaMinTop;
    final double lambdaMinTotal;
    final double lambdaMaxTotal;
    final double[] radius;
    final List<Quantity> quantities = new ArrayList<>();
    final List<Condition> conditions = new ArrayList<>();

    private InitDiagnostics(CertificateContext ctx, DuModel model, KernelSolver.Outcome kernel, double etaPaper,
            double delta) {
        Network net = ctx.network();
        int n = ctx.samples();
        int depth = model.depth();
        int m = model.width();
        double lambda0 = kernel.lambda0();
        LimitKernels.Result lim = kernel.kernels();
        try (Matrix x = net.backend().upload(ctx.inputs()); ForwardPass fp = net.newForwardPass(n);
                GramProbe probe = new GramProbe(net, n)) {
            net.forward(x, fp);
            snapshot = probe.measure(fp);
        }
        double[] y = ctx.targets().data();
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double r = snapshot.output()[i] - y[i];
            ss += r * r;
        }
        loss = 0.5 * ss;
        residualNorm = Math.sqrt(ss);
        add("loss0", "L(θ(0))", loss, "eq. (1)", Tag.PAPER, "½Σ(u_i(0) − y_i)² on the concrete θ0");
        add("residualPerSample", "‖y − u(0)‖²/n", ss / n, "§2.2", Tag.DERIVED,
                "the proof needs ‖y − u(0)‖² = O(n) (hidden constant)");
        double[][] gTop = snapshot.layer(depth);
        double[][] total = snapshot.total();
        SymmetricSpectrum sTotal = SymmetricSpectrum.of(total);
        lambdaMinTotal = sTotal.min();
        lambdaMaxTotal = sTotal.max();
        add("lambdaMinG0", "λ_min(G(0))", lambdaMinTotal, "§1.7", Tag.DERIVED,
                "the full Gram G = Σ_h G^(h) governs the real speed; the paper analyses only G^(H)");
        add("lambdaMaxG0", "λ_max(G(0))", lambdaMaxTotal, "§1.7", Tag.DERIVED, "");
        radius = new double[depth + 2];
        for (int h = 1; h <= depth + 1; h++) {
            SymmetricSpectrum s = SymmetricSpectrum.of(snapshot.layer(h));
            String layer = h <= depth ? "W^(" + h + ")" : "a";
            add("lambdaMinG" + h + "_0", "λ_min(G^(" + h + ")(0))", s.min(), "§1.7", Tag.DERIVED, "Gram of " + layer);
            add("lambdaMaxG" + h + "_0", "λ_max(G^(" + h + ")(0))", s.max(), "§1.7", Tag.DERIVED, "");
            add("traceG" + h + "_0", "tr G^(" + h + ")(0)", trace(snapshot.layer(h)), "§1.7", Tag.DERIVED, "");
            radius[h] = 4 * Math.sqrt(Math.max(s.max(), 0)) * residualNorm / (lambda0 * Math.sqrt(m));
            add("radius" + h + "_0", "R̄_" + (h <= depth ? h : "a") + "(0)", radius[h], "§6 M5", Tag.DERIVED,
                    "a-priori movement radius 4·√λ_max(G^(" + h + ")(0))·‖y − u(0)‖/(λ_0√m): if the loss bound holds up "
                    + "to k, ‖W(k) − W(0)‖_F/√m ≤ R̄ (the monitor keeps the running max over recorded steps)");
        }
        lambdaMinTop = SymmetricSpectrum.of(gTop).min();
        initDev = SymmetricSpectrum.distance(gTop, lim.gram());
        add("initDev", "‖G^(H)(0) − K^(H)‖_2", initDev, "§4.4 item 2, §5.5", Tag.DERIVED,
                "the initial perturbation of the analysed Gram");
        add("initDevRatio", "initDev/λ_0", initDev / lambda0, "§5.5", Tag.DERIVED,
                "initEvent holds iff ≤ 1/4 (spec default; the main text says only 'close')");
        conditions.add(Condition.evaluate("init_event", "§5.5 (spec default)", "initial deviation "
                + "‖G^(H)(0) − K^(H)‖_2 ≤ λ_0/4 (threshold is a spec default, not a paper constant)", initDev, "<=",
                DuSettings.INIT_FRACTION * lambda0, 0, "", Tag.DERIVED));
        add("lambdaMinGH0", "λ_min(G^(H)(0))", lambdaMinTop, "§5.5", Tag.DERIVED, "");
        add("lambdaMinGH0Ratio", "λ_min(G^(H)(0))/λ_0", lambdaMinTop / lambda0, "§5.5", Tag.DERIVED,
                "≥ 3/4 is implied by the init event (Weyl)");
        conditions.add(Condition.evaluate("init_lambda_min", "§5.5", "λ_min(G^(H)(0)) ≥ 3λ_0/4 (implied by the init "
                + "event by Weyl)", lambdaMinTop, ">=", 0.75 * lambda0, 0, "", Tag.DERIVED));
        double fluct = n * Math.sqrt(Math.log(depth * (double) n / delta) / m);
        add("fluctuationScale", "n·√(ln(Hn/δ)/m)", fluct, "§4.4, §5.5", Tag.DERIVED,
                "predicted scale of the initial entry fluctuations");
        add("initDevEmpiricalConstant", "initDev/(n√(ln(Hn/δ)/m))", initDev / fluct, "§5.5", Tag.DERIVED,
                "ESTIMATE: the empirical constant of the last width term on this draw; not the paper's constant");
        // propagation profile and per-layer norms (M6 at k = 0)
        double e1 = Double.NaN;
        for (int h = 1; h <= depth - 1; h++) {
            double eh = SymmetricSpectrum.distance(snapshot.feature(h), lim.feature(h));
            if (h == 1) {
                e1 = eh;
            }
            add("featureDev" + h, "E_" + h + " = ‖F^(" + h + ")(0) − K^(" + h + ")‖_2", eh, "eqs. (4)/(5), §5.5",
                    Tag.DERIVED, "propagation profile (A8: feature Grams, not the gradient Gram the paper writes)");
            add("featureDevRatio" + h, "E_" + h + "/E_1", eh / e1, "eqs. (4)/(5)", Tag.DERIVED,
                    model.resnet() ? "should stay O(1) for the ResNet" : "may grow like 2^{O(H)} for FC");
        }
        for (int h = 1; h <= depth; h++) {
            double[][] f = snapshot.feature(h);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double predMin = Double.POSITIVE_INFINITY;
            double predMax = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                min = Math.min(min, f[i][i]);
                max = Math.max(max, f[i][i]);
                predMin = Math.min(predMin, lim.feature(h)[i][i]);
                predMax = Math.max(predMax, lim.feature(h)[i][i]);
            }
            String pred = predMin == predMax ? String.format(Locale.ROOT, "%.9g", predMin)
                    : String.format(Locale.ROOT, "[%.6g, %.6g]", predMin, predMax);
            Tag tag = h == depth ? Tag.EXTENSION : Tag.DERIVED;
            add("normMin" + h, "min_i ‖x_i^(" + h + ")(0)‖²", min, "§5.5 (term n/δ)", tag, "predicted " + pred);
            add("normMax" + h, "max_i ‖x_i^(" + h + ")(0)‖²", max, "§5.5 (term n/δ)", tag, "predicted " + pred);
            if (model.resnet()) {
                double[] bh = lim.means().get(h);
                double[] sums = snapshot.featureRowSums().get(h);
                double dev = 0;
                for (int i = 0; i < n; i++) {
                    dev = Math.max(dev, Math.abs(sums[i] / Math.sqrt(m) - bh[i]));
                }
                add("meanDev" + h, "max_i |b̂_i^(" + h + ") − b_i^(" + h + ")|", dev, "§3.3, §5.5", tag,
                        String.format(Locale.ROOT, "b̂ = 1ᵀx^(h)/√m against the limit b^(h) (= %.9g for sample 1)",
                                bh[0]));
            }
        }
        // random-matrix context [X]
        for (int h = 1; h <= depth + 1; h++) {
            HostMatrix w = ctx.weight(h);
            String sym = h <= depth ? "‖W^(" + h + ")(0)‖_2/√m" : "‖a(0)‖_2/√m";
            double norm = h <= depth ? spectralNorm(w) : Math.sqrt(sumSquares(w.data()));
            add("weightNorm" + h, sym, norm / Math.sqrt(m), "§5.5, M9", Tag.EXTENSION, h == 1
                    ? String.format(Locale.ROOT, "≈ 1 + √(d/m) = %.4g for Gaussian W^(1)", 1 + Math.sqrt(
                            (double) model.inputDim() / m))
                    : h <= depth ? "≈ 2 for a square Gaussian matrix (power iteration, lower estimate)" : "≈ 1");
        }
        double a4 = 0;
        for (double v : ctx.weight(depth + 1).data()) {
            a4 += v * v * v * v;
        }
        add("outputNorm4", "‖a(0)‖_4/m^{1/4}", Math.pow(a4, 0.25) / Math.pow(m, 0.25), "§5.5", Tag.EXTENSION,
                "≈ 3^{1/4} = 1.316");
        if (!Double.isNaN(etaPaper)) {
            double ls = etaPaper * lambdaMaxTotal;
            add("linearStability", "η λ_max(G(0))", ls, "§4.3", Tag.DERIVED, "the linearized dynamics diverge at ≥ 2");
            conditions.add(Condition.evaluate("linear_stability", "§4.3 [D]", "η < 2/λ_max(G(0)); otherwise the "
                    + "theorem's step-size hypothesis is almost surely not met", ls, "<", 2, 0, "", Tag.DERIVED));
        }
    }

    static InitDiagnostics compute(CertificateContext ctx, DuModel model, KernelSolver.Outcome kernel, double etaPaper,
            double delta) {
        return new InitDiagnostics(ctx, model, kernel, etaPaper, delta);
    }

    private void add(String name, String symbol, double value, String eq, Tag tag, String note) {
        quantities.add(new Quantity(name, symbol, value, eq, tag, note));
    }

    static double trace(double[][] a) {
        double t = 0;
        for (int i = 0; i < a.length; i++) {
            t += a[i][i];
        }
        return t;
    }

    private static double sumSquares(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return s;
    }

    /** ‖W‖_2 by power iteration on WᵀW from a fixed start (a lower estimate). */
    static double spectralNorm(HostMatrix w) {
        int r = w.rows();
        int c = w.cols();
        double[] v = new double[c];
        for (int j = 0; j < c; j++) {
            v[j] = 1 + 0.37 * Math.sin(1.3 * j + 0.2);
        }
        double[] t = new double[r];
        double sigma = 0;
        double[] a = w.data();
        int steps = (int) Math.max(10, Math.min(POWER_STEPS, POWER_BUDGET / (2.0 * r * c)));
        for (int it = 0; it < steps; it++) {
            double nv = Math.sqrt(sumSquares(v));
            for (int j = 0; j < c; j++) {
                v[j] /= nv;
            }
            for (int i = 0; i < r; i++) {
                double s = 0;
                int off = i * c;
                for (int j = 0; j < c; j++) {
                    s += a[off + j] * v[j];
                }
                t[i] = s;
            }
            sigma = Math.sqrt(sumSquares(t));
            java.util.Arrays.fill(v, 0);
            for (int i = 0; i < r; i++) {
                int off = i * c;
                double ti = t[i];
                for (int j = 0; j < c; j++) {
                    v[j] += a[off + j] * ti;
                }
            }
        }
        return sigma;
    }
}
