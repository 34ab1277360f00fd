package org.gdcert.certificates.testing;

import java.util.List;
import java.util.Optional;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.spi.CertificateProvider;
import org.gdcert.core.spi.DataSource;
import org.gdcert.core.spi.DataSourceProvider;
import org.gdcert.core.spi.Dataset;
import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.InitializerProvider;
import org.gdcert.core.spi.ValidatedParams;
import org.gdcert.core.testing.TestPlugins;

/**
 * Plugins for end-to-end runs of the checkers through core's {@code Runner}: fixed data, fixed
 * weights, plain full-batch GD under the name {@code gd} (the name the checkers cover), the
 * reference backend, and the given certificate providers.
 */
public final class FixturePlugins {
    private FixturePlugins() {
    }

    public static Plugins of(HostMatrix x, HostMatrix y, List<HostMatrix> weights, CertificateProvider... certs) {
        Plugins.Builder b = Plugins.builder().add(new Data(x, y)).add(new Fixed(weights))
                .add(new TestPlugins.PlainGd("gd", "gradient descent")).add(new TestPlugins.Reference());
        for (CertificateProvider c : certs) {
            b.add(c);
        }
        return b.build();
    }

    static final class Data implements DataSourceProvider {
        private final HostMatrix x;
        private final HostMatrix y;

        Data(HostMatrix x, HostMatrix y) {
            this.x = x;
            this.y = y;
        }

        @Override
        public String name() {
            return "fixeddata";
        }

        @Override
        public String description() {
            return "fixed X and Y";
        }

        @Override
        public DataSource create(ValidatedParams p) {
            return ctx -> new Dataset(x.copy(), Optional.of(y.copy()), Optional.empty(), "fixture");
        }
    }

    static final class Fixed implements InitializerProvider {
        private final List<HostMatrix> ws;

        Fixed(List<HostMatrix> ws) {
            this.ws = ws;
        }

        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public String description() {
            return "fixed weights";
        }

        @Override
        public Initializer create(ValidatedParams p) {
            return (layer, w, rng) -> System.arraycopy(ws.get(layer.layer() - 1).data(), 0, w.data(), 0,
                    w.data().length);
        }
    }
}
