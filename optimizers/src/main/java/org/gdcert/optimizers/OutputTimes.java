package org.gdcert.optimizers;

import java.util.Arrays;

/**
 * The increasing sequence of requested output times: an explicit list merged with the multiples
 * k·Δt (k ≥ 1) of a period, times ≤ {@code after} dropped, near-duplicates (within 1e-12
 * relative) merged.
 */
final class OutputTimes {
    private static final double SAME = 1e-12;
    private final double[] listed;
    private final double period;
    private int index;
    private long multiple = 1;

    OutputTimes(double[] listed, double period, double after) {
        double[] l = listed.clone();
        Arrays.sort(l);
        this.listed = l;
        this.period = period;
        while (index < l.length && !(l[index] > after)) {
            index++;
        }
        if (Double.isFinite(period)) {
            multiple = Math.max(1, (long) Math.floor(after / period) + 1);
            while (multiple * period <= after) {
                multiple++;
            }
        }
    }

    private double nextListed() {
        return index < listed.length ? listed[index] : Double.POSITIVE_INFINITY;
    }

    private double nextMultiple() {
        return Double.isFinite(period) ? multiple * period : Double.POSITIVE_INFINITY;
    }

    /** The next output time, +∞ if none. */
    double peek() {
        return Math.min(nextListed(), nextMultiple());
    }

    /** Consumes and returns the next output time (and any time within 1e-12 relative of it). */
    double next() {
        double t = peek();
        double tol = SAME * Math.max(1, Math.abs(t));
        while (nextListed() <= t + tol) {
            index++;
        }
        while (nextMultiple() <= t + tol) {
            multiple++;
        }
        return t;
    }

    /** Whether {@code t} is (within 1e-12 relative) the next output time. */
    boolean isNext(double t) {
        double p = peek();
        return Double.isFinite(p) && Math.abs(p - t) <= SAME * Math.max(1, Math.abs(t));
    }
}
