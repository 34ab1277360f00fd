package org.gdcert.backend.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JCuda driver library is placed complete and identical where JCuda's loader looks. */
class JCudaNativesTest {

    @Test
    void placesAnExactCopyAndRepairsADamagedOne(@TempDir Path dir) throws IOException {
        String name = JCudaNatives.driverLibraryFileName();
        assertThat(name).startsWith("libJCudaDriver-12.6.0-").contains(System.getProperty("os.name").toLowerCase()
                .startsWith("linux") ? "-linux-" : "-");
        Optional<byte[]> shipped = JCudaNatives.read("lib/" + name);
        assertThat(shipped).as("jcuda-natives for this platform on the test class path").isPresent();

        Path placed = JCudaNatives.prepare(dir).orElseThrow();
        assertThat(placed).isEqualTo(dir.resolve(name));
        assertThat(Files.readAllBytes(placed)).isEqualTo(shipped.get());

        // a truncated copy (another process died while writing it) is replaced, not loaded
        Files.write(placed, new byte[] {0x7f, 'E', 'L', 'F'});
        JCudaNatives.prepare(dir);
        assertThat(Files.readAllBytes(placed)).isEqualTo(shipped.get());

        // an intact copy is left alone, and no temporary files stay behind
        long modified = Files.getLastModifiedTime(placed).toMillis();
        JCudaNatives.prepare(dir);
        assertThat(Files.getLastModifiedTime(placed).toMillis()).isEqualTo(modified);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(placed);
        }
    }
}
