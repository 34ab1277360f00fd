/**
 * The Vector API backend: {@code jdk.incubator.vector} kernels (register-blocked FMA GEMM with the
 * SIMD species chosen at run time, vectorised elementwise kernels), multi-threaded, double and float.
 */
module org.gdcert.backend.vector {
    requires org.gdcert.core;
    requires jdk.incubator.vector;

    provides org.gdcert.core.spi.BackendProvider with org.gdcert.backend.vector.VectorBackendProvider;
}
