package org.gdcert.optimizers;

import java.util.function.Consumer;
import org.gdcert.core.train.Decision;
import org.gdcert.core.train.TrainingControl;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * The bridge between a Hipparchus integration and the {@link TrainingControl}: for every accepted
 * step it records the requested output times inside the step from the dense output (θ(t) put into
 * the network first), then observes the step end (the step count is the number of accepted
 * steps), and stops the integration when the control says so by throwing {@link Halt}.
 *
 * <p>A continuous optimizer with discontinuities (the Clarke flow) passes an {@link EventScan}:
 * when it finds an event inside a step, the step is cut there, the part up to the event is
 * reported like a whole step, and {@link Cut} carries the state at the event out of the
 * integrator so that the caller can reclassify and restart.
 */
final class FlowTracker implements ODEStepHandler {

    /** Finds the earliest discontinuity in an accepted step: its time, or NaN if none. */
    interface EventScan {
        double firstEvent(ODEStateInterpolator step);
    }

    /** The control asked to stop. */
    static final class Halt extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Decision decision;

        Halt(Decision decision) {
            super(decision.message(), null, false, false);
            this.decision = decision;
        }
    }

    /** An event inside a step: restart from {@link #state} at {@link #time}. */
    static final class Cut extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final double time;
        final transient double[] state;

        Cut(double time, double[] state) {
            super("event at t = " + time, null, false, false);
            this.time = time;
            this.state = state;
        }
    }

    private final TrainingControl control;
    private final OutputTimes outputs;
    private final boolean everyStep;
    private final double tEnd;
    private final Consumer<double[]> load;
    private final LossCache cache;
    private EventScan scan;
    private long steps;
    private double time;
    private double[] state;
    private boolean lossEvent;
    private double lossEventTime = Double.NaN;
    private boolean lastRecorded;

    /**
     * @param everyStep record every accepted step (not only the output times)
     * @param tEnd the final time of the integration (its step end is always recorded)
     * @param load puts a state into the network
     */
    FlowTracker(TrainingControl control, OutputTimes outputs, boolean everyStep, double tEnd, Consumer<double[]> load,
            LossCache cache) {
        this.control = control;
        this.outputs = outputs;
        this.everyStep = everyStep;
        this.tEnd = tEnd;
        this.load = load;
        this.cache = cache;
    }

    void setScan(EventScan scan) {
        this.scan = scan;
    }

    /** Observes (and records) the initial state; throws {@link Halt} if the control stops at once. */
    void start(double t0, double[] y0) {
        time = t0;
        state = y0.clone();
        load.accept(state);
        observe(t0, cache.loss(state), true);
    }

    /** Called by the loss-level event handler before the step ending at the event is handed over. */
    void lossEventAt(double t) {
        lossEvent = true;
        lossEventTime = t;
    }

    boolean lossEventFired() {
        return lossEvent;
    }

    long steps() {
        return steps;
    }

    double time() {
        return time;
    }

    /** The last accepted (or cut) state. */
    double[] state() {
        return state;
    }

    @Override
    public void handleStep(ODEStateInterpolator step) {
        double ta = step.getPreviousState().getTime();
        ODEStateAndDerivative end = step.getCurrentState();
        double tb = end.getTime();
        boolean cut = false;
        if (scan != null) {
            double te = scan.firstEvent(step);
            if (!Double.isNaN(te) && te <= tb) {
                cut = true;
                if (te < tb) {
                    tb = te;
                    end = step.getInterpolatedState(te);
                }
            }
        }
        boolean last = !cut && Math.abs(tb - tEnd) <= 4 * Math.ulp(tEnd);
        if (last) {
            tb = tEnd;
        }
        while (outputs.peek() < tb && !outputs.isNext(tb)) {
            double t = outputs.next();
            if (t <= ta) {
                continue;
            }
            double[] y = step.getInterpolatedState(t).getPrimaryState();
            time = t;
            state = y;
            load.accept(y);
            observe(t, cache.known(y), true);
        }
        boolean record = everyStep || last || (lossEvent && tb == lossEventTime);
        if (outputs.isNext(tb)) {
            outputs.next();
            record = true;
        }
        steps++;
        time = tb;
        state = end.getPrimaryState();
        load.accept(state);
        observe(tb, cache.known(state), record);
        if (cut) {
            throw new Cut(tb, state);
        }
    }

    /** Records the last state if it was not recorded (after a stall); the decision no longer matters. */
    void recordFinal() {
        if (!lastRecorded) {
            load.accept(state);
            control.observe(steps, time, cache.known(state), true);
            lastRecorded = true;
        }
    }

    /** Observes the state already in the network; throws {@link Halt} on a stop. */
    void observe(double t, double loss, boolean record) {
        lastRecorded = record;
        Decision d = control.observe(steps, t, loss, record);
        if (d.shouldStop()) {
            throw new Halt(d);
        }
    }
}
