package org.gdcert.core.spectral;

import java.util.Objects;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;

/**
 * The Jacobian J of the network output vec(F_L) (N·n_L entries, row-major: sample i, output j at
 * i·n_L + j) with respect to the trainable parameters (in the order of
 * {@link ParameterSet#flattenTrainable}), at the parameters and inputs of one forward pass, as a
 * matrix-free {@link LinearOperator}: {@code apply} is a JVP, {@code applyTranspose} a VJP, on the
 * network's backend. {@link #ntk()} is the empirical NTK K = J Jᵀ (N·n_L square), so
 * {@code solver.lambdaMax(jacobian.ntk())} gives λ_max(K) without materializing J or K.
 *
 * <p>The operator reflects the parameters at creation time: it runs its own forward pass then.
 * Holds backend buffers; close it.
 */
public final class NetworkJacobian implements LinearOperator, AutoCloseable {
    private final Network network;
    private final Backend backend;
    private final ForwardPass fp;
    private final ParameterSet direction;
    private final ParameterSet gradient;
    private final Matrix outTangent;
    private final Matrix outCotangent;
    private final HostMatrix hostOut;
    private final int n;
    private final int outDim;
    private final int params;

    private NetworkJacobian(Network network, Matrix x) {
        this.network = network;
        this.backend = network.backend();
        this.n = x.rows();
        this.outDim = network.spec().outputDim();
        this.fp = network.newForwardPass(n);
        network.forward(x, fp);
        this.direction = network.parameters().zerosLike();
        this.gradient = network.parameters().zerosLike();
        this.params = network.parameters().trainableSize();
        this.outTangent = backend.zeros(n, outDim);
        this.outCotangent = backend.zeros(n, outDim);
        this.hostOut = new HostMatrix(n, outDim);
        if ((long) n * outDim > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("spectral: network output " + n + "x" + outDim + " too large");
        }
    }

    /**
     * J at the network's current parameters and the inputs {@code x} (N × d, on the network's
     * backend).
     */
    public static NetworkJacobian at(Network network, Matrix x) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(x, "x");
        return new NetworkJacobian(network, x);
    }

    /** N·n_L. */
    @Override
    public int rows() {
        return n * outDim;
    }

    /** The number of trainable parameters. */
    @Override
    public int cols() {
        return params;
    }

    /** y := J v (a JVP). */
    @Override
    public void apply(double[] v, double[] y) {
        direction.unflattenTrainable(v);
        network.jvp(fp, direction, outTangent);
        backend.download(outTangent, hostOut);
        System.arraycopy(hostOut.data(), 0, y, 0, rows());
    }

    /** x := Jᵀ u (a VJP). */
    @Override
    public void applyTranspose(double[] u, double[] x) {
        System.arraycopy(u, 0, hostOut.data(), 0, rows());
        backend.upload(hostOut, outCotangent);
        network.vjp(fp, outCotangent, gradient);
        gradient.flattenTrainable(x);
    }

    /** The empirical neural tangent kernel K = J Jᵀ (N·n_L square), applied as J(Jᵀu). */
    public SymmetricOperator ntk() {
        return gramOfRows();
    }

    @Override
    public void close() {
        fp.close();
        direction.close();
        gradient.close();
        outTangent.close();
        outCotangent.close();
    }
}
