package org.gdcert.core.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.Decision;
import org.gdcert.core.train.Iterate;
import org.gdcert.core.train.RecordSchedule;
import org.gdcert.core.train.StopReason;
import org.gdcert.core.train.StopRules;
import org.gdcert.core.train.TrainingControl;

/**
 * The run engine's {@link TrainingControl}: records iterates on schedule (running the monitors),
 * stops on the rules, on divergence (NaN or infinite loss), on cancellation and on the wall clock,
 * and reports progress. Every recorded row goes to the {@link Trajectory} and to a sink (the CSV
 * file, flushed row by row, so nothing recorded is lost if the run dies).
 */
public final class RunControl implements TrainingControl {
    /** One monitor with its sub-sampling of record points. */
    public record Watched(Monitor monitor, long every) {
    }

    private final String runId;
    private final StopRules rules;
    private final RecordSchedule schedule;
    private final Network network;
    private final Matrix inputs;
    private final Matrix targets;
    private final ParameterSet initial;
    private final Axis axis;
    private final double stepSize;
    private final List<Watched> monitors;
    private final Trajectory trajectory;
    private final Consumer<double[]> sink;
    private final RunListener listener;
    private final BooleanSupplier cancelled;
    private final double targetNorm;
    private final ForwardPass pass;
    private final long startNanos = System.nanoTime();
    private long lastProgressNanos;
    private long recorded;
    private boolean started;
    private double firstLoss = Double.NaN;
    private double lastLoss = Double.NaN;
    private long lastStep = -1;
    private double lastTime = Double.NaN;
    private long lastRecordedStep = Long.MIN_VALUE;
    private final List<String> notes = new ArrayList<>();

    public RunControl(String runId, StopRules rules, RecordSchedule schedule, Network network, Matrix inputs,
            Matrix targets, ParameterSet initial, Axis axis, double stepSize, List<Watched> monitors,
            Consumer<double[]> sink, RunListener listener, BooleanSupplier cancelled) {
        this.runId = runId;
        this.rules = Objects.requireNonNull(rules);
        this.schedule = Objects.requireNonNull(schedule);
        this.network = network;
        this.inputs = inputs;
        this.targets = targets;
        this.initial = initial;
        this.axis = axis;
        this.stepSize = stepSize;
        this.monitors = List.copyOf(monitors);
        this.sink = sink;
        this.listener = listener;
        this.cancelled = cancelled;
        this.targetNorm = Math.sqrt(network.backend().sumOfSquares(targets));
        this.pass = network.newForwardPass(inputs.rows());
        List<String> cols = new ArrayList<>(Trajectory.BASE_COLUMNS);
        for (Watched w : monitors) {
            cols.addAll(w.monitor().columns());
        }
        this.trajectory = new Trajectory(cols);
    }

    public Trajectory trajectory() {
        return trajectory;
    }

    /** Messages optimizers passed through {@link #note}. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Φ at the last observed iterate. */
    public double lastLoss() {
        return lastLoss;
    }

    public long lastStep() {
        return lastStep;
    }

    public double lastTime() {
        return lastTime;
    }

