/**
 * An example third-party plugin: the swish activation x·sigmoid(βx). It depends on gdcert's core
 * only and registers its provider both here (module path: the jar in a plugin folder becomes a
 * module layer) and in META-INF/services (class path).
 */
module org.gdcert.example.activation {
    requires org.gdcert.core;

    provides org.gdcert.core.spi.ActivationProvider with org.gdcert.example.activation.SwishProvider;
}
