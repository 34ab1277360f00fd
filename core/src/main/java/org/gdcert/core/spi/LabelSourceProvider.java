package org.gdcert.core.spi;

/** Provides a {@link LabelSource} (the targets Y for given inputs). */
public interface LabelSourceProvider extends PluginProvider<LabelSource> {
    @Override
    default PluginKind kind() {
        return PluginKind.LABELS;
    }
}
