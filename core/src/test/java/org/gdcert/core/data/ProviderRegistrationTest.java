package org.gdcert.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.spi.DataSourceProvider;
import org.gdcert.core.spi.LabelSourceProvider;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.PluginProvider;
import org.gdcert.core.testing.ServiceDeclarations;
import org.junit.jupiter.api.Test;

/** core's module-info and META-INF/services declare the same providers, and ServiceLoader finds them. */
class ProviderRegistrationTest {
    @Test
    void moduleInfoAndServiceFilesAgree() {
        assertThat(ServiceDeclarations.assertAgree(org.gdcert.core.data.Datasets.class)).containsKeys(
                DataSourceProvider.class.getName(), LabelSourceProvider.class.getName());
    }

    @Test
    void serviceLoaderFindsTheBuiltInSourcesByName() {
        Map<String, DataSourceProvider> data = new LinkedHashMap<>();
        ServiceLoader.load(DataSourceProvider.class).forEach(p -> data.put(p.name(), p));
        assertThat(data).containsKeys("sphere", "gaussian", "csv", "npy", "idx", "fashion_mnist");
        Map<String, LabelSourceProvider> labels = new LinkedHashMap<>();
        ServiceLoader.load(LabelSourceProvider.class).forEach(p -> labels.put(p.name(), p));
        assertThat(labels).containsKeys("signs", "pm1", "gaussian", "onehot", "teacher", "source", "linear");

        Plugins plugins = Plugins.discover();
        assertThat(plugins.dataSources().get("sphere")).isInstanceOf(SphereDataProvider.class);
        assertThat(plugins.labelSources().get("teacher")).isInstanceOf(TeacherLabelsProvider.class);
    }

    @Test
    void schemasAreDocumented() {
        List<PluginProvider<?>> all = new ArrayList<>();
        ServiceLoader.load(DataSourceProvider.class).forEach(all::add);
        ServiceLoader.load(LabelSourceProvider.class).forEach(all::add);
        for (PluginProvider<?> p : all) {
            assertThat(p.name()).matches("[a-z][a-z0-9_]*");
            assertThat(p.description()).as(p.name()).isNotBlank();
            for (ParameterSpec s : p.parameters().specs()) {
                assertThat(s.doc()).as(p.name() + "." + s.name()).isNotBlank();
            }
        }
    }
}
