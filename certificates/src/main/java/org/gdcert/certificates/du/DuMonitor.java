package org.gdcert.certificates.du;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gdcert.certificates.kernels.RatioTracker;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.Iterate;
import org.gdcert.core.train.MonitorCheck;

/**
 * Phase E of the {@code du} checker (spec certificates-du.md §5.6, §6): on every recorded iterate,
 * the loss bound B(k) = (1 − ηλ_0/2)^k L(0) (M1), the proof's invariant λ_min(G^(H)(k)) ≥ λ_0/2
 * (M2), the Gram drift and total deviation (M3), the weight movement against the a-priori radius
 * R̄_h (M5), per-layer norms and the feature-Gram profile (M6), the full Gram G(k) (M7), the
 * linearization residual and per-step margin (M8, when consecutive steps are recorded), the
 * activation-derivative drift (M10), the global kernel drift (M11), and the lazy-regime summary
 * (M12). A trajectory is a statement about the recorded iterates only, and never upgrades the
 * verdict.
 */
final class DuMonitor implements Monitor {
    private final DuModel model;
    private final double lambda0;
    private final double budget;
    private final double conversion;
    private final boolean covered;
    private final double[][] gram;
    private final LimitKernels.Result kernels;
    private final double[] y;
    private final double floor;
    private final int n;
    private final int m;
    private final int depth;
    private final List<String> columns = new ArrayList<>();

    private Network net;
    private Backend backend;
    private ParameterSet initial;
    private GramProbe probe;
    private Matrix[] deriv0;
    private Matrix nm;
    private final Map<String, Matrix> diffs = new HashMap<>();
    private double[] weightNorm0;
    private double[][] gTop0;
    private double[][] gTotal0;
    private double loss0 = Double.NaN;
    private double residual0;
    private double[] rbarSqrtMax;
    private double[] path;
    private boolean pathValid = true;
    private long lastStep = Long.MIN_VALUE;
    private double[] lastResidual;
    private double[][] lastTotal;
    private double[][] lastLayerNorms;
    private double lastPosition = Double.NaN;
    private double lastEta = Double.NaN;
    private double initDev = Double.NaN;
    private double maxRelMove;
    private double maxDsigma;

    private final RatioTracker bound;
    private final RatioTracker looseBound;
    private final RatioTracker invariant;
    private final RatioTracker drift;
    private final RatioTracker total;
    private final RatioTracker initEvent;
    private final RatioTracker movement;
    private final RatioTracker stability;
    private final RatioTracker margin;
    private final RatioTracker flowBound;

