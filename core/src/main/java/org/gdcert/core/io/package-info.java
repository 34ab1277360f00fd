/**
 * File formats: NumPy {@code .npy} ({@link org.gdcert.core.io.Npy}), MNIST-style IDX
 * ({@link org.gdcert.core.io.Idx}), numeric CSV ({@link org.gdcert.core.io.Csv}), and atomic writes
 * for every result file ({@link org.gdcert.core.io.AtomicFiles}). Readers raise
 * {@link org.gdcert.core.spi.DataException} with a message that starts with the file and says what is
 * wrong.
 */
package org.gdcert.core.io;
