package org.gdcert.dsl.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gdcert.core.registry.PluginModule;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.run.Runner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code gdcert} command line. Exit codes: 0 success, 1 a run failed, 2 a usage or script
 * error.
 */
@Command(name = "gdcert", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {RunCommand.class, CheckCommand.class, PluginsCommand.class, PlotCommand.class,
            FindWidthCommand.class, CommandLine.HelpCommand.class},
        description = "Certificates for the convergence theory of gradient descent on over-parameterized networks.%n"
                + "Write an experiment in a .exp script, then `gdcert run script.exp`.",
        footer = {"", "Exit codes: 0 success, 1 a run failed, 2 usage or script error.",
                "Plugins: jars in --plugins DIR, in $GDCERT_PLUGINS, and in the plugins/ folder beside the launcher."})
public final class Main implements Callable<Integer> {
    /** Exit code of a run that failed or diverged. */
    public static final int RUN_FAILED = 1;
    /** Exit code of a usage or script error. */
    public static final int SCRIPT_ERROR = 2;

    @Option(names = "--plugins", paramLabel = "DIR", description = "a folder of plugin jars (repeatable)")
    List<Path> pluginDirs = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private Injector injector;
    private PrintWriter out;
    private PrintWriter err;

    /** The version string. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"gdcert " + Runner.VERSION, "Java " + System.getProperty("java.version") + " ("
                    + System.getProperty("java.vendor") + "), " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch")};
        }
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, out, err, System.console() != null);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line with the given streams (tests use this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, boolean terminal) {
        Main main = new Main();
        main.out = out;
        main.err = err;
        main.terminal = terminal;
        CommandLine cl = new CommandLine(main);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            err.println("gdcert: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return RUN_FAILED;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("gdcert: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more.");
            return SCRIPT_ERROR;
        });
        return cl.execute(args);
    }

    boolean terminal;

    @Override
    public Integer call() {
        spec.commandLine().usage(out);
        return SCRIPT_ERROR;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /** The injector, built once with every plugin found. */
    Injector injector() {
        if (injector == null) {
            Plugins plugins = PluginLoading.load(PluginLoading.folders(pluginDirs), err);
            injector = Guice.createInjector(PluginModule.of(plugins));
        }
        return injector;
    }
}
