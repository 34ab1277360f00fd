package org.gdcert.dsl.width;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class BracketTest {
    /** Runs the search against a predicate; returns the widths tried. */
    private static List<Integer> search(Bracket b, IntPredicate converges) {
        List<Integer> tried = new ArrayList<>();
        for (OptionalInt w = b.next(); w.isPresent(); w = b.next()) {
            assertThat(tried).as("tried twice").doesNotContain(w.getAsInt());
            tried.add(w.getAsInt());
            b.record(w.getAsInt(), converges.test(w.getAsInt()));
        }
        return tried;
    }

    @Test
    void findsTheExactThresholdFromAnyStart() {
        for (int threshold : new int[] {1, 2, 3, 7, 64, 65, 100, 999, 1000}) {
            for (int start : new int[] {1, 5, 64, 100, 5000}) {
                Bracket b = new Bracket(start, 1, 10_000, 0);
                List<Integer> tried = search(b, w -> w >= threshold);
                assertThat(b.smallest()).as("threshold %d from %d", threshold, start).hasValue(threshold);
                assertThat(b.monotone()).isTrue();
                // doubling or halving to the bracket, then bisection: logarithmic in the range
                assertThat(tried.size()).as("probes for %d from %d", threshold, start).isLessThanOrEqualTo(30);
            }
        }
    }

    @Test
    void respectsMinAndMax() {
        Bracket low = new Bracket(50, 8, 100, 0);
        search(low, w -> true);
        assertThat(low.smallest()).hasValue(8);
        assertThat(low.largestFailing()).isEmpty();
        Bracket none = new Bracket(50, 8, 100, 0);
        List<Integer> tried = search(none, w -> false);
        assertThat(none.smallest()).isEmpty();
        assertThat(tried).containsExactly(50, 100);
        Bracket clamped = new Bracket(1, 8, 100, 0);
        assertThat(clamped.next()).hasValue(8);
    }

    @Test
    void aRelativeResolutionStopsEarlierWithTheAnswerWithinIt() {
        Bracket b = new Bracket(10, 1, 100_000, 0.05);
        search(b, w -> w >= 4321);
        int found = b.smallest().getAsInt();
        assertThat(found).isGreaterThanOrEqualTo(4321);
        assertThat(found - b.largestFailing().getAsInt()).isLessThanOrEqualTo((int) Math.floor(0.05 * found));
    }

    @Test
    void aFailureAboveASuccessStopsTheSearchAndIsReported() {
        Bracket b = new Bracket(16, 1, 1000, 0);
        b.record(16, true);
        b.record(8, false);
        assertThat(b.next()).hasValue(12);
        b.record(12, true);
        b.record(14, false); // above a success
        assertThat(b.monotone()).isFalse();
        assertThat(b.next()).isEmpty();
        assertThat(b.smallest()).hasValue(12);
    }

    @Test
    void rejectsBadRanges() {
        assertThatThrownBy(() -> new Bracket(5, 0, 10, 0)).hasMessageContaining("1 <= min <= max");
        assertThatThrownBy(() -> new Bracket(5, 10, 9, 0)).hasMessageContaining("1 <= min <= max");
        assertThatThrownBy(() -> new Bracket(5, 1, 9, 1)).hasMessageContaining("resolution");
    }

    @Test
    void doublingStaysBelowIntegerOverflow() {
        Bracket b = new Bracket(1 << 29, 1, Integer.MAX_VALUE, 0);
        b.record(1 << 29, false);
        b.record(1 << 30, false);
        assertThat(b.next()).hasValue(Integer.MAX_VALUE);
    }
}
