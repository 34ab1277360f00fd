package org.gdcert.clitests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Killing {@code gdcert run} in the middle of a real sweep and running the same command again:
 * finished runs are skipped and their files untouched, the run that was cut off is done again,
 * {@code results.csv} has one row per run, and nothing half-written is left.
 */
class KillResumeTest {
    /** Four runs of about a second each (a wall-clock stop, so they last as long on any machine). */
    private static final String SWEEP = "seed 5\n"
            + "data sphere(n=20, d=5) labels signs\n"
            + "net d -> m -> 1 init lecun act tanh train gd eta=0.01\n"
            + "sweep m in [30, 31, 32, 33]\n"
            + "stop steps 1000000000, time 1s\n";
    private static final List<String> RUNS = List.of("m=30", "m=31", "m=32", "m=33");
    private static final long WAIT_MILLIS = 90_000;
    private static final int ATTEMPTS = 3;
    @TempDir
    Path tmp;

    /** Which runs have a summary and which are under way (a trajectory still being written). */
    record State(List<String> finished, List<String> underWay) {
    }

    private static State state(Path plan) {
        List<String> finished = new ArrayList<>();
        List<String> underWay = new ArrayList<>();
        for (String r : RUNS) {
            Path dir = plan.resolve(r);
            if (Files.exists(dir.resolve("summary.json"))) {
                finished.add(r);
            } else if (Files.exists(dir.resolve("trajectory.csv.partial"))) {
                underWay.add(r);
            }
        }
        return new State(finished, underWay);
    }

    /** Every file of a run folder with its hash and modification time. */
    private static Map<String, String> snapshot(Path dir) {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                m.put(dir.relativize(p).toString(), HexFormat.of().formatHex(digest) + " "
                        + Files.getLastModifiedTime(p).toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

    private static List<String> leftovers(Path plan) throws IOException {
        try (Stream<Path> s = Files.walk(plan)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".partial") || n.endsWith(".tmp"))
                    .toList();
        }
    }

    @Test
    void killedHardWhileARunTrains() throws Exception {
        interruptAndResume(true, "2");
    }

    @Test
    void stoppedWithCtrlCWhileARunTrains() throws Exception {
        // on Windows Process.destroy() terminates without running shutdown hooks
        assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "SIGTERM needs a POSIX system");
        interruptAndResume(false, "1");
    }

    private void interruptAndResume(boolean hard, String threads) throws Exception {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Path dir = Files.createDirectories(tmp.resolve("attempt-" + attempt));
            Path script = Files.writeString(dir.resolve("sweep.exp"), SWEEP);
            Path plan = dir.resolve("runs/sweep");
            List<String> command = Gdcert.command("run", "--out", dir.resolve("runs").toString(), "--threads", threads,
                    script.toString());

            Gdcert.Proc first = Gdcert.start(dir, Map.of(), command);
            long deadline = System.currentTimeMillis() + WAIT_MILLIS;
            State seen = state(plan);
            while (seen.finished().isEmpty() || seen.underWay().isEmpty()) {
                if (!first.process.isAlive() || System.currentTimeMillis() > deadline) {
                    first.process.destroyForcibly().waitFor();
                    fail("never saw a finished run next to one under way: %s%n%s%s", seen, Gdcert.read(first.out),
                            Gdcert.read(first.err));
                }
                Thread.sleep(20);
                seen = state(plan);
            }
            if (hard) {
                first.process.destroyForcibly(); // SIGKILL: no shutdown hook, files as they are
            } else {
                first.process.destroy(); // SIGTERM, as Ctrl-C: the shutdown hook stops the run cleanly
            }
            Gdcert.Result killed = first.await();

            State after = state(plan);
            List<String> cutOff = new ArrayList<>(after.underWay());
            if (!hard) {
                // the cancelled run wrote a summary saying so
                for (String r : RUNS) {
                    Path summary = plan.resolve(r).resolve("summary.json");
                    if (Files.exists(summary) && Files.readString(summary).contains("\"status\": \"CANCELLED\"")) {
                        cutOff.add(r);
                    }
                }
            }
            List<String> done = new ArrayList<>(after.finished());
            done.removeAll(cutOff);
            if (cutOff.isEmpty() || done.isEmpty()) {
                continue; // the run finished between the look and the kill: try again in a fresh folder
            }
            if (hard) {
                assertThat(killed.code()).isEqualTo(137);
            } else {
                assertThat(killed.code()).as(killed.toString()).isEqualTo(143);
                assertThat(killed.out()).contains("run the same command again to resume");
            }
            Map<String, Map<String, String>> before = new TreeMap<>();
            for (String r : done) {
                before.put(r, snapshot(plan.resolve(r)));
            }

            Gdcert.Result again = Gdcert.start(dir, Map.of(), command).await();
            assertThat(again.code()).as(again.toString()).isZero();
            for (String r : done) {
                assertThat(again.out()).contains("  " + r + ": already done in ");
                // untouched: every file is as it was (the report step may add the run's plots beside them)
                assertThat(snapshot(plan.resolve(r))).as("files of %s untouched", r)
                        .containsAllEntriesOf(before.get(r));
            }
            for (String r : cutOff) {
                assertThat(again.out()).doesNotContain("  " + r + ": already done");
                assertThat(Files.readString(plan.resolve(r).resolve("summary.json"))).contains("\"status\": \"COMPLETED\"");
                assertThat(plan.resolve(r).resolve("trajectory.csv")).isRegularFile();
            }
            assertThat(again.out()).contains("4 of 4 runs succeeded (" + done.size() + (done.size() == 1 ? " was" : " were")
                    + " already done)");
            List<String> table = Files.readAllLines(plan.resolve("results.csv"));
            assertThat(table.get(0)).startsWith("run,m,seed,status,");
            assertThat(table.subList(1, table.size())).extracting(l -> l.substring(0, l.indexOf(',')))
                    .containsExactlyInAnyOrderElementsOf(RUNS);
            assertThat(table.subList(1, table.size())).allSatisfy(l -> assertThat(l).contains(",COMPLETED,"));
            assertThat(leftovers(plan)).isEmpty();
            return;
        }
        fail("in %d attempts the run under way always finished before it could be killed", ATTEMPTS);
    }
}
