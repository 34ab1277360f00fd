package org.gdcert.dsl.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import org.gdcert.core.run.PlanExecutor;
import org.gdcert.core.run.RunResult;
import org.gdcert.core.run.RunSpec;

/**
 * Progress of a plan: on a terminal a bar redrawn in place (step, loss, rate, ETA; for sweeps
 * runs done of total); otherwise a plain line every few seconds, so logs stay readable.
 */
final class ProgressPrinter implements PlanExecutor.Listener {
    private static final long LINE_INTERVAL_NANOS = 5_000_000_000L;
    private static final int BAR = 24;
    private final PrintWriter out;
    private final boolean terminal;
    private final int totalRuns;
    private final long start = System.nanoTime();
    private long lastLine = System.nanoTime() - LINE_INTERVAL_NANOS; // the first progress is always shown
    private int done;
    private boolean drawn;

    ProgressPrinter(PrintWriter out, boolean terminal, int totalRuns) {
        this.out = out;
        this.terminal = terminal;
        this.totalRuns = totalRuns;
    }

    @Override
    public synchronized void progress(Progress p) {
        long now = System.nanoTime();
        String line = describe(p);
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
            out.flush();
            drawn = true;
        } else if (now - lastLine >= LINE_INTERVAL_NANOS) {
            lastLine = now;
            out.println(line);
            out.flush();
        }
    }

    private String describe(Progress p) {
        StringBuilder sb = new StringBuilder();
        double f = p.fraction();
        if (totalRuns > 1) {
            double overall = (done + (Double.isNaN(f) ? 0 : f)) / totalRuns;
            sb.append(bar(overall)).append(String.format(Locale.ROOT, " %d/%d runs  ", done, totalRuns));
        } else if (!Double.isNaN(f)) {
            sb.append(bar(f)).append(' ');
        }
        sb.append(p.runId()).append(String.format(Locale.ROOT, "  step %d", p.step()));
        if (!Double.isNaN(p.loss())) {
            sb.append(String.format(Locale.ROOT, "  loss %.4e", p.loss()));
        }
        if (p.elapsedSeconds() > 0 && p.step() > 0) {
            sb.append(String.format(Locale.ROOT, "  %.0f steps/s", p.step() / p.elapsedSeconds()));
        }
        if (!Double.isNaN(f) && f > 0.001 && totalRuns == 1) {
            sb.append("  ETA ").append(duration(p.elapsedSeconds() * (1 - f) / f));
        } else if (totalRuns > 1 && done > 0) {
            double elapsed = (System.nanoTime() - start) * 1e-9;
            sb.append("  ETA ").append(duration(elapsed * (totalRuns - done) / done));
        }
        return sb.toString();
    }

    private static String bar(double f) {
        int full = (int) Math.round(Math.max(0, Math.min(1, f)) * BAR);
        return "[" + "#".repeat(full) + ".".repeat(BAR - full) + String.format(Locale.ROOT, "] %3.0f%%", 100 * f);
    }

    static String duration(double s) {
        if (!Double.isFinite(s)) {
            return "?";
        }
        long t = Math.round(s);
        if (t < 60) {
            return t + "s";
        }
        if (t < 3600) {
            return String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, (t / 60) % 60, t % 60);
    }

    @Override
    public synchronized void message(String text) {
        clear();
        out.println(text);
        out.flush();
    }

    @Override
    public synchronized void skipped(RunSpec run) {
        done++;
        clear();
        out.println("  " + run.runId() + ": already done in " + run.directory() + " (skipped)");
        out.flush();
    }

    @Override
    public synchronized void finished(RunSpec run, Optional<RunResult> result, Optional<String> error, int d, int total) {
        done = d;
        clear();
        if (totalRuns > 1) {
            if (error.isPresent()) {
                out.println(String.format(Locale.ROOT, "  [%d/%d] %s: failed: %s", d, total, run.runId(), error.get()));
            } else {
                RunResult r = result.orElseThrow();
                out.println(String.format(Locale.ROOT, "  [%d/%d] %s: %s, loss %.4e after %d steps (%s)", d, total,
                        run.runId(), r.status().name().toLowerCase(Locale.ROOT), r.finalLoss(), r.steps(),
                        duration(r.wallSeconds())));
            }
            out.flush();
        }
    }

    /** Erases the bar so a message starts on a clean line. */
    synchronized void clear() {
        if (terminal && drawn) {
            out.print("\r\u001b[K");
            drawn = false;
        }
    }
}
