package org.gdcert.optimizers.comparison;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the data of seed 004's Figure 1 (spec certificates-sgd-relu.md §3.4): solutions y(t) of
 * the comparison ODE for a = c = c1 = c2 = 1 and α = linspace(2.042, 2.045, 31), both for the
 * paper's eq. (9) (k = 1, every curve bounded) and for the variant the figure was drawn with
 * (k = 2, curves below α* ≈ 2.0440653 blow up), with Λ(α) for the colour scale and the blow-up
 * thresholds of both by bisection (T = 50, y_blow = 5).
 *
 * <p>Files (CSV, one header line):
 * <ul>
 *   <li>{@code figure1_curves.csv}: {@code k,alpha,lambda,t,y} on t = 0, 0.05, …, 30 up to blow-up;</li>
 *   <li>{@code figure1_summary.csv}: {@code k,alpha,lambda,outcome,end_time,y_end,cross_0_6,lemma_bound};</li>
 *   <li>{@code figure1_thresholds.csv}: {@code k,alpha_star,lambda_at_alpha_star}.</li>
 * </ul>
 * Plot y against t clipped to [0, 1], one panel per k, coloured by Λ.
 */
public final class Figure1 {
    /** α range and count of the figure. */
    public static final double ALPHA_MIN = 2.042;
    public static final double ALPHA_MAX = 2.045;
    public static final int CURVES = 31;
    /** Horizon and output spacing of the curves. */
    public static final double HORIZON = 30;
    public static final double DT = 0.05;

    private Figure1() {
    }

    /** {@code Figure1 [directory]}: writes the three files (default directory {@code figure1}). */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "figure1");
        try {
            for (Path p : write(dir)) {
                System.out.println("wrote " + p);
            }
        } catch (UncheckedIOException e) {
            System.err.println("figure1: cannot write to " + dir + ": " + e.getCause().getMessage());
            System.exit(1);
        }
    }

    /** Writes the files into {@code dir} (created if needed) and returns their paths. */
    public static List<Path> write(Path dir) {
        StringBuilder curves = new StringBuilder("k,alpha,lambda,t,y\n");
        StringBuilder summary = new StringBuilder("k,alpha,lambda,outcome,end_time,y_end,cross_0_6,lemma_bound\n");
        StringBuilder thresholds = new StringBuilder("k,alpha_star,lambda_at_alpha_star\n");
        int nt = (int) Math.round(HORIZON / DT);
        double[] times = new double[nt + 1];
        for (int i = 0; i <= nt; i++) {
            times[i] = i * DT;
        }
        for (int k = 1; k <= 2; k++) {
            ComparisonOde ode = ComparisonOde.figure1(k);
            ComparisonOde.Options o = ComparisonOde.Options.standard(HORIZON).withTimes(times).withLevels(0.6);
            for (int a = 0; a < CURVES; a++) {
                double alpha = ALPHA_MIN + (ALPHA_MAX - ALPHA_MIN) * a / (CURVES - 1);
                double lambda = ode.lambda(alpha);
                ComparisonOde.Outcome out = ode.integrate(alpha, o);
                double[] ts = out.times();
                double[] ys = out.values();
                for (int i = 0; i < ts.length; i++) {
                    curves.append(k).append(',').append(num(alpha)).append(',').append(num(lambda)).append(',')
                            .append(num(ts[i])).append(',').append(num(ys[i])).append('\n');
                }
                summary.append(k).append(',').append(num(alpha)).append(',').append(num(lambda)).append(',')
                        .append(out.blewUp() ? "blowup" : "bounded").append(',').append(num(out.endTime())).append(',')
                        .append(num(out.yEnd())).append(',').append(num(out.levelTimes()[0])).append(',')
                        .append(num(ode.lemmaBound(alpha))).append('\n');
            }
            double star = k == 1 ? ode.threshold(1.7, 1.8, ComparisonOde.Options.standard(50), 1e-9)
                    : ode.threshold(2.04, 2.05, ComparisonOde.Options.standard(50), 1e-9);
            thresholds.append(k).append(',').append(num(star)).append(',').append(num(ode.lambda(star))).append('\n');
        }
        List<Path> out = new ArrayList<>();
        out.add(writeAtomically(dir.resolve("figure1_curves.csv"), curves.toString()));
        out.add(writeAtomically(dir.resolve("figure1_summary.csv"), summary.toString()));
        out.add(writeAtomically(dir.resolve("figure1_thresholds.csv"), thresholds.toString()));
        return out;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "nan" : String.format(Locale.ROOT, "%.10g", v);
    }

    private static Path writeAtomically(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".partial");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
