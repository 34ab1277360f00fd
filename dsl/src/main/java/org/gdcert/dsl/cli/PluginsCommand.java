package org.gdcert.dsl.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.gdcert.core.registry.PluginRegistry;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.run.ReportText;
import org.gdcert.core.spi.ParamType;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.PluginKind;
import org.gdcert.core.spi.PluginProvider;
import org.gdcert.core.util.Suggestions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gdcert plugins [KIND]}: every discovered plugin with its origin, parameters and docs. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List the plugins gdcert found (module, version, parameters with defaults and ranges, docs).")
final class PluginsCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "KIND", arity = "0..1", description = "activation, initializer, optimizer, backend, "
            + "certificate, monitor, data or labels")
    String kind;

    @Override
    public Integer call() {
        PrintWriter out = main.out();
        List<PluginKind> kinds = new ArrayList<>(List.of(PluginKind.values()));
        if (kind != null) {
            Optional<PluginKind> k = PluginKind.fromKeyword(kind);
            if (k.isEmpty()) {
                List<String> words = kinds.stream().map(PluginKind::keyword).toList();
                main.err().println("gdcert: unknown plugin kind '" + kind + "'" + Suggestions.didYouMean(kind, words)
                        + " (kinds: " + String.join(", ", words) + ")");
                return Main.SCRIPT_ERROR;
            }
            kinds = List.of(k.get());
        }
        Plugins plugins = main.injector().getInstance(Plugins.class);
        for (PluginKind k : kinds) {
            PluginRegistry<? extends PluginProvider<?>> reg = plugins.registry(k);
            out.println(heading(k) + " (" + reg.names().size() + ")");
            for (PluginProvider<?> p : reg.providers()) {
                out.println("  " + p.name() + "  [" + PluginRegistry.describeOrigin(p) + "]"
                        + (p.availability().available() ? "" : "  UNAVAILABLE: " + p.availability().reason()));
                out.println("      " + p.description());
                List<String[]> rows = new ArrayList<>();
                for (ParameterSpec s : p.parameters().specs()) {
                    rows.add(new String[] {s.name(), type(s), s.defaultValue().map(v -> "= " + v.render())
                            .orElse("(required)"), s.rangeText(), s.doc()});
                }
                if (!rows.isEmpty()) {
                    out.print(ReportText.table(rows, "      "));
                }
            }
            out.println();
        }
        out.flush();
        return 0;
    }

    private static String heading(PluginKind k) {
        return switch (k) {
            case DATA -> "data sources";
            case LABELS -> "label sources";
            default -> k.keyword() + "s";
        };
    }

    private static String type(ParameterSpec s) {
        String t = s.type().display();
        if (s.type() == ParamType.CHOICE) {
            t = String.join("|", s.choices());
        }
        if (!s.symbols().isEmpty()) {
            t += "|" + String.join("|", s.symbols());
        }
        return t;
    }
}
