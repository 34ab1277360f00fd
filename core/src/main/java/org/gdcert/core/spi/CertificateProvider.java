package org.gdcert.core.spi;

/** Provides a {@link Certificate}. */
public interface CertificateProvider extends PluginProvider<Certificate> {
    @Override
    default PluginKind kind() {
        return PluginKind.CERTIFICATE;
    }
}
