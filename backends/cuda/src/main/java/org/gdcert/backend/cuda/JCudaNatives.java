package org.gdcert.backend.cuda;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;
import jcuda.JCudaVersion;
import jcuda.LibUtils;

/**
 * Puts JCuda's native driver library where JCuda's own loader will find it, safely, before JCuda is
 * first used.
 *
 * <p>JCuda loads {@code libJCudaDriver-<version>-<os>-<arch>.so} with {@code System.loadLibrary}, and
 * failing that copies it from the {@code jcuda-natives} jar to {@code java.io.tmpdir} under its plain
 * name and loads that copy; when the copy already exists it loads it as it is. Two problems: it writes
 * the copy in place (another JVM loading the same path meanwhile can map a half-written file), and
 * on the module path it looks for the jar's resource only inside its own module, so it never finds
 * the natives there. This class reads the library from whichever module or class loader holds it and
 * makes the temp copy complete and identical to it, writing a fresh one under a private name and
 * renaming it into place atomically when needed. JCuda then loads that file.
 */
final class JCudaNatives {
    private static final String NATIVES_MODULE = "jcuda.natives";

    private JCudaNatives() {
    }

    /** The file name JCuda's loader looks for, {@code libJCudaDriver-12.6.0-linux-x86_64.so}. */
    static String driverLibraryFileName() {
        return LibUtils.createLibraryFileName(LibUtils.createPlatformLibraryName("JCudaDriver-" + JCudaVersion.get()));
    }

    /**
     * Makes {@code java.io.tmpdir/<driverLibraryFileName()>} hold exactly the library the natives jar
     * ships. Returns the file, or empty if no natives jar for this platform is on the class or module
     * path (JCuda may still find the library on {@code java.library.path}).
     */
    static Optional<Path> prepare() throws IOException {
        return prepare(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** {@link #prepare()} into {@code dir} (tests use a folder of their own). */
    static Optional<Path> prepare(Path dir) throws IOException {
        String file = driverLibraryFileName();
        Optional<byte[]> library = read("lib/" + file);
        if (library.isEmpty()) {
            return Optional.empty();
        }
        Path target = dir.resolve(file);
        byte[] bytes = library.get();
        if (Files.isRegularFile(target) && Files.size(target) == bytes.length
                && Arrays.equals(Files.readAllBytes(target), bytes)) {
            return Optional.of(target);
        }
        Path part = Files.createTempFile(dir, file + ".", ".part");
        try {
            Files.write(part, bytes);
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(part);
        }
        return Optional.of(target);
    }

    /** A resource outside any package, from the natives module if there is one, else from the class loaders. */
    static Optional<byte[]> read(String name) throws IOException {
        Module jcuda = LibUtils.class.getModule();
        if (jcuda.getLayer() != null) {
            Optional<Module> natives = jcuda.getLayer().findModule(NATIVES_MODULE);
            if (natives.isPresent()) {
                try (InputStream in = natives.get().getResourceAsStream(name)) {
                    if (in != null) {
                        return Optional.of(in.readAllBytes());
                    }
                }
            }
        }
        for (ClassLoader loader : new ClassLoader[] {LibUtils.class.getClassLoader(),
                JCudaNatives.class.getClassLoader(), ClassLoader.getSystemClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try (InputStream in = loader.getResourceAsStream(name)) {
                if (in != null) {
                    return Optional.of(in.readAllBytes());
                }
            }
        }
        return Optional.empty();
    }
}
