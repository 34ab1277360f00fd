package org.gdcert.backend.vector;

import java.util.Optional;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.ClosedForm;
import org.gdcert.core.spi.Matrix;

/**
 * Run in separate JVMs by {@link VectorMathTest} (interpreter only, and compiled by C2 up front):
 * evaluates the transcendental activations and a dot product on fixed inputs with the vector backend
 * and prints a digest of every bit of the results, which must not depend on the execution mode.
 */
public final class ReproducibilityProbe {
    private ReproducibilityProbe() {
    }

    /** A digest of σ and σ' of softplus, sigmoid and tanh and of a dot product, in double and float. */
    static long digest() {
        long h = 1125899906842597L;
        ClosedForm[] forms = {new ClosedForm.Softplus(), new ClosedForm.Sigmoid(), new ClosedForm.Tanh()};
        for (Precision p : Precision.values()) {
            try (Backend be = new VectorBackend(p, 1)) {
                HostMatrix x = new HostMatrix(37, 29);
                for (int i = 0; i < x.data().length; i++) {
                    x.data()[i] = Math.sin(i * 0.7) * (i % 7 == 0 ? 30 : 3) + (i % 11 == 0 ? 1e-9 : 0);
                }
                Matrix in = be.upload(x);
                for (ClosedForm f : forms) {
                    Matrix v = be.zeros(37, 29);
                    Matrix d = be.zeros(37, 29);
                    be.activation(new Form(f), in, v, d);
                    for (double y : be.download(v).data()) {
                        h = 31 * h + Double.doubleToRawLongBits(y);
                    }
                    for (double y : be.download(d).data()) {
                        h = 31 * h + Double.doubleToRawLongBits(y);
                    }
                }
                h = 31 * h + Double.doubleToRawLongBits(be.dot(in, in));
            }
        }
        return h;
    }

    public static void main(String[] args) {
        System.out.println("digest " + Long.toHexString(digest()));
    }

    /** An activation that is exactly its closed form. */
    record Form(ClosedForm form) implements Activation {
        @Override
        public double value(double x) {
            return form.value(x);
        }

        @Override
        public double derivative(double x) {
            return form.derivative(x);
        }

        @Override
        public double secondDerivative(double x) {
            return 0;
        }

        @Override
        public ActivationProperties properties() {
            return new ActivationProperties(false, false, 0, 1, 1, true, false);
        }

        @Override
        public Optional<ClosedForm> closedForm() {
            return Optional.of(form);
        }
    }
}
