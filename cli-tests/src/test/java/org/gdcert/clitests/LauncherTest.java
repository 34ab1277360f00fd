package org.gdcert.clitests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./gdcert} launcher, copied into a scratch installation whose
 * {@code distribution/target/modules} links to the modules Maven built, so that it can be made
 * stale at will; a stand-in {@code mvn} records whether the launcher builds.
 */
class LauncherTest {
    /** The distribution's modules as the launcher finds them: plain jars in one folder. */
    @TempDir
    static Path shared;
    static Path modules;
    @TempDir
    Path tmp;
    Path home;
    Path stamp;
    Path source;
    Path fakeBin;
    Path mvnLog;

    @BeforeAll
    static void distribution() throws IOException {
        assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "the launcher is a bash script");
        assumeTrue(which("bash").isPresent(), "bash is needed");
        modules = Files.createDirectories(shared.resolve("modules"));
        int i = 0;
        for (Path m : Gdcert.modulePath()) {
            // automatic modules take their names from the file: keep those; modular jars may be called anything
            Path jar = modules.resolve(Files.isDirectory(m) ? "exploded-" + i++ + ".jar" : m.getFileName().toString());
            if (Files.isDirectory(m)) { // an exploded module of a `mvn test` run: package it as the distribution would
                StringWriter out = new StringWriter();
                int code = java.util.spi.ToolProvider.findFirst("jar").orElseThrow().run(new PrintWriter(out),
                        new PrintWriter(out), "--create", "--file", jar.toString(), "-C", m.toString(), ".");
                assertThat(code).as(out.toString()).isZero();
            } else {
                Files.copy(m, jar);
            }
        }
    }

    @BeforeEach
    void installation() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        Path launcher = Files.copy(Gdcert.root().resolve("gdcert"), home.resolve("gdcert"));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(home.resolve("distribution/target"));
        Files.createSymbolicLink(home.resolve("distribution/target/modules"), modules);
        source = home.resolve("core/src/main/java/Foo.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class Foo {}\n");
        ageTree(home.resolve("core"), 120);
        stamp = home.resolve("distribution/target/.gdcert-built");
        Files.writeString(stamp, "");
        Files.setLastModifiedTime(stamp, ago(60));
        fakeBin = Files.createDirectories(tmp.resolve("bin"));
        mvnLog = tmp.resolve("mvn.log");
        Path mvn = Files.writeString(fakeBin.resolve("mvn"), "#!/bin/sh\necho \"$@\" >> \"$MVN_LOG\"\n"
                + "sleep ${MVN_SECONDS:-0}\n"
                + "if [ \"${MVN_EXIT:-0}\" != 0 ]; then echo 'fake build failure: Foo.java:1: error'; fi\n"
                + "exit ${MVN_EXIT:-0}\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void removeLinks() throws IOException {
        // links out of the temporary folder are removed here, so that JUnit's clean-up has nothing to warn about
        Files.deleteIfExists(home.resolve("distribution/target/modules"));
        for (String t : List.of("dirname", "find")) {
            Files.deleteIfExists(tmp.resolve("tools").resolve(t));
        }
    }

    private static FileTime ago(int seconds) {
        return FileTime.from(Instant.now().minusSeconds(seconds));
    }

    private static void ageTree(Path root, int seconds) throws IOException {
        try (var s = Files.walk(root)) {
            for (Path p : s.toList()) {
                Files.setLastModifiedTime(p, ago(seconds));
            }
        }
    }

    private static Optional<Path> which(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, tool);
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private Gdcert.Result launch(String path, Map<String, String> extra, String... args) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("PATH", path);
        env.put("MVN_LOG", mvnLog.toString());
        List<String> cmd = new ArrayList<>(List.of(which("bash").orElseThrow().toString(), home.resolve("gdcert")
                .toString()));
        cmd.addAll(List.of(args));
        return Gdcert.start(tmp.resolve("cwd"), env, cmd).await();
    }

    private Gdcert.Result launch(String... args) {
        return launch(fakeBin + File.pathSeparator + System.getenv("PATH"), Map.of(), args);
    }

    private long builds() throws IOException {
        return Files.exists(mvnLog) ? Files.readAllLines(mvnLog).size() : 0;
    }

    @Test
    void anUpToDateInstallationRunsWithoutBuilding() throws IOException {
        Gdcert.Result r = launch("--version");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("gdcert ");
        assertThat(r.err()).isEmpty();
        assertThat(builds()).isZero();

        // tests, runs and examples are not part of the distribution
        for (String f : List.of("core/src/test/java/FooTest.java", "runs/x/summary.json", "examples/new.exp")) {
            Files.createDirectories(home.resolve(f).getParent());
            Files.writeString(home.resolve(f), "new");
        }
        assertThat(launch("--version").err()).isEmpty();
        assertThat(builds()).isZero();

        Gdcert.Result missing = launch("run", "nothere.exp");
        assertThat(missing.code()).as("exit codes pass through").isEqualTo(2);
        assertThat(missing.err()).isEqualTo("gdcert: nothere.exp: no such file\n");
    }

    @Test
    void aChangedSourceFileRebuildsOnceAndAnAddedOrRemovedOneToo() throws IOException {
        Files.writeString(source, "class Foo { int x; }\n");
        Gdcert.Result r = launch("--version");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("gdcert: building the distribution");
        assertThat(Files.readAllLines(mvnLog)).containsExactly(
                "-q -B -ntp -Dstyle.color=never -DskipTests -pl distribution -am package");
        assertThat(r.out()).startsWith("gdcert ");

        assertThat(launch("--version").err()).isEmpty();
        assertThat(builds()).as("built once").isEqualTo(1);

        // removing a file changes only its folder
        Files.setLastModifiedTime(stamp, ago(30));
        Files.delete(source);
        assertThat(launch("--version").code()).isZero();
        assertThat(builds()).isEqualTo(2);
    }

    @Test
    void runsStartFromASnapshotOfTheLastBuildSoThatALaterBuildCannotChangeTheirJars() throws IOException {
        Path snapshots = home.resolve("distribution/target/snapshots");
        Path current = home.resolve("distribution/target/.gdcert-current");
        // an installation built before snapshots existed takes one on its first run, without building
        assertThat(launch("--version").code()).isZero();
        assertThat(builds()).isZero();
        Path first = Path.of(Files.readString(current).trim());
        assertThat(first.getParent()).isEqualTo(snapshots);
        try (var a = Files.list(modules); var b = Files.list(first)) {
            assertThat(b.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(a.map(p -> p.getFileName().toString()).sorted().toList());
        }
        // a stale snapshot from two days ago goes at the next build; yesterday's first one stays
        Path old = Files.createDirectories(snapshots.resolve("20000101-000000-1"));
        Files.setLastModifiedTime(old, ago(2 * 24 * 3600));
        Files.writeString(source, "class Foo { int w; }\n");
        Gdcert.Result r = launch("--version");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(builds()).isEqualTo(1);
        Path second = Path.of(Files.readString(current).trim());
        assertThat(second).isNotEqualTo(first).isDirectory();
        assertThat(first).as("a run may still use it").isDirectory();
        assertThat(old).doesNotExist();
    }

    @Test
    void aFailedBuildIsReportedWithItsLogAndTriedAgainNextTime() throws IOException {
        Files.writeString(source, "class Foo { broken }\n");
        Gdcert.Result r = launch(fakeBin + File.pathSeparator + System.getenv("PATH"), Map.of("MVN_EXIT", "1"),
                "--version");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("fake build failure: Foo.java:1: error")
                .contains("gdcert: the build failed (full log: " + home.resolve("distribution/target/build.log") + ")");
        assertThat(launch("--version").code()).isZero();
        assertThat(builds()).isEqualTo(2);
    }

    @Test
    void twoLaunchersAtOnceBuildOnce() throws IOException {
        assumeTrue(which("flock").isPresent(), "flock (util-linux) serializes the builds");
        Files.writeString(source, "class Foo { int z; }\n");
        Map<String, String> env = new HashMap<>(Map.of("JAVA_HOME", System.getProperty("java.home"), "PATH",
                fakeBin + File.pathSeparator + System.getenv("PATH"), "MVN_LOG", mvnLog.toString(), "MVN_SECONDS", "1"));
        List<String> cmd = List.of(which("bash").orElseThrow().toString(), home.resolve("gdcert").toString(),
                "--version");
        Gdcert.Proc a = Gdcert.start(tmp.resolve("a"), env, cmd);
        Gdcert.Proc b = Gdcert.start(tmp.resolve("b"), env, cmd);
        Gdcert.Result ra = a.await();
        Gdcert.Result rb = b.await();
        assertThat(ra.code()).as(ra.toString()).isZero();
        assertThat(rb.code()).as(rb.toString()).isZero();
        assertThat(builds()).isEqualTo(1);
        try (var s = Files.list(home.resolve("distribution/target"))) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".gdcert-built."));
        }
    }

    @Test
    void withoutMavenAStaleInstallationSaysSo() throws IOException {
        Files.writeString(source, "class Foo { int y; }\n");
        Path tools = Files.createDirectories(tmp.resolve("tools"));
        for (String t : List.of("dirname", "find")) {
            Optional<Path> p = which(t);
            assumeTrue(p.isPresent(), t + " is needed");
            Files.createSymbolicLink(tools.resolve(t), p.get());
        }
        Gdcert.Result r = launch(tools.toString(), Map.of(), "--version");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is missing or out of date, and Maven (mvn) is not on the PATH");
    }

    @Test
    void pluginsBesideTheLauncherAreLoaded() throws IOException {
        Path example = Gdcert.root().resolve("examples/plugin-example");
        Gdcert.buildJar(example.resolve("src/main/java"), example.resolve("src/main/resources"),
                home.resolve("plugins/swish.jar"), "1.0.0", tmp, List.of());
        Gdcert.Result r = launch("plugins", "activation");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("  swish  [org.gdcert.example.activation 1.0.0]");
        assertThat(builds()).as("plugins/ is not a source folder").isZero();
    }
}
