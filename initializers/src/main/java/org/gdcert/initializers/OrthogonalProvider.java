package org.gdcert.initializers;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.InitializerProvider;
import org.gdcert.core.spi.LayerContext;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code orthogonal(gain)}: gain·Q with Q from the QR decomposition of a standard Gaussian matrix,
 * columns of Q multiplied by the signs of diag(R) so that Q is Haar-distributed (Mezzadri 2007).
 * Fan-in ≥ fan-out: orthonormal columns (QᵀQ = I); fan-in &lt; fan-out: orthonormal rows (QQᵀ = I).
 * Every singular value equals gain. The QR is Householder (EJML), O(mn·min(m, n)).
 */
public final class OrthogonalProvider implements InitializerProvider {

    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            ParameterSpec.real("gain", 1.0, "multiplies the (semi-)orthogonal matrix; every singular value = gain"));

    @Override
    public String name() {
        return "orthogonal";
    }

    @Override
    public String description() {
        return "gain times a Haar-random (semi-)orthogonal matrix (QR of a Gaussian with sign fix)";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Initializer create(ValidatedParams params) {
        return new Orthogonal(params.getDouble("gain"));
    }

    /** gain·Q. */
    static final class Orthogonal implements Initializer {
        private final double gain;

        Orthogonal(double gain) {
            this.gain = gain;
        }

        @Override
        public void initialize(LayerContext layer, HostMatrix weights, Rng rng) {
            Shapes.check(layer, weights);
            boolean tall = weights.rows() >= weights.cols();
            int m = tall ? weights.rows() : weights.cols();
            int n = tall ? weights.cols() : weights.rows();
            if (n == 0) {
                return;
            }
            DMatrixRMaj g = new DMatrixRMaj(m, n);
            for (int i = 0; i < m * n; i++) {
                g.data[i] = rng.nextGaussian();
            }
            QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(m, n);
            if (!qr.decompose(g)) {
                throw new IllegalStateException("orthogonal: QR of a " + m + "x" + n + " Gaussian matrix failed");
            }
            DMatrixRMaj q = qr.getQ(null, true); // m × n
            DMatrixRMaj r = qr.getR(null, true); // n × n
            for (int j = 0; j < n; j++) {
                double sign = r.get(j, j) < 0 ? -gain : gain;
                for (int i = 0; i < m; i++) {
                    double v = sign * q.get(i, j);
                    if (tall) {
                        weights.set(i, j, v);
                    } else {
                        weights.set(j, i, v);
                    }
                }
            }
        }
    }
}
