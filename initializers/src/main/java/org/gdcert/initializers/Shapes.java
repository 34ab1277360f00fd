package org.gdcert.initializers;

import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.LayerContext;

/** Argument checks shared by the initializers. */
final class Shapes {
    private Shapes() {
    }

    /** The weights must be fanIn × fanOut of the layer. */
    static void check(LayerContext layer, HostMatrix w) {
        if (w.rows() != layer.fanIn() || w.cols() != layer.fanOut()) {
            throw new IllegalArgumentException("layer " + layer.layer() + ": weights are " + w.rows() + "x" + w.cols()
                    + " but the layer is " + layer.fanIn() + "x" + layer.fanOut() + " (fan-in x fan-out)");
        }
    }
}
