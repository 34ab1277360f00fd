package org.gdcert.backend.vector;

import java.util.ServiceLoader;
import org.gdcert.core.spi.BackendProvider;

/**
 * Run in a separate JVM by {@link VectorBackendProviderTest}: finds the vector provider through
 * {@link ServiceLoader} and prints its availability and what {@code create} says.
 */
public final class AvailabilityProbe {
    private AvailabilityProbe() {
    }

    public static void main(String[] args) {
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
            if (p.name().equals("vector")) {
                System.out.println("listed " + p.name() + ": " + p.description());
                System.out.println("available " + p.availability().available() + ": " + p.availability().reason());
                try {
                    p.configureDefaults().instance().close();
                    System.out.println("created");
                } catch (IllegalStateException e) {
                    System.out.println("create refused: " + e.getMessage());
                }
            }
        }
    }
}
