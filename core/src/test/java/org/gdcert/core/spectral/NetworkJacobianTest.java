package org.gdcert.core.spectral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.linalg.Vectors;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.testing.ReferenceBackend;
import org.gdcert.core.testing.TestActivations;
import org.junit.jupiter.api.Test;

class NetworkJacobianTest {
    /** Central differences with step 1e-5 on O(1) quantities: error ~1e-10. */
    private static final double FD_TOL = 1e-8;
    private static final double FD_STEP = 1e-5;
    private static final double REL_TOL = 1e-10;

    private static final int N = 4;
    private static final int D = 3;

    private static NetworkSpec spec() {
        Configured<Activation> tanh = TestActivations.configured("tanh", TestActivations.TANH);
        return new NetworkSpec(D, List.of(LayerSpec.hidden(5, tanh).withBias(true), LayerSpec.hidden(4, tanh),
                LayerSpec.output(2).withBias(true)));
    }

    private static ParameterSet randomParams(NetworkSpec spec, ReferenceBackend b, long seed) {
        Rng rng = Rng.of(seed);
        List<HostMatrix> w = new ArrayList<>();
        List<HostMatrix> bias = new ArrayList<>();
        for (int l = 1; l <= spec.depth(); l++) {
            HostMatrix m = new HostMatrix(spec.width(l - 1), spec.width(l));
            rng.fillGaussian(m.data(), 1 / Math.sqrt(spec.width(l - 1)));
            w.add(m);
            HostMatrix bl = null;
            if (spec.layer(l).bias()) {
                bl = new HostMatrix(1, spec.width(l));
                rng.fillGaussian(bl.data(), 0.1);
            }
            bias.add(bl);
        }
        return ParameterSet.upload(spec, b, w, bias);
    }

    /** vec(F_L) at the parameters theta (flattened). */
    private static double[] outputs(Network net, Matrix x, double[] theta) {
        net.parameters().unflattenTrainable(theta);
        try (ForwardPass fp = net.newForwardPass(N)) {
            net.forward(x, fp);
            return net.backend().download(fp.output()).data().clone();
        }
    }

    @Test
    void jacobianMatchesCentralDifferencesAndTheNtkSpectrumMatchesEjml() {
        NetworkSpec spec = spec();
        try (ReferenceBackend b = new ReferenceBackend(); ParameterSet theta = randomParams(spec, b, 1);
                Matrix x = b.upload(TestMatrices.gaussian(N, D, 2));
                SpectralSolver solver = new SpectralSolver(SpectralOptions.defaults().withThreads(1))) {
            Network net = new Network(theta);
            int p = theta.trainableSize();
            double[] theta0 = new double[p];
            theta.flattenTrainable(theta0);
            HostMatrix j;
            try (NetworkJacobian jac = NetworkJacobian.at(net, x)) {
                assertThat(jac.rows()).isEqualTo(N * 2);
                assertThat(jac.cols()).isEqualTo(p);
                // explicit J from JVPs of unit vectors
                j = new HostMatrix(jac.rows(), p);
                double[] e = new double[p];
                double[] col = new double[jac.rows()];
                for (int k = 0; k < p; k++) {
                    e[k] = 1;
                    jac.apply(e, col);
                    e[k] = 0;
                    for (int i = 0; i < col.length; i++) {
                        j.set(i, k, col[i]);
                    }
                }
                // adjointness: uᵀ(J v) = (Jᵀ u)ᵀ v
                double[] v = TestMatrices.gaussian(p, 1, 3).data();
                double[] u = TestMatrices.gaussian(jac.rows(), 1, 4).data();
                double[] jv = new double[jac.rows()];
                double[] jtu = new double[p];
                jac.apply(v, jv);
                jac.applyTranspose(u, jtu);
                assertThat(Vectors.dot(u, 0, jv, 0, u.length)).isCloseTo(Vectors.dot(jtu, 0, v, 0, p),
                        org.assertj.core.data.Offset.offset(1e-12));

                HostMatrix k = TestMatrices.gramRows(j);
                double[] ref = TestMatrices.eig(k);
                assertThat(ref[0]).as("K is positive definite here").isGreaterThan(1e-3);
                SpectralResult lmax = solver.lambdaMax(jac.ntk());
                SpectralResult lmin = solver.lambdaMin(jac.ntk());
                assertThat(Math.abs(lmax.value() - ref[ref.length - 1])).isLessThan(REL_TOL * ref[ref.length - 1]);
                assertThat(Math.abs(lmin.value() - ref[0])).isLessThan(REL_TOL * ref[0]);
                assertThat(lmax.method()).isEqualTo(SpectralResult.Method.OPERATOR_LANCZOS);
                // sigma_N(J) = sqrt(lambda_min(K)) through the Jacobian operator
                assertThat(Math.abs(solver.sigmaN(jac).value() - Math.sqrt(ref[0]))).isLessThan(REL_TOL);
            }
            // J by central differences of the forward pass
            for (int kk = 0; kk < p; kk++) {
                double[] plus = theta0.clone();
                double[] minus = theta0.clone();
                plus[kk] += FD_STEP;
                minus[kk] -= FD_STEP;
                double[] fp = outputs(net, x, plus);
                double[] fm = outputs(net, x, minus);
                for (int i = 0; i < fp.length; i++) {
                    double fd = (fp[i] - fm[i]) / (2 * FD_STEP);
                    assertThat(j.get(i, kk)).as("J[%d][%d]", i, kk).isCloseTo(fd,
                            org.assertj.core.data.Offset.offset(FD_TOL));
                }
            }
            theta.unflattenTrainable(theta0);
        }
    }

    @Test
    void frozenLayersAreNotColumnsOfTheJacobian() {
        Configured<Activation> tanh = TestActivations.configured("tanh", TestActivations.TANH);
        NetworkSpec spec = new NetworkSpec(D, List.of(LayerSpec.hidden(6, tanh).withTrainable(false),
                LayerSpec.output(1)));
        try (ReferenceBackend b = new ReferenceBackend(); ParameterSet theta = randomParams(spec, b, 5);
                Matrix x = b.upload(TestMatrices.gaussian(N, D, 6));
                NetworkJacobian jac = NetworkJacobian.at(new Network(theta), x)) {
            assertThat(jac.cols()).isEqualTo(6);
            // only the output layer trains: J = F_1 (N x 6), so K = F_1 F_1ᵀ
            HostMatrix f1;
            try (ForwardPass fp = new Network(theta).newForwardPass(N)) {
                new Network(theta).forward(x, fp);
                f1 = b.download(fp.features(1));
            }
            double[] ref = TestMatrices.eig(TestMatrices.gramRows(f1));
            assertThat(Spectral.lambdaMax(jac.ntk())).isCloseTo(ref[N - 1],
                    org.assertj.core.data.Offset.offset(REL_TOL * ref[N - 1]));
        }
    }
}
