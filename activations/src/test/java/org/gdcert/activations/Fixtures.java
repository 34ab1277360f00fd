package org.gdcert.activations;

import java.util.ArrayList;
import java.util.List;
import org.gdcert.core.spi.ActivationProvider;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ParamValue;

/** The activations under test, through their providers, with a spread of parameters. */
final class Fixtures {

    private Fixtures() {
    }

    /** A labelled activation. */
    record Case(String label, Activation activation) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Case make(ActivationProvider provider, double... positional) {
        List<Argument> args = new ArrayList<>();
        for (double p : positional) {
            args.add(Argument.positional(ParamValue.Num.of(p)));
        }
        var configured = provider.configure(args);
        return new Case(configured.toString(), configured.instance());
    }

    static List<Case> all() {
        return List.of(
                make(new SmoothReluProvider()),
                make(new SmoothReluProvider(), 0.1, 5),
                make(new SmoothReluProvider(), 0.0, 2),
                make(new SmoothReluProvider(), 0.9, 20),
                make(new SmoothReluProvider(), 0.25, 0.3),
                make(new ReluProvider()),
                make(new ReluProvider(), 0.5),
                make(new LeakyReluProvider()),
                make(new LeakyReluProvider(), 0.2),
                make(new LeakyReluProvider(), 1.0),
                make(new SoftplusProvider()),
                make(new SigmoidProvider()),
                make(new TanhProvider()),
                make(new GeluProvider()),
                make(new ErfProvider()),
                make(new IdentityProvider()));
    }

    /** Those with a closed-form Gaussian pair expectation. */
    static List<Case> withPairExpectation() {
        return all().stream().filter(c -> c.activation().gaussianPairExpectation(1, 1, 0.3).isPresent()).toList();
    }
}
