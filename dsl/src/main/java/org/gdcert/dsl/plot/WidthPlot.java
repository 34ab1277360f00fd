package org.gdcert.dsl.plot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Condition;
import org.gdcert.core.cert.Tag;
import org.gdcert.core.cert.Verdict;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The smallest width at which training converges, against N, beside the width requirements the
 * certificates compute. A requirement is a certificate condition with id {@code width} or
 * {@code *_width} (its right side is the width the theorem asks for: nguyen_mondelli's n_1 ≥ N,
 * nguyen_relu's n_{L−1} ≥ N, song's and sgd_relu's d_1 ≥ N, du's scaling M and sgd_relu's
 * Corollary 4.5 width with their unspecified constants set to 1, tagged hidden and labelled so).
 * Nothing else is drawn: a theorem whose width requirement is not computed does not appear.
 */
public final class WidthPlot {
    /** Axes whose positive values span more than this ratio are logarithmic. */
    public static final double LOG_SPAN = 20;

    private WidthPlot() {
    }

    /**
     * One width tried at one N.
     *
     * @param samples N
     * @param width the width
     * @param converged runs that reached the target
     * @param runs runs
     */
    public record Trial(int samples, int width, int converged, int runs) {
        public double fraction() {
            return runs == 0 ? 0 : converged / (double) runs;
        }
    }

    /**
     * The outcome at one N.
     *
     * @param samples N
     * @param smallest the smallest width that converged in at least the required fraction of runs
     * @param largestTried the largest width tried
     */
    public record Point(int samples, OptionalInt smallest, int largestTried) {
    }

    /**
     * A certified width requirement as a function of N.
     *
     * @param label legend text: checker, equation, what is required, tag, and for hidden constants that they were set to 1
     * @param tag the condition's tag
     * @param byN the required width (the condition's right side) per N: the median over the runs at that N
     */
    public record Requirement(String label, Tag tag, Map<Integer, Double> byN) {
        public Requirement {
            Objects.requireNonNull(label);
            Objects.requireNonNull(tag);
            byN = Collections.unmodifiableMap(new TreeMap<>(byN));
        }
    }

    /**
     * Everything the plot shows.
     *
     * @param widthName what the width is ({@code n_1 (layer 1)})
     * @param threshold the fraction of runs that must converge
     * @param trials every (N, width) tried
     * @param points the outcome per N
     * @param requirements the certified requirements
     */
    public record Data(String widthName, double threshold, List<Trial> trials, List<Point> points,
            List<Requirement> requirements) {
        public Data {
            Objects.requireNonNull(widthName);
            trials = List.copyOf(trials);
            points = List.copyOf(points);
            requirements = List.copyOf(requirements);
        }
    }

    /** The smallest converging width per N from the trials. */
    public static List<Point> points(List<Trial> trials, double threshold) {
        Map<Integer, List<Trial>> byN = new TreeMap<>();
        for (Trial t : trials) {
            byN.computeIfAbsent(t.samples(), k -> new ArrayList<>()).add(t);
        }
        List<Point> out = new ArrayList<>();
        byN.forEach((n, ts) -> {
            OptionalInt smallest = ts.stream().filter(t -> t.runs() > 0 && t.fraction() >= threshold)
                    .mapToInt(Trial::width).min();
            out.add(new Point(n, smallest, ts.stream().mapToInt(Trial::width).max().orElse(0)));
        });
        return out;
    }

    /**
     * A requirement found in one report, before aggregation over runs.
     *
     * @param key identifies the requirement across runs (checker and equation)
     * @param label legend text
     * @param tag the condition's tag
     * @param width the required width (the condition's right side)
     * @param applicable whether the report's verdict was other than INAPPLICABLE
     */
    public record Found(String key, String label, Tag tag, double width, boolean applicable) {
    }

    /** The width requirements of a run's reports: conditions with id {@code width} and a finite right side. */
    public static List<Found> requirements(List<CertificateReport> reports) {
        List<Found> out = new ArrayList<>();
        for (CertificateReport r : reports) {
            for (Condition c : r.conditions()) {
                if (!isWidthCondition(c) || !Double.isFinite(c.rhs()) || c.rhs() <= 0) {
                    continue;
                }
                out.add(new Found(r.checker() + "|" + c.equation(), requirementLabel(r.checker(), c), c.tag(),
                        c.rhs(), r.verdict() != Verdict.INAPPLICABLE));
            }
        }
        return out;
    }

