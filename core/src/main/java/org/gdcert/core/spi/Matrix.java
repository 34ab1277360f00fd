package org.gdcert.core.spi;

/**
 * A dense matrix owned by a {@link Backend} (in Java memory, or on a GPU). Only the backend that
 * created it may operate on it. Closing releases the storage; using a closed matrix is an error.
 */
public interface Matrix extends AutoCloseable {
    int rows();

    int cols();

    /** rows · cols. */
    default long size() {
        return (long) rows() * cols();
    }

    @Override
    default void close() {
    }
}
