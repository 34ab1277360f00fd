package org.gdcert.backend.cuda;

import org.gdcert.core.spi.Availability;

/**
 * Prints the provider's availability as the launcher sees it: run by {@link ModulePathTest} on the
 * module path, patched into the backend's module. Not a test.
 */
public final class ModulePathProbe {
    private ModulePathProbe() {
    }

    public static void main(String[] args) {
        Availability a = new CudaBackendProvider().availability();
        System.out.println("named module: " + CudaBackendProvider.class.getModule().isNamed() + ", jcuda named: "
                + jcuda.LibUtils.class.getModule().isNamed());
        System.out.println(a.available() ? "AVAILABLE" : "UNAVAILABLE: " + a.reason());
    }
}