    /**
     * A width requirement: a {@code ≥} condition whose id is {@code width} or ends in {@code _width}
     * (sgd_relu's {@code cor45_width}), its left side the width and its right side the requirement.
     */
    static boolean isWidthCondition(Condition c) {
        return (c.id().equals("width") || c.id().endsWith("_width")) && c.relation().startsWith(">");
    }

    /** {@code nguyen_mondelli (Ass. 2.1): n_1 >= N [paper]}; hidden ones say their constants were set to 1. */
    static String requirementLabel(String checker, Condition c) {
        String what = "";
        int colon = c.description().lastIndexOf(": ");
        if (colon >= 0 && c.description().length() - colon <= 40) {
            what = ": " + c.description().substring(colon + 2).trim();
        }
        String label = checker + " (" + c.equation() + ")" + what + " [" + c.tag().word() + "]";
        if (c.tag() == Tag.HIDDEN) {
            label += " — unspecified constants set to 1: a scaling, not a bound";
        }
        return label;
    }

    /**
     * Aggregates requirements found in runs at various N: the median per N of each requirement. A
     * requirement whose checker was INAPPLICABLE in every run is left out: the theorem does not
     * speak about this setting (a checker that is inapplicable only because the width is too
     * small is applicable at the larger widths tried).
     */
    public static List<Requirement> aggregate(Map<Integer, List<Found>> foundByN) {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, Tag> tags = new LinkedHashMap<>();
        Map<String, Map<Integer, List<Double>>> values = new LinkedHashMap<>();
        java.util.Set<String> applicable = new java.util.HashSet<>();
        foundByN.values().forEach(fs -> fs.stream().filter(Found::applicable).forEach(f -> applicable.add(f.key())));
        new TreeMap<>(foundByN).forEach((n, fs) -> {
            for (Found f : fs) {
                if (!applicable.contains(f.key())) {
                    continue;
                }
                labels.putIfAbsent(f.key(), f.label());
                tags.putIfAbsent(f.key(), f.tag());
                values.computeIfAbsent(f.key(), k -> new TreeMap<>()).computeIfAbsent(n, k -> new ArrayList<>())
                        .add(f.width());
            }
        });
        List<Requirement> out = new ArrayList<>();
        values.forEach((key, perN) -> {
            Map<Integer, Double> med = new TreeMap<>();
            perN.forEach((n, vs) -> med.put(n, median(vs)));
            out.add(new Requirement(labels.get(key), tags.get(key), med));
        });
        return out;
    }

