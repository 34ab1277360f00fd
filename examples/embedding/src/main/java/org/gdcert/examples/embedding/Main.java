package org.gdcert.examples.embedding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.run.DataSpec;
import org.gdcert.core.run.PluginChoice;
import org.gdcert.core.run.RunResult;
import org.gdcert.core.run.RunSpec;
import org.gdcert.core.run.Runner;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.train.RecordSchedule;
import org.gdcert.core.train.StopRules;

/**
 * Trains a two-layer smoothed-ReLU network on 40 points of the unit sphere through the Java API and
 * prints the loss curve. Everything comes from plugins found by ServiceLoader: the {@code sphere}
 * data and {@code signs} labels (core), {@code smoothrelu} (activations), {@code lecun}
 * (initializers), {@code gd} (optimizers) and the {@code java} backend.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws IOException {
        Plugins plugins = Plugins.discover();
        Path out = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("gdcert-embedding");

        NetworkSpec net = new NetworkSpec(8, List.of(
                LayerSpec.hidden(256, plugins.activations().get("smoothrelu").configure(List.of(
                        Argument.named("gamma", 0.1), Argument.named("beta", 5.0)))),
                LayerSpec.output(1)));
        RunSpec spec = RunSpec.builder("embedding")
                .seed(3)
                .data(new DataSpec(
                        PluginChoice.of(plugins.dataSources().get("sphere"),
                                List.of(Argument.named("n", 40.0), Argument.named("d", 8.0))),
                        Optional.of(PluginChoice.defaults(plugins.labelSources().get("signs"))), out))
                .network(net)
                .initializer(PluginChoice.defaults(plugins.initializers().get("lecun")))
                .optimizer(PluginChoice.of(plugins.optimizers().get("gd"), List.of(Argument.named("eta", "auto"))))
                .backend(PluginChoice.of(plugins.backends().get("java"), List.of(Argument.named("threads", 1.0))))
                .stop(StopRules.DEFAULT.withMaxSteps(3000).withLossBelow(1e-6))
                .schedule(RecordSchedule.everyStep(250))
                .outputRoot(out)
                .build();

        RunResult r = new Runner(plugins).run(spec);
        System.out.println("step        loss");
        for (double[] row : r.trajectory().rows()) {
            System.out.println(String.format(Locale.ROOT, "%-8d  %.6e", (long) row[0], row[2]));
        }
        System.out.println(String.format(Locale.ROOT, "%s after %d steps with eta = %.4g (%s); results in %s",
                r.status().name().toLowerCase(Locale.ROOT), r.steps(), r.stepSize(), r.stepSizeSource(),
                r.directory()));
    }
}