    /** Seconds since the control was created. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) * 1e-9;
    }

    @Override
    public StopRules stopRules() {
        return rules;
    }

    @Override
    public RecordSchedule schedule() {
        return schedule;
    }

    @Override
    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }

    @Override
    public void note(String message) {
        notes.add(message);
        listener.message(message);
    }

    @Override
    public Decision observe(long step, double time, double loss, boolean record) {
        boolean wantRecord = record || !started || (axis == Axis.STEP ? schedule.recordsStep(step)
                : schedule.everyAcceptedStep());
        boolean needLoss = wantRecord || rules.lossBelow() > 0 || rules.residualBelow() > 0;
        if (Double.isNaN(loss) && needLoss) {
            loss = fullLoss();
        }
        // NaN that nobody needed is "unknown" (SGD between record points), not divergence: only the
        // budgets and cancellation are checked; if they stop the run, the loss is computed after all.
        boolean unknown = Double.isNaN(loss) && !needLoss;
        Decision d = decide(step, time, loss, unknown);
        if (unknown && d.shouldStop()) {
            loss = fullLoss();
            unknown = false;
            d = decide(step, time, loss, false);
        }
        lastStep = step;
        lastTime = time;
        if (!unknown) {
            lastLoss = loss;
        }
        if (!started) {
            firstLoss = loss;
        }
        if (wantRecord || d.shouldStop()) {
            recordRow(step, time, loss);
        }
        started = true;
        progress(step, time, loss, d.shouldStop());
        return d;
    }

    private Decision decide(long step, double time, double loss, boolean unknown) {
        String at = axis == Axis.STEP ? "step " + step : String.format(Locale.ROOT, "t = %.6g", time);
        if (unknown) {
            return decideBudgets(step, time, at);
        }
        if (Double.isNaN(loss)) {
            return Decision.stop(StopReason.DIVERGED, "loss became NaN at " + at);
        }
        if (Double.isInfinite(loss) || loss > 1e300) {
            return Decision.stop(StopReason.DIVERGED, "loss overflowed (" + loss + ") at " + at);
        }
        if (rules.lossBelow() > 0 && loss < rules.lossBelow()) {
            return Decision.stop(StopReason.LOSS_BELOW, String.format(Locale.ROOT, "loss %.3e < %.3e at %s", loss,
                    rules.lossBelow(), at));
        }
        if (rules.residualBelow() > 0 && relResidual(loss) < rules.residualBelow()) {
            return Decision.stop(StopReason.RESIDUAL_BELOW, String.format(Locale.ROOT,
                    "relative residual %.3e < %.3e at %s", relResidual(loss), rules.residualBelow(), at));
        }
        return decideBudgets(step, time, at);
    }

    private Decision decideBudgets(long step, double time, String at) {
        if (isCancelled()) {
            return Decision.stop(StopReason.CANCELLED, "cancelled at " + at);
        }
        if (step >= rules.maxSteps()) {
            return Decision.stop(StopReason.MAX_STEPS, "reached " + rules.maxSteps() + " steps");
        }
        if (time >= rules.maxTime()) {
            return Decision.stop(StopReason.MAX_TIME, String.format(Locale.ROOT, "reached t = %.6g", time));
        }
        if (elapsedSeconds() >= rules.wallSeconds()) {
            return Decision.stop(StopReason.WALL_TIME, String.format(Locale.ROOT, "wall-clock budget of %.0f s used at %s",
                    rules.wallSeconds(), at));
        }
        return Decision.CONTINUE;
    }

    private double relResidual(double loss) {
        return targetNorm == 0 ? Double.NaN : Math.sqrt(2 * loss) / targetNorm;
    }

    private double fullLoss() {
        network.forward(inputs, pass);
        return network.loss(pass, targets);
    }

    /** Records the current iterate (θ in the network) unless it is the one recorded last. */
    private void recordRow(long step, double time, double loss) {
        if (step == lastRecordedStep && axis == Axis.STEP) {
            return;
        }
        lastRecordedStep = step;
        double phi = Double.isFinite(loss) ? fullLoss() : loss;
        Iterate it = new Iterate(step, time, phi, network, pass, inputs, targets, initial, axis, stepSize);
        List<double[]> parts = new ArrayList<>();
        int width = Trajectory.BASE_COLUMNS.size();
        for (Watched w : monitors) {
            double[] vals;
            int n = w.monitor().columns().size();
            if (!Double.isFinite(phi)) {
                vals = nan(n);
            } else {
                if (!started) {
                    w.monitor().start(it);
                }
                vals = (recorded % w.every() == 0 || !started) ? w.monitor().observe(it) : nan(n);
                if (vals.length != n) {
                    throw new IllegalStateException("monitor returned " + vals.length + " values for " + n + " columns");
                }
            }
            parts.add(vals);
            width += n;
        }
        double[] row = new double[width];
        row[0] = step;
        row[1] = time;
        row[2] = phi;
        row[3] = relResidual(phi);
        row[4] = elapsedSeconds();
        int off = Trajectory.BASE_COLUMNS.size();
        for (double[] p : parts) {
            System.arraycopy(p, 0, row, off, p.length);
            off += p.length;
        }
        trajectory.add(row);
        sink.accept(row);
        recorded++;
    }

    private static double[] nan(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }

    private void progress(long step, double time, double loss, boolean last) {
        long now = System.nanoTime();
        if (!last && now - lastProgressNanos < 100_000_000L) {
            return;
        }
        lastProgressNanos = now;
        listener.progress(new RunListener.Progress(runId, step, time, loss, fraction(step, time, loss),
                elapsedSeconds()));
    }

    private double fraction(long step, double time, double loss) {
        double f = 0;
        boolean known = false;
        if (rules.maxSteps() < Long.MAX_VALUE / 2 && rules.maxSteps() > 0 && axis == Axis.STEP) {
            f = Math.max(f, (double) step / rules.maxSteps());
            known = true;
        }
        if (Double.isFinite(rules.maxTime())) {
            f = Math.max(f, time / rules.maxTime());
            known = true;
        }
        if (rules.lossBelow() > 0 && firstLoss > rules.lossBelow() && loss > 0) {
            f = Math.max(f, Math.log(firstLoss / loss) / Math.log(firstLoss / rules.lossBelow()));
            known = true;
        }
        if (Double.isFinite(rules.wallSeconds())) {
            f = Math.max(f, elapsedSeconds() / rules.wallSeconds());
            known = true;
        }
        return known ? Math.min(1, Math.max(0, f)) : Double.NaN;
    }

    /** Releases the control's buffers. */
    public void close() {
        pass.close();
    }
}
