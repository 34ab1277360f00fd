package org.gdcert.initializers;

import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.LayerContext;

/**
 * Entries iid with mean 0 and variance {@code scale / n}, n = fan-in (LeCun, He) or the mean of fan-in
 * and fan-out (Xavier/Glorot); Gaussian or uniform on ±√(3·variance).
 */
final class VarianceScaling implements Initializer {

    /** Which fan divides the scale. */
    enum Fan {
        IN, AVERAGE
    }

    private final double scale;
    private final Fan fan;
    private final Fill.Distribution distribution;

    VarianceScaling(double scale, Fan fan, Fill.Distribution distribution) {
        this.scale = scale;
        this.fan = fan;
        this.distribution = distribution;
    }

    /** The variance of every entry of a layer. */
    double variance(LayerContext layer) {
        double n = fan == Fan.IN ? layer.fanIn() : 0.5 * (layer.fanIn() + layer.fanOut());
        return scale / n;
    }

    @Override
    public void initialize(LayerContext layer, HostMatrix weights, Rng rng) {
        Shapes.check(layer, weights);
        Fill.withVariance(weights, variance(layer), distribution, rng);
    }
}
