package org.gdcert.dsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.gdcert.core.spi.PluginKind;
import org.junit.jupiter.api.Test;

class PluginsCommandTest {
    @Test
    void listsEveryKindWithCountsParametersDefaultsRangesAndDocs() {
        Cli.Result r = Cli.run("plugins");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("activations (", "initializers (", "optimizers (", "backends (", "certificates (",
                "monitors (", "data sources (", "label sources (");
        // a parameter with a default and a range, and one without a default
        assertThat(r.out()).containsPattern("\n  smoothrelu  \\[[^\\]]+\\]\n      Gaussian-smoothed leaky ReLU")
                .containsPattern("\n      gamma\\s+real\\s+= 0\\.5\\s+\\[0, 1\\)\\s+slope for x -> -infinity")
                .containsPattern("\n      n\\s+integer\\s+\\(required\\)\\s+\\[1, \\d+\\]\\s+number of samples N");
        assertThat(r.out()).containsPattern("\n  java  \\[[^\\]]+\\]\n");
    }

    @Test
    void oneKindOnly() {
        Cli.Result r = Cli.run("plugins", "labels");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("label sources (").contains("  onehot  [", "num_classes")
                .doesNotContain("activations (", "smoothrelu");
        assertThat(Cli.run("plugins", "activations").out()).startsWith("activations (");
        for (PluginKind k : PluginKind.values()) {
            assertThat(Cli.run("plugins", k.keyword()).code()).as(k.keyword()).isZero();
        }
    }

    @Test
    void unknownKindIsAUsageErrorWithASuggestion() {
        Cli.Result r = Cli.run("plugins", "activaton");
        assertThat(r.code()).isEqualTo(Main.SCRIPT_ERROR);
        assertThat(r.err()).contains("unknown plugin kind 'activaton'").contains("did you mean 'activation'")
                .contains("kinds: activation, initializer");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMissingPluginFolderIsReportedAndTheStandardPluginsStillLoad() {
        Cli.Result r = Cli.run("--plugins", "no/such/folder", "plugins", "backend");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("--plugins no/such/folder: no such folder");
        assertThat(r.out()).contains("  java  [");
    }
}
