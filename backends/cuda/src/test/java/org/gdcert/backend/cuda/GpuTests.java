package org.gdcert.backend.cuda;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.PrintWriter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs this module's tests (the contract suite on the GPU, CudaBackendTest, and the rest) where there
 * is no Maven: on a GPU machine with only the kit of {@code gpu-kit.sh}. Exit status 0 when every test
 * passed and the GPU tests ran, 1 when one failed, 3 when there was no GPU (so they were skipped).
 */
public final class GpuTests {
    private GpuTests() {
    }

    public static void main(String[] args) {
        System.out.println("cuda availability: " + (new CudaBackendProvider().availability().available() ? "available, "
                + CudaDriver.facts().device().describe() + ", CUDA driver "
                + DriverFacts.cudaVersion(CudaDriver.facts().driverVersion())
                : "UNAVAILABLE: " + new CudaBackendProvider().availability().reason()));
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(GpuTests.class.getPackageName())).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        PrintWriter out = new PrintWriter(System.out, true);
        summary.printFailuresTo(out, 30);
        summary.printTo(out);
        if (summary.getTotalFailureCount() > 0) {
            System.exit(1);
        }
        System.exit(new CudaBackendProvider().availability().available() ? 0 : 3);
    }
}
