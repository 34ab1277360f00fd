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
import org.gdcert.core.util.Suggestions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code gdcert} command line. Exit codes: 0 success, 1 a run failed, 2 a usage or script
 * error.
 */
@Command(name = "gdcert", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {RunCommand.class, CheckCommand.class, PluginsCommand.class, PlotCommand.class,
                FindWidthCommand.class, ToolCommand.class, CommandLine.HelpCommand.class},
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
        int code = run(args, out, err, isTerminal());
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
            // the commands report what they expect; this is the net under them: a message, not a stack trace
            return unexpected(ex, err);
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine.Model.CommandSpec where = ex.getCommandLine().getCommandSpec();
            if (ex instanceof CommandLine.UnmatchedArgumentException u && where.parent() == null
                    && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
                String word = u.getUnmatched().get(0);
                err.println("gdcert: unknown command '" + word + "'" + Suggestions.didYouMean(word,
                        where.subcommands().keySet()) + " (commands: " + String.join(", ", where.subcommands().keySet())
                        + ")");
                err.println("Try 'gdcert --help' for more.");
                err.flush();
                return SCRIPT_ERROR;
            }
            err.println("gdcert: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more.");
            return SCRIPT_ERROR;
        });
        try {
            return cl.execute(args);
        } catch (Error e) {
            // errors slip past picocli's handler (it takes exceptions only): still a message, not a trace
            return unexpected(e, err);
        }
    }

    /** Reports what no command expected (a bug, or the JVM running out of memory) in a line or two. */
    static int unexpected(Throwable e, PrintWriter err) {
        Throwable oom = null;
        Throwable overflow = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                oom = t;
            } else if (t instanceof StackOverflowError) {
                overflow = t;
            }
        }
        if (oom != null) {
            err.println("gdcert: out of memory (" + oom.getMessage() + "); give Java more, e.g. GDCERT_JAVA_OPTS=-Xmx8g "
                    + "(now at most " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB), or make the experiment "
                    + "smaller");
        } else if (overflow != null) {
            err.println("gdcert: stack overflow; give Java a larger stack, e.g. GDCERT_JAVA_OPTS=-Xss16m");
        } else {
            err.println("gdcert: " + describe(e));
            if (!Boolean.getBoolean("gdcert.debug")) {
                err.println("gdcert: this looks like a bug; run with GDCERT_JAVA_OPTS=-Dgdcert.debug=true for details");
            }
        }
        if (Boolean.getBoolean("gdcert.debug")) {
            e.printStackTrace(err);
        }
        err.flush();
        return RUN_FAILED;
    }

    boolean terminal;

    /**
     * Whether standard output is an interactive terminal (progress bar) rather than a file or pipe
     * (plain lines). On Java 22 and later {@code System.console()} exists even when the output is
     * redirected, so {@code Console.isTerminal()} is asked where it exists; TERM=dumb means plain.
     */
    static boolean isTerminal() {
        java.io.Console c = System.console();
        if (c == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true; // before Java 22 a console means a terminal
        }
    }

    /** A user-facing message for an exception: the most specific message in its chain, no class names unless needed. */
    static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().equals(t.getCause().toString()))) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

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
            for (Path p : PluginLoading.missing(pluginDirs)) {
                err.println("gdcert: --plugins " + p + ": no such folder");
            }
            Plugins plugins = PluginLoading.load(PluginLoading.folders(pluginDirs), err);
            injector = Guice.createInjector(PluginModule.of(plugins));
        }
        return injector;
    }
}
