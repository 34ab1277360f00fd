package org.gdcert.dsl.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.LossBound;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.train.Axis;
import org.knowm.xchart.XYChart;

/**
 * The plots of one run, built from its saved files: the loss on a log scale with every loss bound
 * of the certificates overlaid, and one plot per monitor column of the trajectory.
 */
public final class RunPlots {
    /** At most this many points per series (evenly thinned, the last point kept). */
    public static final int MAX_POINTS = 2000;
    /** Bounds are drawn down to this factor below the smallest loss, so they do not squash the plot. */
    public static final double BOUND_FLOOR = 1e-3;
    /** Losses above this factor times the first loss (a divergence) are cut, so the axis stays readable. */
    public static final double DIVERGENCE_CUT = 1e6;
    /** A monitor spanning more than this ratio (all values positive) is drawn on a log scale. */
    public static final double LOG_SPAN = 100;

    private RunPlots() {
    }

    /** The x column of the run's axis: {@code step} or {@code time}. */
    static String xColumn(Axis axis) {
        return axis == Axis.TIME ? "time" : "step";
    }

    static String xTitle(Axis axis) {
        return axis == Axis.TIME ? "time t" : "step k";
    }

    /**
     * The loss Φ against k (or t) on a log scale, with every certificate's loss bound: Φ0·ρ^k or
     * Φ0·e^{−rt}, labelled with the checker, its verdict if it is not CERTIFIED, the tag and the
     * formula. Empty when the trajectory has no positive loss.
     */
    public static Optional<Described<XYChart>> loss(SavedRun run) {
        if (run.trajectory().isEmpty() || !run.trajectory().get().has("loss")) {
            return Optional.empty();
        }
        Table t = run.trajectory().get();
        Axis axis = run.axis();
        double[] x = t.numbers(xColumn(axis));
        double[] steps = t.has("step") ? t.numbers("step") : x;
        double[] times = t.has("time") ? t.numbers("time") : x;
        double[] loss = t.numbers("loss");
        double cut = cutAbove(loss);
        List<Integer> keep = new ArrayList<>();
        double minLoss = Double.POSITIVE_INFINITY;
        boolean cutSome = false;
        for (int i = 0; i < loss.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(loss[i]) && loss[i] > 0 && loss[i] <= cut) {
                keep.add(i);
                minLoss = Math.min(minLoss, loss[i]);
            } else if (Double.isFinite(x[i]) && !(loss[i] <= cut)) {
                cutSome = true;
            }
        }
        if (keep.isEmpty()) {
            return Optional.empty();
        }
        XYChart c = Charts.xy(run.title() + ": loss", xTitle(axis), "loss Φ (log scale)");
        Charts.logY(c, true);
        List<Integer> thin = thin(keep);
        Charts.data(c.addSeries("loss Φ", pick(x, thin), pick(loss, thin)), Charts.DATA);
        double floor = Math.max(Double.MIN_NORMAL, minLoss * BOUND_FLOOR);
        List<String> drawn = new ArrayList<>();
        int colour = 0;
        for (CertificateReport r : run.certificates()) {
            if (r.lossBound().isEmpty()) {
                continue;
            }
            LossBound b = r.lossBound().get();
            double[] along = b.axis() == Axis.TIME ? times : steps;
            List<Double> bx = new ArrayList<>();
            List<Double> by = new ArrayList<>();
            for (int i : thin) {
                double v = Double.isFinite(along[i]) ? b.at(along[i]) : Double.NaN;
                if (Double.isFinite(v) && v >= floor) {
                    bx.add(x[i]);
                    by.add(v);
                }
            }
            if (bx.isEmpty()) {
                continue;
            }
            String label = boundLabel(r, b);
            Charts.theory(c.addSeries(unique(c, Charts.legend(label)), bx, by), Charts.overlay(colour++));
            drawn.add(label);
        }
        String desc = "The loss Φ against " + (axis == Axis.TIME ? "time t" : "the step k") + " on a log scale"
                + (drawn.isEmpty() ? "; no certificate gave a loss bound." : ", with the loss bounds: "
                        + String.join("; ", drawn) + ".")
                + (cutSome ? " The loss grew beyond 10^6 times its first value (or to infinity): those points are "
                        + "cut." : "");
        return Optional.of(new Described<>(c, desc));
    }

    /** Losses above this are not drawn: {@link #DIVERGENCE_CUT} times the first positive finite loss. */
    static double cutAbove(double[] loss) {
        for (double v : loss) {
            if (Double.isFinite(v) && v > 0) {
                return v * DIVERGENCE_CUT;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** {@code nguyen_mondelli [paper], ρ = 0.9993: Φ(θ_k) ≤ (1−ηα_0)^k Φ(θ_0)} (the rate first: long formulas are cut). */
    static String boundLabel(CertificateReport r, LossBound b) {
        String verdict = r.verdict() == Verdict.CERTIFIED ? "" : " (" + r.verdict().name().toLowerCase(Locale.ROOT)
                .replace('_', ' ') + ")";
        String rate = b.axis() == Axis.TIME ? "r = " + digits(b.rate(), 4) : "ρ = " + digits(b.rate(), 6);
        String formula = b.formula().isBlank() ? (b.axis() == Axis.TIME ? "Φ0·e^(−rt)" : "Φ0·ρ^k") : b.formula();
        return r.checker() + verdict + " [" + b.tag().word() + "], " + rate + ": " + formula;
    }

    /** {@code v} to {@code n} significant digits without trailing zeros ({@code 0.99}, {@code 0.999321}). */
    static String digits(double v, int n) {
        String s = String.format(Locale.ROOT, "%." + n + "g", v);
        if (s.contains("e") || !s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * One plot per monitor column: the recorded values against k (or t), on a log scale when all
     * are positive and span more than {@link #LOG_SPAN}. Columns with no finite value are skipped.
     */
    public static List<Described<XYChart>> monitors(SavedRun run) {
        List<Described<XYChart>> out = new ArrayList<>();
        if (run.trajectory().isEmpty()) {
            return out;
        }
        Table t = run.trajectory().get();
        Axis axis = run.axis();
        double[] x = t.numbers(xColumn(axis));
        for (String col : run.monitorColumns()) {
            double[] y = t.numbers(col);
            List<Integer> keep = new ArrayList<>();
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < y.length; i++) {
                if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                    keep.add(i);
                    min = Math.min(min, y[i]);
                    max = Math.max(max, y[i]);
                }
            }
            if (keep.isEmpty()) {
                continue;
            }
            boolean log = min > 0 && max / min > LOG_SPAN;
            XYChart c = Charts.xy(run.title() + ": " + col, xTitle(axis), col + (log ? " (log scale)" : ""));
            Charts.logY(c, log);
            List<Integer> thin = thin(keep);
            Charts.dataWithMarkers(c.addSeries(col, pick(x, thin), pick(y, thin)), Charts.DATA, keep.size() <= 60);
            c.getStyler().setLegendVisible(false);
            out.add(new Described<>(c, "The monitor column " + col + " against " + (axis == Axis.TIME ? "time t"
                    : "the step k") + (log ? " on a log scale" : "") + ", at the " + keep.size()
                    + " recorded iterates where it was measured."));
        }
        return out;
    }

    /** At most {@link #MAX_POINTS} of the indices, evenly spaced, first and last kept. */
    static List<Integer> thin(List<Integer> idx) {
        if (idx.size() <= MAX_POINTS) {
            return idx;
        }
        List<Integer> out = new ArrayList<>(MAX_POINTS);
        double stride = (idx.size() - 1) / (double) (MAX_POINTS - 1);
        int last = -1;
        for (int j = 0; j < MAX_POINTS; j++) {
            int k = (int) Math.round(j * stride);
            if (k != last) {
                out.add(idx.get(k));
                last = k;
            }
        }
        return out;
    }

    static double[] pick(double[] a, List<Integer> idx) {
        double[] out = new double[idx.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a[idx.get(i)];
        }
        return out;
    }

    /** XChart needs distinct series names. */
    static String unique(XYChart c, String label) {
        String l = label;
        for (int i = 2; c.getSeriesMap().containsKey(l); i++) {
            l = label + " (" + i + ")";
        }
        return l;
    }
}
