/** The pure-Java backend: cache-blocked, packed, multi-threaded dense kernels in double and float. */
module org.gdcert.backend.java {
    requires org.gdcert.core;

    provides org.gdcert.core.spi.BackendProvider with org.gdcert.backend.java.JavaBackendProvider;
}
