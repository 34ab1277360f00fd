package org.gdcert.core.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a run's numbers come from: enough to reproduce it and to know what produced it.
 *
 * @param gdcertVersion the version of gdcert
 * @param seed the master seed
 * @param javaVersion {@code java.version}
 * @param javaVendor {@code java.vendor} and VM name
 * @param os operating system and architecture
 * @param processors available processors
 * @param backend the backend's own description (name, precision, threads, SIMD species)
 * @param plugins every plugin used by the run: kind, name, parameters, origin (module and version)
 * @param dataFingerprint SHA-256 of X and Y (shape and little-endian bytes)
 * @param data the data description
 * @param sourceSha256 SHA-256 of the script text
 * @param started when the run started
 * @param bindings sweep variables of this run
 */
public record Provenance(String gdcertVersion, long seed, String javaVersion, String javaVendor, String os,
        int processors, String backend, List<Map<String, String>> plugins, String dataFingerprint, String data,
        String sourceSha256, Instant started, Map<String, String> bindings) {
    public Provenance {
        Objects.requireNonNull(gdcertVersion);
        plugins = List.copyOf(plugins);
        bindings = Map.copyOf(bindings);
    }
}