    DuMonitor(DuAssessment a, CertificateContext ctx) {
        this.model = a.model();
        this.kernels = a.kernel().kernels();
        this.gram = kernels.gram();
        this.lambda0 = a.kernel().lambda0();
        this.budget = a.kernel().budget();
        this.conversion = ctx.reduction().gradientMultiplier(ctx.samples(), 1);
        this.covered = a.applicability().applicable() && ctx.axis() == Axis.STEP;
        this.y = ctx.targets().data().clone();
        double yy = 0;
        for (double v : y) {
            yy += v * v;
        }
        this.floor = DuSettings.BOUND_FLOOR * Math.max(1, yy);
        this.n = ctx.samples();
        this.m = model.width();
        this.depth = model.depth();
        String thm = model.architecture().theorem();
        bound = new RatioTracker("loss bound L(k) ≤ (1 − ηλ_0/2)^k L(0) (" + thm + ", conditional)",
                covered ? MonitorCheck.Kind.BOUND : MonitorCheck.Kind.INFO);
        looseBound = new RatioTracker("loss bound with λ_0 − Δ", MonitorCheck.Kind.INFO);
        invariant = new RatioTracker("invariant λ_min(G^(H)(k)) ≥ λ_0/2", MonitorCheck.Kind.REGIME);
        drift = new RatioTracker("drift ‖G^(H)(k) − G^(H)(0)‖_2 ≤ λ_0/4 (spec default)", MonitorCheck.Kind.REGIME);
        total = new RatioTracker("total ‖G^(H)(k) − K^(H)‖_2 ≤ λ_0/2 (spec default)", MonitorCheck.Kind.REGIME);
        initEvent = new RatioTracker("init event ‖G^(H)(0) − K^(H)‖_2 ≤ λ_0/4 (spec default)", MonitorCheck.Kind.REGIME);
        movement = new RatioTracker("movement ‖W^(h)(k) − W^(h)(0)‖_F/√m ≤ R̄_h [D]", MonitorCheck.Kind.REGIME);
        stability = new RatioTracker("linear stability η λ_max(G(k)) < 2", MonitorCheck.Kind.INFO);
        margin = new RatioTracker("per-step contraction margin (M8) ≥ 0", MonitorCheck.Kind.INFO);
        flowBound = new RatioTracker("[X] flow bound L(t) ≤ e^{−λ_0 t} L(0) (extension, under the invariant)",
                MonitorCheck.Kind.INFO);
        columns.addAll(List.of("du_bound", "du_bound_ratio", "du_lmin_gh", "du_lmin_gh_ratio", "du_drift_ratio",
                "du_total_ratio", "du_lmin_g", "du_lmax_g", "du_eta_lmax", "du_lin_residual", "du_margin",
                "du_kernel_drift"));
        for (int h = 1; h <= depth; h++) {
            columns.addAll(List.of("du_move_" + h, "du_move_bound_" + h, "du_path_" + h, "du_dsigma_" + h));
        }
        columns.addAll(List.of("du_move_a", "du_move_bound_a"));
        for (int h = 1; h <= depth; h++) {
            if (h < depth) {
                columns.add("du_feat_dev_" + h);
            }
            columns.add("du_norm_min_" + h);
            columns.add("du_norm_max_" + h);
        }
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public void start(Iterate it) {
        net = it.network();
        backend = net.backend();
        initial = it.initial();
        probe = new GramProbe(net, n);
        deriv0 = new Matrix[depth + 1];
        for (int h = 1; h <= depth; h++) {
            Matrix d = it.forward().derivative(h);
            if (d != null) {
                deriv0[h] = backend.zeros(d.rows(), d.cols());
                backend.copy(d, deriv0[h]);
            }
        }
        nm = backend.zeros(n, m);
        weightNorm0 = new double[depth + 2];
        for (int h = 1; h <= depth + 1; h++) {
            weightNorm0[h] = Math.sqrt(backend.sumOfSquares(initial.weight(h)));
        }
        rbarSqrtMax = new double[depth + 2];
        path = new double[depth + 2];
        GramProbe.Snapshot s = probe.measure(it.forward());
        gTop0 = s.layer(depth);
        gTotal0 = s.total();
        loss0 = it.loss();
        double[] e = residual(s.output());
        residual0 = norm(e);
        initDev = SymmetricSpectrum.distance(gTop0, gram);
        initEvent.update(it.position(), initDev / (DuSettings.INIT_FRACTION * lambda0));
    }

    @Override
    public double[] observe(Iterate it) {
        if (probe == null) {
            start(it);
        }
        double[] v = new double[columns.size()];
        java.util.Arrays.fill(v, Double.NaN);
        GramProbe.Snapshot s = probe.measure(it.forward());
        double k = it.position();
        double eta = it.stepSize() * conversion;
        double loss = it.loss();
        int c = 0;
        // M1
        if (it.axis() == Axis.STEP && Double.isFinite(eta)) {
            double rho = 1 - eta * (lambda0 + budget) / 2;
            double rhoLoose = 1 - eta * (lambda0 - budget) / 2;
            if (rho > 0 && rho < 1) {
                double b = Math.exp(Math.log(loss0) + k * Math.log(rho));
                double ratio = loss / (b * (1 + DuSettings.BOUND_RELATIVE) + floor);
                v[c] = b;
                v[c + 1] = loss / b;
                bound.update(k, ratio);
                double bl = Math.exp(Math.log(loss0) + k * Math.log(rhoLoose));
                looseBound.update(k, loss / (bl * (1 + DuSettings.BOUND_RELATIVE) + floor));
                lastEta = eta;
            }
        } else if (it.axis() == Axis.TIME) {
            double b = loss0 * Math.exp(-lambda0 * it.time());
            v[c] = b;
            v[c + 1] = loss / b;
            flowBound.update(it.time(), loss / (b * (1 + DuSettings.BOUND_RELATIVE) + floor));
        }
        c += 2;
        // M2, M3
        double[][] gTop = s.layer(depth);
        double lmin = SymmetricSpectrum.of(gTop).min();
        v[c++] = lmin;
        v[c++] = lmin / lambda0;
        invariant.update(k, DuSettings.INVARIANT_FRACTION * lambda0 / lmin);
        double dr = SymmetricSpectrum.distance(gTop, gTop0);
        v[c++] = dr / lambda0;
        drift.update(k, dr / (DuSettings.DRIFT_FRACTION * lambda0));
        double tot = SymmetricSpectrum.distance(gTop, gram);
        v[c++] = tot / lambda0;
        total.update(k, tot / (DuSettings.INVARIANT_FRACTION * lambda0));
        // M7
        double[][] g = s.total();
        SymmetricSpectrum sg = SymmetricSpectrum.of(g);
        v[c++] = sg.min();
        v[c++] = sg.max();
        if (Double.isFinite(eta)) {
            v[c] = eta * sg.max();
            stability.update(k, eta * sg.max() / 2);
        }
        c++;
        // M8
        double[] e = residual(s.output());
        if (it.axis() == Axis.STEP && lastResidual != null && it.step() == lastStep + 1 && Double.isFinite(eta)) {
            double[] lin = new double[n];
            for (int i = 0; i < n; i++) {
                double acc = lastResidual[i];
                for (int j = 0; j < n; j++) {
                    acc -= eta * lastTotal[i][j] * lastResidual[j];
                }
                lin[i] = acc;
            }
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                r[i] = e[i] - lin[i];
            }
            double ePrev = norm(lastResidual);
            double contraction = Math.sqrt(Math.max(0, 1 - eta * lambda0 / 2)) * ePrev;
            v[c] = norm(r) / ePrev;
            v[c + 1] = (contraction - norm(lin) - norm(r)) / ePrev;
            margin.update(k, (norm(lin) + norm(r)) / contraction);
        }
        c += 2;
        // M11
        v[c++] = frobenius(g, gTotal0) / frobenius(gTotal0, null);
        // M5, M10
        boolean consecutive = it.axis() == Axis.STEP && (lastStep == Long.MIN_VALUE || it.step() == lastStep + 1);
        if (!consecutive && lastStep != Long.MIN_VALUE) {
            pathValid = false;
        }
        double worstMove = 0;
        String worstLayer = "";
        for (int h = 1; h <= depth + 1; h++) {
            double lmax = SymmetricSpectrum.of(s.layer(h)).max();
            rbarSqrtMax[h] = Math.max(rbarSqrtMax[h], Math.sqrt(Math.max(lmax, 0)));
            double rbar = 4 * rbarSqrtMax[h] * residual0 / (lambda0 * Math.sqrt(m));
            double move = movement(h) / Math.sqrt(m);
            maxRelMove = Math.max(maxRelMove, move / (DuSettings.LAZY_FRACTION * weightNorm0[h] / Math.sqrt(m)));
            if (h <= depth) {
                v[c] = move;
                v[c + 1] = rbar;
                if (pathValid && lastLayerNorms != null && it.step() == lastStep + 1) {
                    path[h] += lastEta * lastLayerNorms[0][h] / Math.sqrt(m);
                }
                v[c + 2] = pathValid ? path[h] : Double.NaN;
                if (deriv0[h] != null) {
                    backend.sub(it.forward().derivative(h), deriv0[h], nm);
                    double ds = Math.sqrt(backend.sumOfSquares(nm) / backend.sumOfSquares(deriv0[h]));
                    v[c + 3] = ds;
                    maxDsigma = Math.max(maxDsigma, ds);
                }
                c += 4;
            } else {
                v[c] = move;
                v[c + 1] = rbar;
                c += 2;
            }
            double ratio = move / rbar;
            if (ratio > worstMove || worstLayer.isEmpty()) {
                worstMove = ratio;
                worstLayer = h <= depth ? "W^(" + h + ")" : "a";
            }
        }
        movement.update(k, worstMove, worstLayer);
        // M6
        for (int h = 1; h <= depth; h++) {
            double[][] f = s.feature(h);
            if (h < depth) {
                v[c++] = SymmetricSpectrum.distance(f, kernels.feature(h));
            }
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                min = Math.min(min, f[i][i]);
                max = Math.max(max, f[i][i]);
            }
            v[c++] = min;
            v[c++] = max;
        }
        // remember for M8 and the path length: ‖∂L/∂W^(h)‖_F = √(eᵀG^(h)e)
        lastLayerNorms = new double[][] {gradientNorms(s, e)};
        lastResidual = e;
        lastTotal = g;
        lastStep = it.step();
        lastPosition = k;
        if (Double.isFinite(eta)) {
            lastEta = eta;
        }
        return v;
    }

    private double[] gradientNorms(GramProbe.Snapshot s, double[] e) {
        double[] out = new double[depth + 2];
        for (int h = 1; h <= depth + 1; h++) {
            double[][] gh = s.layer(h);
            double q = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    q += e[i] * gh[i][j] * e[j];
                }
            }
            out[h] = Math.sqrt(Math.max(q, 0));
        }
        return out;
    }

    /** ‖W_h(k) − W_h(0)‖_F on the backend. */
    private double movement(int h) {
        Matrix w = net.parameters().weight(h);
        String key = w.rows() + "x" + w.cols();
        Matrix tmp = diffs.computeIfAbsent(key, x -> backend.zeros(w.rows(), w.cols()));
        backend.sub(w, initial.weight(h), tmp);
        return Math.sqrt(backend.sumOfSquares(tmp));
    }

    /** y − u. */
    private double[] residual(double[] u) {
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = y[i] - u[i];
        }
        return e;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private static double frobenius(double[][] a, double[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                double d = a[i][j] - (b == null ? 0 : b[i][j]);
                s += d * d;
            }
        }
        return Math.sqrt(s);
    }

    @Override
    public List<MonitorCheck> checks() {
        List<MonitorCheck> out = new ArrayList<>();
        if (probe == null) {
            return out;
        }
        boolean slack = false;
        if (Double.isFinite(lastEta) && Double.isFinite(lastPosition)) {
            double rho = 1 - lastEta * lambda0 / 2;
            slack = rho > 0 && Math.pow(rho, lastPosition) > 0.5;
        }
        if (bound.observed()) {
            String detail = covered ? "recorded iterates only; checked with λ_0 + Δ (strictest)" : "not the theorem's "
                    + "setting (optimizer not covered): informative only";
            if (looseBound.observed() && looseBound.held() != bound.held()) {
                detail += "; with λ_0 − Δ the result differs (held = " + looseBound.held() + ")";
            }
            if (slack) {
                detail += String.format(Locale.ROOT, "; slackBound: B(T)/L(0) = %.4g > 0.5 — the bound is too slack to "
                        + "test anything over this horizon", Math.pow(1 - lastEta * lambda0 / 2, lastPosition));
            }
            out.add(bound.check(detail));
        }
        if (flowBound.observed()) {
            out.add(flowBound.check("[X] extension: along the flow du/dt = G(t)(y − u); the GD limit e^{−λ_0 t/2} is "
                    + "weaker; Theorems 5.1/6.1 do not cover gradient flow"));
        }
        out.add(invariant.check("the proof's invariant (from the rate 1 − ηλ_0/2); λ_0 = " + fmt(lambda0)));
        out.add(initEvent.check(String.format(Locale.ROOT, "initDev/λ_0 = %.4g", initDev / lambda0)));
        out.add(drift.check("O(m^{−1/2}) in the lazy regime"));
        out.add(total.check("implies the invariant by Weyl"));
        out.add(movement.check("worst layer " + movement.binding() + "; R̄_h = 4·max_s √λ_max(G^(h)(s))·‖y − u(0)‖/"
                + "(λ_0√m) bounds the movement whenever the loss bound holds (spec §6 M5)"));
        if (stability.observed()) {
            out.add(stability.check("beyond 2 the linearized residual dynamics diverge"));
        }
        if (margin.observed()) {
            out.add(margin.check("exact per-step sufficient condition for ‖e_{k+1}‖² ≤ (1 − ηλ_0/2)‖e_k‖² "
                    + "(consecutive recorded steps only)"));
        }
        List<String> notLazy = new ArrayList<>();
        if (!invariant.held()) {
            notLazy.add("invariant");
        }
        if (!drift.held()) {
            notLazy.add("drift");
        }
        if (maxRelMove >= 1) {
            notLazy.add("movement ≥ 0.1·‖W(0)‖_F");
        }
        if (maxDsigma >= DuSettings.LAZY_FRACTION) {
            notLazy.add("σ' drift ≥ 0.1");
        }
        out.add(new MonitorCheck("lazy regime (M12)", MonitorCheck.Kind.INFO, notLazy.isEmpty(), Double.NaN,
                Double.NaN, notLazy.isEmpty() ? "LAZY" : "NOT_LAZY (" + String.join(", ", notLazy) + ")"));
        String meaning;
        boolean lb = !bound.observed() || bound.held();
        if (lb && invariant.held()) {
            meaning = "consistent with the theorem's mechanism (not a proof for unrecorded k)";
        } else if (lb) {
            meaning = "converged, but outside the proof's regime: the decrease came from other layers' Grams (M7), or "
                    + "the bound is slack because ηλ_0 is tiny";
        } else if (invariant.held()) {
            meaning = "η too large for the (unknown) constant, or a large linearization residual (M8); this does not "
                    + "contradict the theorem, whose hypotheses are undecidable";
        } else {
            meaning = "outside the regime; nothing follows";
        }
        if (slack) {
            meaning += "; slackBound: the bound is too slack to test anything over this horizon";
        }
        if (invariant.held() && (!drift.held() || !initEvent.held())) {
            meaning += "; sufficientConditionsFailed: the invariant held although its sufficient conditions failed "
                    + "(drift concentrated outside the bottom eigenspace)";
        }
        out.add(new MonitorCheck("interpretation (spec §5.6)", MonitorCheck.Kind.INFO, lb && invariant.held(),
                Double.NaN, Double.NaN, "lossBound " + (lb ? "HELD" : "VIOLATED") + ", invariant "
                        + (invariant.held() ? "HELD" : "VIOLATED") + ": " + meaning));
        return out;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** Releases the backend buffers (also safe to leave to the garbage collector on host backends). */
    void close() {
        if (probe != null) {
            probe.close();
        }
        if (nm != null) {
            nm.close();
        }
        for (Matrix d : deriv0 == null ? new Matrix[0] : deriv0) {
            if (d != null) {
                d.close();
            }
        }
        diffs.values().forEach(Matrix::close);
    }
}
