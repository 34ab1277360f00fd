package org.gdcert.dsl.semantic;

import java.util.OptionalDouble;

/**
 * What the checker may assume about the data: the number of samples {@code N} and the input
 * dimension {@code d} when they are known (the compiler knows them once the data source is
 * resolved; a bare syntax check does not). Unknown values make checks that need them pass.
 */
public record CheckContext(OptionalDouble samples, OptionalDouble inputDim) {

    /** Neither N nor d known. */
    public static CheckContext unknown() {
        return new CheckContext(OptionalDouble.empty(), OptionalDouble.empty());
    }

    /** N and d known. */
    public static CheckContext of(long samples, long inputDim) {
        return new CheckContext(OptionalDouble.of(samples), OptionalDouble.of(inputDim));
    }
}
