package org.gdcert.clitests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gdcert.dsl.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The third-party plugin example of {@code examples/plugin-example}, built the way its README
 * says, loaded from plugin folders next to broken jars, and used by a script.
 */
class PluginExampleTest {
    private static final String SWISH_LINE = "  swish  [org.gdcert.example.activation 1.0.0]";
    @TempDir
    static Path work;
    static Path good;
    static Path mixed;
    static Path swishJar;

    @BeforeAll
    static void buildThePlugins() throws IOException {
        Path example = Gdcert.root().resolve("examples/plugin-example");
        good = Files.createDirectories(work.resolve("good"));
        swishJar = Gdcert.buildJar(example.resolve("src/main/java"), example.resolve("src/main/resources"),
                good.resolve("swish.jar"), "1.0.0", work, List.of());

        mixed = Files.createDirectories(work.resolve("mixed"));
        Files.copy(swishJar, mixed.resolve("swish.jar"));
        // not a jar at all
        Files.write(mixed.resolve("corrupt.jar"), new byte[] {'P', 'K', 3, 4, 0, 1, 2, 3, 4, 5, 6, 7});
        // a module needing a module that is not there
        Path ghost = Gdcert.buildJar(Gdcert.writeTree(work.resolve("ghost-src"), Map.of(
                "module-info.java", "module org.gdcert.example.ghost { exports org.gdcert.example.ghost; }",
                "org/gdcert/example/ghost/Ghost.java", "package org.gdcert.example.ghost; public class Ghost {}")),
                null, work.resolve("ghost.jar"), "1.0.0", work, List.of());
        Gdcert.buildJar(Gdcert.writeTree(work.resolve("needy-src"), Map.of(
                "module-info.java", "module org.gdcert.example.needy { requires org.gdcert.core; "
                        + "requires org.gdcert.example.ghost; provides org.gdcert.core.spi.ActivationProvider with "
                        + "org.gdcert.example.needy.Needy; }",
                "org/gdcert/example/needy/Needy.java", provider("org.gdcert.example.needy", "Needy", "needy", ""))),
                null, mixed.resolve("needs-ghost.jar"), "1.0.0", work, List.of(ghost));
        // one jar, three providers: one fails to start, one takes a name that exists, one is fine
        Gdcert.buildJar(Gdcert.writeTree(work.resolve("trio-src"), Map.of(
                "module-info.java", "module org.gdcert.example.trio { requires org.gdcert.core; "
                        + "provides org.gdcert.core.spi.ActivationProvider with org.gdcert.example.trio.Exploding, "
                        + "org.gdcert.example.trio.SecondTanh, org.gdcert.example.trio.Cube; }",
                "org/gdcert/example/trio/Exploding.java", provider("org.gdcert.example.trio", "Exploding", "exploding",
                        "public Exploding() { throw new IllegalStateException(\"no licence key\"); }"),
                "org/gdcert/example/trio/SecondTanh.java", provider("org.gdcert.example.trio", "SecondTanh", "tanh", ""),
                "org/gdcert/example/trio/Cube.java", provider("org.gdcert.example.trio", "Cube", "cube", ""))),
                Gdcert.writeTree(work.resolve("trio-resources"), Map.of(
                        "META-INF/services/org.gdcert.core.spi.ActivationProvider", "org.gdcert.example.trio.Exploding\n"
                                + "org.gdcert.example.trio.SecondTanh\norg.gdcert.example.trio.Cube\n")),
                mixed.resolve("trio.jar"), "2.5.0", work, List.of());
    }

    /** Source of an activation provider (x³ with made-up but valid properties). */
    private static String provider(String pkg, String cls, String name, String constructor) {
        return "package " + pkg + ";\n"
                + "import org.gdcert.core.spi.*;\n"
                + "public final class " + cls + " implements ActivationProvider {\n"
                + "  " + constructor + "\n"
                + "  public String name() { return \"" + name + "\"; }\n"
                + "  public String description() { return \"test activation " + name + "\"; }\n"
                + "  public Activation create(ValidatedParams p) { return new Activation() {\n"
                + "    public double value(double x) { return x * x * x; }\n"
                + "    public double derivative(double x) { return 3 * x * x; }\n"
                + "    public double secondDerivative(double x) { return 6 * x; }\n"
                + "    public ActivationProperties properties() {\n"
                + "      return new ActivationProperties(true, false, 0, Double.POSITIVE_INFINITY, "
                + "Double.POSITIVE_INFINITY, true, false); }\n"
                + "  }; }\n"
                + "}\n";
    }

