package org.gdcert.bench;

import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProvider;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.BackendProvider;
import org.gdcert.core.spi.Configured;

/** Plugins looked up by name on the class path, as the DSL does through its registry. */
final class Backends {
    private Backends() {
    }

    /** A backend plugin ({@code java}, {@code vector}) with the given precision and threads. */
    static Backend create(String name, Precision precision, int threads) {
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
            if (p.name().equals(name)) {
                if (!p.availability().available()) {
                    throw new IllegalStateException("backend " + name + " is not available: "
                            + p.availability().reason());
                }
                return p.configure(List.of(Argument.named("precision", precision.name().toLowerCase(Locale.ROOT)),
                        Argument.named("threads", threads))).instance();
            }
        }
        throw new IllegalStateException("no backend '" + name + "' on the class path");
    }

    /** An activation plugin with its default parameters, or with the given arguments. */
    static Configured<Activation> activation(String name, Argument... args) {
        for (ActivationProvider p : ServiceLoader.load(ActivationProvider.class)) {
            if (p.name().equals(name)) {
                return p.configure(List.of(args));
            }
        }
        throw new IllegalStateException("no activation '" + name + "' on the class path");
    }

    /** The one-minute load average from /proc/loadavg, NaN where there is none. */
    static double load() {
        try {
            return Double.parseDouble(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .trim().split("\\s+")[0]);
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
