package org.gdcert.core.train;

import java.util.Arrays;

/**
 * Which iterates are recorded: every {@code everySteps} steps (discrete), every {@code everyTime}
 * time units or at the listed {@code times} (continuous), or every accepted integrator step when
 * {@code everyAcceptedStep} is set. The first and the last iterate are always recorded.
 */
public record RecordSchedule(long everySteps, double everyTime, double[] times, boolean everyAcceptedStep) {

    public RecordSchedule {
        if (everySteps < 1) {
            throw new IllegalArgumentException("everySteps must be >= 1");
        }
        if (!(everyTime > 0)) {
            throw new IllegalArgumentException("everyTime must be > 0");
        }
        times = times.clone();
        Arrays.sort(times);
    }

    public static RecordSchedule everyStep(long k) {
        return new RecordSchedule(k, Double.POSITIVE_INFINITY, new double[0], false);
    }

    public RecordSchedule withEveryTime(double dt) {
        return new RecordSchedule(everySteps, dt, times, everyAcceptedStep);
    }

    public RecordSchedule withTimes(double... ts) {
        return new RecordSchedule(everySteps, everyTime, ts, everyAcceptedStep);
    }

    public RecordSchedule withEveryAcceptedStep(boolean b) {
        return new RecordSchedule(everySteps, everyTime, times, b);
    }

    /** Whether step k is a record point. */
    public boolean recordsStep(long k) {
        return k % everySteps == 0;
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordSchedule r && r.everySteps == everySteps && r.everyTime == everyTime
                && Arrays.equals(r.times, times) && r.everyAcceptedStep == everyAcceptedStep;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(everySteps) * 31 + Arrays.hashCode(times);
    }

    @Override
    public String toString() {
        return "RecordSchedule[everySteps=" + everySteps + ", everyTime=" + everyTime + ", times="
                + Arrays.toString(times) + ", everyAcceptedStep=" + everyAcceptedStep + "]";
    }
}
