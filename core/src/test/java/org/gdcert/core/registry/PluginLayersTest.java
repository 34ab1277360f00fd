package org.gdcert.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin folders with good and bad jars: modules needing only java.base, compiled here with the
 * JDK's javac, so that the test runs on the class path like every unit test.
 */
class PluginLayersTest {
    @TempDir
    static Path work;
    static Path folder;

    @BeforeAll
    static void jars() throws IOException {
        folder = Files.createDirectories(work.resolve("plugins"));
        Path b = jar("b", "module test.b { exports test.b; }", "test/b/B.java",
                "package test.b; public class B { public static String hello() { return \"from b\"; } }", List.of());
        jar("a", "module test.a { requires test.b; exports test.a; }", "test/a/A.java",
                "package test.a; public class A { public static String hello() { return test.b.B.hello(); } }",
                List.of(b));
        // compiled against, not shipped
        Path ghost = Files.move(jar("ghost", "module test.ghost { exports test.ghost; }", "test/ghost/G.java",
                "package test.ghost; public class G {}", List.of()), work.resolve("ghost.jar"));
        Path c = jar("c", "module test.c { requires test.ghost; exports test.c; }", "test/c/C.java",
                "package test.c; public class C {}", List.of(ghost));
        jar("d", "module test.d { requires test.c; }", "test/d/D.java", "package test.d; public class D {}",
                List.of(c, ghost));
        // test.b once more, in a jar sorted after b.jar
        jar("dup", "module test.b { }", "test/dup/X.java", "package test.dup; public class X {}", List.of());
        // a package that a.jar has too: the two cannot share the layer's class loader
        jar("e", "module test.e { }", "test/a/Other.java", "package test.a; public class Other {}", List.of());
        Files.write(folder.resolve("corrupt.jar"), new byte[] {'P', 'K', 3, 4, 9, 9, 9});
        Files.writeString(folder.resolve("notes.txt"), "not a jar: ignored");
    }

    private static Path jar(String name, String moduleInfo, String file, String source, List<Path> modulePath)
            throws IOException {
        Path src = work.resolve(name + "-src");
        Files.createDirectories(src.resolve(file).getParent());
        Files.writeString(src.resolve("module-info.java"), moduleInfo);
        Files.writeString(src.resolve(file), source);
        Path classes = work.resolve(name + "-classes");
        List<String> args = new ArrayList<>(List.of("-d", classes.toString()));
        if (!modulePath.isEmpty()) {
            args.add("--module-path");
            args.add(modulePath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
        }
        args.add(src.resolve("module-info.java").toString());
        args.add(src.resolve(file).toString());
        StringWriter diag = new StringWriter();
        assertThat(ToolProvider.findFirst("javac").orElseThrow().run(new PrintWriter(diag), new PrintWriter(diag),
                args.toArray(String[]::new))).as(diag.toString()).isZero();
        Path jar = folder.resolve(name + ".jar");
        StringWriter out = new StringWriter();
        int code = ToolProvider.findFirst("jar").orElseThrow().run(new PrintWriter(out), new PrintWriter(out),
                "--create", "--file", jar.toString(), "-C", classes.toString(), ".");
        assertThat(code).as(out.toString()).isZero();
        return jar;
    }

    @Test
    void goodJarsFormTheLayerAndEveryBadOneIsNamedWithItsReason() throws Exception {
        PluginLayers.Loaded loaded = PluginLayers.load(List.of(folder, work.resolve("missing")), ModuleLayer.boot());
        assertThat(loaded.jars()).extracting(p -> p.getFileName().toString()).containsExactly("a.jar", "b.jar");
        Map<String, String> why = new TreeMap<>();
        loaded.failures().forEach(f -> why.put(f.jar().getFileName().toString(), f.reason()));
        assertThat(why.keySet()).containsExactly("c.jar", "corrupt.jar", "d.jar", "dup.jar", "e.jar");
        assertThat(why.get("c.jar")).contains("test.ghost not found");
        assertThat(why.get("d.jar")).contains("test.c not found"); // stranded once c.jar is out
        assertThat(why.get("dup.jar")).isEqualTo("module test.b is already loaded from b.jar");
        assertThat(why.get("e.jar")).contains("test.a");
        assertThat(why.get("corrupt.jar")).startsWith("Error reading ").contains(": "); // with the zip problem

        ModuleLayer layer = loaded.layer().orElseThrow();
        Class<?> a = layer.findLoader("test.a").loadClass("test.a.A");
        assertThat(a.getMethod("hello").invoke(null)).isEqualTo("from b");
        assertThat(a.getModule().getLayer()).isSameAs(layer);
    }

    @Test
    void modulesTheParentHasAreNotLoadedAgain() throws IOException {
        Path own = Files.createDirectories(work.resolve("own"));
        Files.copy(folder.resolve("b.jar"), own.resolve("b.jar"));
        ModuleLayer first = PluginLayers.load(List.of(own), ModuleLayer.boot()).layer().orElseThrow();
        PluginLayers.Loaded again = PluginLayers.load(List.of(own), first);
        assertThat(again.layer()).isEmpty();
        assertThat(again.failures()).singleElement().satisfies(f -> assertThat(f.reason())
                .isEqualTo("module test.b is already loaded (gdcert has it)"));
    }

    @Test
    void noJarsNoLayer() {
        PluginLayers.Loaded loaded = PluginLayers.load(List.of(work.resolve("nothing-here")), ModuleLayer.boot());
        assertThat(loaded.layer()).isEmpty();
        assertThat(loaded.failures()).isEmpty();
        assertThat(PluginLayers.jarsIn(List.of(folder))).extracting(p -> p.getFileName().toString())
                .contains("a.jar").doesNotContain("notes.txt");
    }
}
