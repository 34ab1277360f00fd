package org.gdcert.core.spi;

/** Provides a {@link DataSource} (the inputs X, and the targets when the source has them). */
public interface DataSourceProvider extends PluginProvider<DataSource> {
    @Override
    default PluginKind kind() {
        return PluginKind.DATA;
    }
}
