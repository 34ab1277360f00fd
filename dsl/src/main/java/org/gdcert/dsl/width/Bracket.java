package org.gdcert.dsl.width;

import java.util.OptionalInt;

/**
 * The search for the smallest converging width at one point, as a bracket between the largest
 * width seen failing and the smallest seen converging. From the start width it doubles up while
 * runs fail, or halves down while they converge, within [min, max]; once a failure lies below a
 * success it bisects until the two are adjacent (or within the relative resolution). It assumes
 * that convergence is monotone in the width; when a width fails above one that converged, the
 * search stops and {@link #monotone()} says so.
 */
public final class Bracket {
    private static final int NONE_FAILED = 0;
    private final int min;
    private final int max;
    private final int start;
    private final double resolution;
    private int failed = NONE_FAILED;
    private int converged = Integer.MAX_VALUE;
    private boolean monotone = true;

    /**
     * @param start the first width tried (clamped to [min, max])
     * @param min the smallest width considered (≥ 1)
     * @param max the largest width considered
     * @param resolution stop when the bracket is at most this fraction of the converging width
     *     (0: adjacent integers, the exact smallest width)
     */
    public Bracket(int start, int min, int max, double resolution) {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("need 1 <= min <= max, got min " + min + ", max " + max);
        }
        if (!(resolution >= 0 && resolution < 1)) {
            throw new IllegalArgumentException("resolution must be in [0, 1), got " + resolution);
        }
        this.min = min;
        this.max = max;
        this.start = Math.max(min, Math.min(max, start));
        this.resolution = resolution;
    }

    /** The next width to try, or empty when the search is over. */
    public OptionalInt next() {
        if (!monotone) {
            return OptionalInt.empty();
        }
        boolean anyFailed = failed != NONE_FAILED;
        boolean anyConverged = converged != Integer.MAX_VALUE;
        if (!anyFailed && !anyConverged) {
            return OptionalInt.of(start);
        }
        if (!anyConverged) {
            return failed >= max ? OptionalInt.empty() : OptionalInt.of((int) Math.min(max, 2L * failed));
        }
        if (!anyFailed) {
            return converged <= min ? OptionalInt.empty() : OptionalInt.of(Math.max(min, converged / 2));
        }
        long gap = (long) converged - failed;
        if (gap <= Math.max(1, (long) Math.floor(resolution * converged))) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) (failed + gap / 2));
    }

    /** Records the outcome at {@code width}. */
    public void record(int width, boolean ok) {
        if (ok) {
            converged = Math.min(converged, width);
        } else {
            failed = Math.max(failed, width);
        }
        if (failed != NONE_FAILED && converged != Integer.MAX_VALUE && failed > converged) {
            monotone = false;
        }
    }

    /** The smallest width seen converging, if any. */
    public OptionalInt smallest() {
        return converged == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(converged);
    }

    /** The largest width seen failing, if any. */
    public OptionalInt largestFailing() {
        return failed == NONE_FAILED ? OptionalInt.empty() : OptionalInt.of(failed);
    }

    /** False when a width failed above one that converged (the answer is then only the smallest seen). */
    public boolean monotone() {
        return monotone;
    }

    /** Whether the search is over. */
    public boolean done() {
        return next().isEmpty();
    }
}
