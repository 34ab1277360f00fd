package org.gdcert.initializers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.InitializerProvider;
import org.gdcert.core.spi.LayerContext;

/** Layer contexts and whole-network initialization for tests. */
final class Contexts {

    private Contexts() {
    }

    /** Layer l of a network with the given widths (widths[0] = d), with 3 samples of inputs. */
    static LayerContext layer(int l, int[] widths, List<HostMatrix> previous) {
        return new LayerContext(l, widths.length - 1, widths[l - 1], widths[l], Optional.empty(),
                new HostMatrix(3, widths[0]), new HostMatrix(3, widths[widths.length - 1]), previous);
    }

    /** Initializes every layer of a network of the given widths, drawing layer l from rng.stream("layer", l). */
    static List<HostMatrix> network(Initializer init, int[] widths, long seed) {
        Rng rng = Rng.of(seed);
        List<HostMatrix> ws = new ArrayList<>();
        for (int l = 1; l < widths.length; l++) {
            HostMatrix w = new HostMatrix(widths[l - 1], widths[l]);
            java.util.Arrays.fill(w.data(), Double.NaN); // every entry must be overwritten
            init.initialize(layer(l, widths, ws), w, rng.stream("layer", l));
            ws.add(w);
        }
        return ws;
    }

    /** One fanIn × fanOut matrix as layer {@code l} of a depth-{@code depth} network. */
    static HostMatrix single(Initializer init, int fanIn, int fanOut, long seed) {
        HostMatrix w = new HostMatrix(fanIn, fanOut);
        java.util.Arrays.fill(w.data(), Double.NaN);
        init.initialize(layer(1, new int[] {fanIn, fanOut}, List.of()), w, Rng.of(seed));
        return w;
    }

    static Initializer create(InitializerProvider p, Argument... args) {
        return p.configure(List.of(args)).instance();
    }
}