    @Test
    void aToolInAPluginJarIsListedBesideGdcertsOwnAndRuns() {
        Path dir = work.resolve("tools");
        Gdcert.buildJar(Gdcert.writeTree(work.resolve("hello-src"), Map.of(
                "module-info.java", "module org.example.hello { provides java.util.spi.ToolProvider with "
                        + "org.example.hello.Hello; }",
                "org/example/hello/Hello.java", "package org.example.hello;\n"
                        + "public final class Hello implements java.util.spi.ToolProvider {\n"
                        + "  public String name() { return \"hello\"; }\n"
                        + "  public int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {\n"
                        + "    out.println(\"hello \" + String.join(\" \", args)); return 3; }\n"
                        + "}\n")),
                Gdcert.writeTree(work.resolve("hello-resources"), Map.of(
                        "META-INF/services/java.util.spi.ToolProvider", "org.example.hello.Hello\n")),
                dir.resolve("hello.jar"), "1.0.0", work, List.of());
        Gdcert.Result list = Gdcert.run(work.resolve("tool-list"), "--plugins", dir.toString(), "tool");
        assertThat(list.code()).as(list.toString()).isZero();
        assertThat(list.out()).contains("  hello").contains("  seed004-figure1");
        Gdcert.Result run = Gdcert.run(work.resolve("tool-run"), "--plugins", dir.toString(), "tool", "hello", "a", "b");
        assertThat(run.out()).as(run.toString()).contains("hello a b");
        assertThat(run.code()).as("the tool's own exit code").isEqualTo(3);
        Gdcert.Result without = Gdcert.run(work.resolve("tool-none"), "tool", "hello");
        assertThat(without.code()).isEqualTo(2);
        assertThat(without.err()).contains("unknown tool 'hello'");
    }

    @Test
    void theExampleIsListedWithItsModuleVersionAndParameters() {
        Gdcert.Result r = Gdcert.run(work.resolve("list"), "--plugins", good.toString(), "plugins", "activation");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains(SWISH_LINE + "\n      swish x sigmoid(beta x)")
                .containsPattern("\n      beta\\s+real\\s+= 1\\s+> 0\\s+steepness of the gate")
                .contains("  tanh  [org.gdcert.activations 0.1.0-SNAPSHOT]");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void brokenJarsAreReportedByNameAndTheOthersLoad() {
        Gdcert.Result r = Gdcert.run(work.resolve("mixed-run"), "--plugins", mixed.toString(), "plugins", "activation");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains(SWISH_LINE).contains("  cube  [org.gdcert.example.trio 2.5.0]")
                .contains("  tanh  [org.gdcert.activations 0.1.0-SNAPSHOT]")
                .doesNotContain("needy").doesNotContain("exploding");
        assertThat(r.err()).contains("gdcert: plugin corrupt.jar was not loaded: ")
                .contains("gdcert: plugin needs-ghost.jar was not loaded: ")
                .contains("org.gdcert.example.ghost not found")
                .contains("gdcert: plugin trio.jar: activation org.gdcert.example.trio.Exploding was not loaded: "
                        + "no licence key")
                .contains("gdcert: plugin trio.jar: activation org.gdcert.example.trio.SecondTanh was not loaded: ")
                .contains("named 'tanh'");
        assertThat(r.err().lines()).allSatisfy(l -> assertThat(l).startsWith("gdcert: "));
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception in thread");
    }

    @Test
    void aScriptUsesTheNewActivation() throws IOException {
        Path dir = work.resolve("script-run");
        Path out = dir.resolve("runs");
        Gdcert.Result r = Gdcert.run(dir, "--plugins", mixed.toString(), "run", "--out", out.toString(),
                Gdcert.root().resolve("examples/plugin-example/swish.exp").toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("run: completed; loss ").contains("results: " + out.resolve("swish/run"));
        String provenance = Files.readString(out.resolve("swish/run/provenance.json"));
        assertThat(provenance).contains("\"plugin\": \"swish(beta=2)\"")
                .contains("\"origin\": \"org.gdcert.example.activation 1.0.0\"");
        assertThat(Files.readString(out.resolve("swish/run/summary.json"))).contains("\"stop_reason\": \"LOSS_BELOW\"");
    }

    @Test
    void withoutThePluginTheScriptIsAScriptError() {
        Gdcert.Result r = Gdcert.run(work.resolve("none"), "check",
                Gdcert.root().resolve("examples/plugin-example/swish.exp").toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("swish.exp:7:").contains("unknown activation 'swish'");
    }

    @Test
    void pluginFoldersAlsoComeFromTheVariableAndFromTheLauncherHome() throws IOException {
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        String folders = elsewhere + java.io.File.pathSeparator + good;
        Gdcert.Result byVariable = Gdcert.run(work.resolve("var"), Map.of("GDCERT_PLUGINS", folders), "plugins",
                "activation");
        assertThat(byVariable.out()).as(byVariable.toString()).contains(SWISH_LINE);

        Path home = Files.createDirectories(work.resolve("home/plugins"));
        Files.copy(swishJar, home.resolve("swish.jar"));
        Gdcert.Result byHome = Gdcert.run(work.resolve("homerun"), Map.of("GDCERT_HOME", home.getParent().toString()),
                "plugins", "activation");
        assertThat(byHome.out()).as(byHome.toString()).contains(SWISH_LINE);
    }

    @Test
    void onTheClassPathEachJarGetsItsOwnLoader() {
        // in this JVM (class path, as in IDEs and unit tests) rather than on the module path
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"--plugins", mixed.toString(), "plugins", "activation"}, new PrintWriter(out),
                new PrintWriter(err), false);
        assertThat(code).isZero();
        assertThat(out.toString()).contains("  swish  [").contains("  cube  [");
        assertThat(err.toString()).contains("gdcert: plugin corrupt.jar was not loaded: ")
                .contains("gdcert: plugin trio.jar: activation org.gdcert.example.trio.Exploding was not loaded: "
                        + "no licence key");
    }
}
