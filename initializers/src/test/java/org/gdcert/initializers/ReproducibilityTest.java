package org.gdcert.initializers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.InitializerProvider;
import org.junit.jupiter.api.Test;

/** Same seed, same weights, bit for bit; whatever runs beside it on other threads. */
class ReproducibilityTest {

    /** A pyramid every initializer accepts except the two-layer-only ones. */
    private static final int[] DEEP = {6, 24, 12, 8, 2};
    private static final int[] SHALLOW = {6, 24, 2};
    private static final List<String> TWO_LAYER_ONLY = List.of("song", "shallow_gaussian");
    private static final List<String> DETERMINISTIC = List.of("zero", "identity", "signs");

    private static List<InitializerProvider> providers() {
        return ServiceLoader.load(InitializerProvider.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    private static int[] widthsFor(InitializerProvider p) {
        return TWO_LAYER_ONLY.contains(p.name()) ? SHALLOW : DEEP;
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsAndAnotherSeedDoesNot() {
        for (InitializerProvider p : providers()) {
            Initializer init = p.configureDefaults().instance();
            List<HostMatrix> a = Contexts.network(init, widthsFor(p), 1234);
            List<HostMatrix> b = Contexts.network(p.configureDefaults().instance(), widthsFor(p), 1234);
            assertThat(b).as(p.name()).isEqualTo(a);
            for (HostMatrix w : a) {
                for (double v : w.data()) {
                    assertThat(v).as(p.name()).isFinite();
                }
            }
            if (!DETERMINISTIC.contains(p.name())) {
                List<HostMatrix> c = Contexts.network(init, widthsFor(p), 1235);
                assertThat(c).as(p.name()).isNotEqualTo(a);
            }
        }
    }

    @Test
    void concurrentInitializationsDoNotInterfere() throws Exception {
        List<InitializerProvider> ps = providers();
        List<List<HostMatrix>> sequential = new ArrayList<>();
        for (InitializerProvider p : ps) {
            sequential.add(Contexts.network(p.configureDefaults().instance(), widthsFor(p), 99));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<List<HostMatrix>>> futures = new ArrayList<>();
                for (InitializerProvider p : ps) {
                    Initializer shared = p.configureDefaults().instance();
                    for (int copy = 0; copy < 2; copy++) { // the same instance used from two threads at once
                        futures.add(pool.submit(() -> Contexts.network(shared, widthsFor(p), 99)));
                    }
                }
                for (int i = 0; i < futures.size(); i++) {
                    assertThat(futures.get(i).get()).as(ps.get(i / 2).name()).isEqualTo(sequential.get(i / 2));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
