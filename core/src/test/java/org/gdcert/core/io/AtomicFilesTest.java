package org.gdcert.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private Set<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
        }
    }

    @Test
    void writesAndReplacesWithoutLeavingTemporaryFiles() throws IOException {
        Path f = dir.resolve("a.json");
        AtomicFiles.writeString(f, "{\"x\": 1}");
        AtomicFiles.writeString(f, "{\"x\": 2, \"é\": true}");
        assertThat(Files.readString(f)).isEqualTo("{\"x\": 2, \"é\": true}");
        AtomicFiles.writeBytes(dir.resolve("b.bin"), new byte[] {1, 2, 3});
        assertThat(Files.readAllBytes(dir.resolve("b.bin"))).containsExactly(1, 2, 3);
        AtomicFiles.write(dir.resolve("sub/dir/c.txt"), out -> {
            out.write("streamed".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.close(); // closing early is harmless
        });
        assertThat(Files.readString(dir.resolve("sub/dir/c.txt"))).isEqualTo("streamed");
        assertThat(names()).containsExactlyInAnyOrder("a.json", "b.bin", "sub");
    }

    @Test
    void aFailingWriterLeavesTheOldContentAndNoTemporaryFile() throws IOException {
        Path f = dir.resolve("keep.txt");
        AtomicFiles.writeString(f, "old");
        assertThatThrownBy(() -> AtomicFiles.write(f, out -> {
            out.write("half of the new".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            throw new IOException("disk on fire");
        })).isInstanceOf(IOException.class).hasMessage("disk on fire");
        assertThatThrownBy(() -> AtomicFiles.write(f, out -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(f)).isEqualTo("old");
        assertThat(names()).containsExactly("keep.txt");
    }

    @Test
    void newFilesGetTheUsualPermissionsNotOwnerOnly() throws IOException {
        Path probe = Files.createFile(dir.resolve("probe"));
        Path f = dir.resolve("p.txt");
        AtomicFiles.writeString(f, "x");
        Set<PosixFilePermission> usual;
        try {
            usual = Files.getPosixFilePermissions(probe);
        } catch (UnsupportedOperationException e) {
            return; // not a POSIX file system: nothing to compare
        }
        assertThat(Files.getPosixFilePermissions(f)).isEqualTo(usual);
    }
}