    static double median(List<Double> vs) {
        List<Double> s = new ArrayList<>(vs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : 0.5 * (s.get(n / 2 - 1) + s.get(n / 2));
    }

    /**
     * The width plot of a sweep over N and a hidden layer's width, from its runs: the first hidden
     * layer whose width varies across the runs is the width; a run counts as converged when the
     * results table says {@code yes}. Empty unless some width varies and the runs had a target.
     */
    public static Optional<Data> fromSweep(SavedExperiment e, double threshold) {
        if (e.results().isEmpty() || !e.results().get().has("converged") || !e.results().get().has("run")) {
            return Optional.empty();
        }
        Table t = e.results().get();
        Map<String, String> converged = new LinkedHashMap<>();
        List<String> ids = t.column("run");
        List<String> conv = t.column("converged");
        for (int i = 0; i < t.size(); i++) {
            converged.put(ids.get(i), conv.get(i));
        }
        List<SavedRun> runs = new ArrayList<>();
        for (SavedRun r : e.runs()) {
            String c = converged.get(r.runId());
            if (r.finished() && r.samples().isPresent() && r.widths().isPresent() && ("yes".equals(c)
                    || "no".equals(c))) {
                runs.add(r);
            }
        }
        // a width against N needs N to vary: with one N the plot is a column of dots that says
        // nothing the heat maps do not say better
        if (runs.stream().mapToInt(r -> r.samples().getAsInt()).distinct().count() < 2) {
            return Optional.empty();
        }
        int depth = runs.get(0).widths().get().length - 1;
        int layer = -1;
        for (int l = 1; l < depth && layer < 0; l++) {
            TreeSet<Integer> ws = new TreeSet<>();
            for (SavedRun r : runs) {
                int[] w = r.widths().get();
                if (w.length == depth + 1) {
                    ws.add(w[l]);
                }
            }
            if (ws.size() > 1) {
                layer = l;
            }
        }
        if (layer < 0) {
            return Optional.empty();
        }
        Map<Long, int[]> cells = new TreeMap<>();
        Map<Integer, List<Found>> found = new TreeMap<>();
        for (SavedRun r : runs) {
            int[] w = r.widths().get();
            if (w.length != depth + 1) {
                continue;
            }
            int n = r.samples().getAsInt();
            long key = ((long) n << 32) | w[layer];
            int[] c = cells.computeIfAbsent(key, k -> new int[2]);
            c[0] += "yes".equals(converged.get(r.runId())) ? 1 : 0;
            c[1]++;
            found.computeIfAbsent(n, k -> new ArrayList<>()).addAll(requirements(r.certificates()));
        }
        List<Trial> trials = new ArrayList<>();
        cells.forEach((k, c) -> trials.add(new Trial((int) (k >> 32), (int) (k & 0xffffffffL), c[0], c[1])));
        return Optional.of(new Data("n_" + layer + " (width of layer " + layer + ")", threshold, trials,
                points(trials, threshold), aggregate(found)));
    }

    /** The plot. */
    public static Described<XYChart> chart(Data d, String experiment) {
        XYChart c = Charts.xy(experiment + ": smallest converging width", "N (samples)", d.widthName());
        List<Double> allX = new ArrayList<>();
        List<Double> allY = new ArrayList<>();
        List<Double> okX = new ArrayList<>();
        List<Double> okY = new ArrayList<>();
        List<Double> badX = new ArrayList<>();
        List<Double> badY = new ArrayList<>();
        for (Trial t : d.trials()) {
            boolean ok = t.runs() > 0 && t.fraction() >= d.threshold();
            (ok ? okX : badX).add((double) t.samples());
            (ok ? okY : badY).add((double) t.width());
        }
        List<Double> sx = new ArrayList<>();
        List<Double> sy = new ArrayList<>();
        List<Double> noneX = new ArrayList<>();
        List<Double> noneY = new ArrayList<>();
        for (Point p : d.points()) {
            if (p.smallest().isPresent()) {
                sx.add((double) p.samples());
                sy.add((double) p.smallest().getAsInt());
            } else if (p.largestTried() > 0) {
                noneX.add((double) p.samples());
                noneY.add((double) p.largestTried());
            }
        }
        String share = String.format(Locale.ROOT, "%.0f%%", 100 * d.threshold());
        if (!sx.isEmpty()) {
            XYSeries s = c.addSeries("smallest width converging in ≥ " + share + " of runs", sx, sy);
            Charts.dataWithMarkers(s, Charts.DATA, true);
        }
        if (!okX.isEmpty()) {
            scatter(c.addSeries("tried: converged (≥ " + share + ")", okX, okY), new java.awt.Color(44, 160, 44),
                    SeriesMarkers.CIRCLE);
        }
        if (!badX.isEmpty()) {
            scatter(c.addSeries("tried: did not converge", badX, badY), new java.awt.Color(160, 160, 160),
                    SeriesMarkers.CROSS);
        }
        if (!noneX.isEmpty()) {
            scatter(c.addSeries("no converging width up to the largest tried", noneX, noneY),
                    new java.awt.Color(0, 0, 0), SeriesMarkers.TRIANGLE_UP);
        }
        allX.addAll(okX);
        allX.addAll(badX);
        allY.addAll(okY);
        allY.addAll(badY);
        int colour = 0;
        List<String> reqs = new ArrayList<>();
        for (Requirement r : d.requirements()) {
            List<Double> rx = new ArrayList<>();
            List<Double> ry = new ArrayList<>();
            r.byN().forEach((n, w) -> {
                rx.add((double) n);
                ry.add(w);
            });
            XYSeries s = c.addSeries(RunPlots.unique(c, Charts.legend(r.label())), rx, ry);
            Charts.theory(s, Charts.overlay(colour++));
            if (rx.size() == 1) {
                s.setMarker(SeriesMarkers.DIAMOND);
            }
            allX.addAll(rx);
            allY.addAll(ry);
            reqs.add(r.label());
        }
        Charts.logX(c, logScale(allX));
        Charts.logY(c, logScale(allY));
        String desc = "For each N, the smallest " + d.widthName() + " at which at least " + share + " of the runs "
                + "reached the target, among the widths tried (green: converged, grey: did not)"
                + (reqs.isEmpty() ? "; no certificate computed a width requirement."
                        : "; dashed: the certificates' width requirements: " + String.join("; ", reqs) + ".");
        return new Described<>(c, desc);
    }

    private static void scatter(XYSeries s, java.awt.Color colour, org.knowm.xchart.style.markers.Marker marker) {
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
        s.setMarkerColor(colour);
        s.setLineColor(colour);
    }

    static boolean logScale(List<Double> v) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double x : v) {
            if (x <= 0 || !Double.isFinite(x)) {
                return false;
            }
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        return !v.isEmpty() && max / min > LOG_SPAN;
    }
}
