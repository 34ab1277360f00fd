package org.gdcert.dsl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.spi.ToolProvider;
import org.gdcert.core.util.Suggestions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gdcert tool [NAME [ARGS...]]}: commands that plugin modules contribute as
 * {@link ToolProvider}s (the JDK's tool SPI), such as {@code seed004-figure1}. Without a name,
 * lists them. Only tools of gdcert modules and of plugin jars are shown (not the JDK's own javac,
 * jar, ...).
 */
@Command(name = "tool", mixinStandardHelpOptions = true,
        description = "Run a tool contributed by a plugin module (without NAME: list them).")
final class ToolCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "the tool")
    String name;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "ARGS", description = "its arguments")
    List<String> args = new ArrayList<>();

    /** gdcert's tools and those of the plugin folders ({@code --plugins}, GDCERT_PLUGINS, plugins/). */
    List<ToolProvider> tools() {
        return PluginLoading.tools(PluginLoading.folders(main.pluginDirs), main.err());
    }

    /** The tool's one-line description when it offers one (ToolProvider.description() is Java 19+). */
    static String describe(ToolProvider t) {
        try {
            Object d = t.getClass().getMethod("description").invoke(t);
            return d instanceof Optional<?> o ? o.map(Object::toString).orElse("") : "";
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "";
        }
    }

    @Override
    public Integer call() {
        List<ToolProvider> tools = tools();
        if (name == null) {
            for (ToolProvider t : tools) {
                main.out().println("  " + t.name() + "  " + describe(t));
            }
            if (tools.isEmpty()) {
                main.out().println("no tools installed");
            }
            return 0;
        }
        Optional<ToolProvider> t = tools.stream().filter(x -> x.name().equals(name)).findFirst();
        if (t.isEmpty()) {
            main.err().println("gdcert: unknown tool '" + name + "'" + Suggestions.didYouMean(name,
                    tools.stream().map(ToolProvider::name).toList()) + " (gdcert tool lists them)");
            return Main.SCRIPT_ERROR;
        }
        return t.get().run(main.out(), main.err(), args.toArray(String[]::new));
    }
}
