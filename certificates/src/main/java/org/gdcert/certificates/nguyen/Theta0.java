package org.gdcert.certificates.nguyen;

import java.util.ArrayList;
import java.util.List;
import org.gdcert.certificates.kernels.HostDoubleBackend;
import org.gdcert.certificates.kernels.Spectral;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;

/**
 * The instance at θ0 on a double-precision backend: the run's own backend (so Gram products run
 * where the data are), or a private Java double backend when the run's backend is float32 (the
 * certificate's numbers need float64, spec §6.4). Holds the forward pass and the spectral numbers
 * both checkers need, with the method of each (for the report's numerics notes).
 */
final class Theta0 implements AutoCloseable {
    final Backend backend;
    final boolean privateBackend;
    final Network net;
    final Matrix x;
    final Matrix y;
    final ForwardPass fp;
    final double phi0;
    final List<String> methods = new ArrayList<>();
    private final ParameterSet ownParams;

    Theta0(CertificateContext ctx) {
        Network given = ctx.network();
        if (given.backend().precision() == Precision.DOUBLE) {
            backend = given.backend();
            privateBackend = false;
            net = given;
            ownParams = null;
        } else {
            backend = new HostDoubleBackend(Math.max(1, Runtime.getRuntime().availableProcessors()));
            privateBackend = true;
            ownParams = ParameterSet.upload(ctx.spec(), backend, ctx.weights(), ctx.biases());
            net = new Network(ownParams);
        }
        x = backend.upload(ctx.inputs());
        y = backend.upload(ctx.targets());
        fp = net.newForwardPass(ctx.samples());
        net.forward(x, fp);
        phi0 = net.loss(fp, y);
    }

    /** √(2Φ(θ0)). */
    double r0() {
        return Math.sqrt(2 * phi0);
    }

    /** ‖X‖_2 (upper-side). */
    double normX2() {
        return record("‖X‖_2", Spectral.sigmaMax(backend, x));
    }

    /** ‖W_l^0‖_2 (upper-side). */
    double specNorm(int l) {
        return record("‖W_" + l + "‖_2", Spectral.sigmaMax(backend, net.parameters().weight(l)));
    }

    /** σ_min(W_l^0) = σ_{min(n_{l-1}, n_l)} (lower-side). */
    double sigmaMin(int l) {
        return record("σ_min(W_" + l + ")", Spectral.sigmaMin(backend, net.parameters().weight(l)));
    }

    /** σ_N(F_l^0), 0 when n_l &lt; N (lower-side). */
    double sigmaNFeatures(int l, String symbol) {
        return record(symbol, Spectral.sigmaN(backend, fp.features(l)));
    }

    private double record(String what, Spectral.Value v) {
        methods.add(what + ": " + v.method());
        return v.value();
    }

    @Override
    public void close() {
        fp.close();
        x.close();
        y.close();
        if (privateBackend) {
            ownParams.close();
            backend.close();
        }
    }
}
