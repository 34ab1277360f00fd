package org.gdcert.backend.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the module path (as the launcher runs gdcert) JCuda's own loader cannot see the natives jar's
 * resource, so without {@link JCudaNatives} every machine would report "JCuda's driver library could
 * not be loaded", GPU or not. Starts a JVM on the module path (the backend's classes, core, their
 * libraries, JCuda's two jars) with an empty temp folder and checks that the driver library was placed
 * there and the probe got as far as libcuda (or, with a GPU or the emulator, to the device).
 */
class ModulePathTest {

    @Test
    void theProbeFindsJCudasNativesOnTheModulePath(@TempDir Path tmp) throws IOException, InterruptedException,
            URISyntaxException, ClassNotFoundException {
        Set<String> path = new LinkedHashSet<>();
        path.add(location(CudaBackendProvider.class));
        path.add(location(org.gdcert.core.spi.Availability.class));
        for (String c : new String[] {"com.google.inject.Guice", "jakarta.inject.Inject",
                "org.aopalliance.intercept.MethodInterceptor", "com.google.common.collect.ImmutableList",
                "com.google.common.util.concurrent.internal.InternalFutureFailureAccess", "org.ejml.data.DMatrixRMaj",
                "org.ejml.dense.row.CommonOps_DDRM", "jcuda.LibUtils"}) {
            path.add(location(Class.forName(c, false, getClass().getClassLoader())));
        }
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (e.contains("jcuda-natives")) {
                path.add(e);
            }
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Djava.io.tmpdir=" + tmp,
                "--module-path", String.join(File.pathSeparator, path), "--add-modules", "jcuda.natives",
                "--patch-module", "org.gdcert.backend.cuda=" + location(ModulePathProbe.class),
                "-m", "org.gdcert.backend.cuda/" + ModulePathProbe.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("named module: true, jcuda named: true");
        assertThat(out).doesNotContain("JCuda's driver library could not be loaded");
        assertThat(out).containsPattern("AVAILABLE|UNAVAILABLE: no NVIDIA driver is installed|UNAVAILABLE: the NVIDIA");
        assertThat(tmp.resolve(JCudaNatives.driverLibraryFileName())).isRegularFile();
    }

    private static String location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
