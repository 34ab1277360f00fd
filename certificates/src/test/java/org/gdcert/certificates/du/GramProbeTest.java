package org.gdcert.certificates.du;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.testing.ReferenceBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Gram formulas of spec certificates-du.md §1.6/§1.7 against independent truth: T11a (central
 * differences), T11b (the explicit J_h J_hᵀ from the engine's vector-Jacobian products), T11c
 * (‖∂L/∂W^(h)‖_F² = eᵀG^(h)e against the engine's gradient) and T11d (the linearization residual
 * M8 is O(η²)).
 */
class GramProbeTest {
    private static final ReferenceBackend B = DuFixtures.BACKEND;
    private static final double[][] X = LimitKernelsTest.D3;
    private static final double[] Y = {1, -1, 0.5};
    /** Central differences with step 1e-5: relative error about 1e-9; the spec asks 1e-6. */
    private static final double FD_TOL = 1e-6;
    /** Two exact formulas in double precision (§7.3: 1e-12). */
    private static final double EXACT_TOL = 1e-12;

    private static NetworkSpec spec(String arch) {
        return switch (arch) {
            case "fc" -> DuFixtures.fc(3, 8, 3, "softplus", DuTestActivations.SOFTPLUS);
            case "resnet" -> DuFixtures.resnet(3, 8, 3, 0.5, "softplus", DuTestActivations.SOFTPLUS);
            default -> DuFixtures.resnet(3, 8, 3, 0.9, "cos", DuTestActivations.COS);
        };
    }

    private static Network network(NetworkSpec spec, List<HostMatrix> w) {
        List<HostMatrix> b = new ArrayList<>();
        for (int l = 0; l < spec.depth(); l++) {
            b.add(null);
        }
        return new Network(ParameterSet.upload(spec, B, w, b));
    }

    private static GramProbe.Snapshot probe(Network net) {
        try (Matrix x = B.upload(HostMatrix.of(X)); ForwardPass fp = net.newForwardPass(X.length);
                GramProbe p = new GramProbe(net, X.length)) {
            net.forward(x, fp);
            return p.measure(fp);
        }
    }

    private static double scale(double[][] a) {
        double s = 0;
        for (double[] r : a) {
            for (double v : r) {
                s = Math.max(s, Math.abs(v));
            }
        }
        return s;
    }

    @ParameterizedTest
    @ValueSource(strings = {"fc", "resnet", "resnet-cos"})
    void t11aFiniteDifferenceJacobians(String arch) {
        NetworkSpec spec = spec(arch);
        List<HostMatrix> w = DuFixtures.gaussianWeights(spec, 11, 1);
        GramProbe.Snapshot s = probe(network(spec, w));
        double h = 1e-5;
        for (int l = 1; l <= spec.depth(); l++) {
            HostMatrix wl = w.get(l - 1);
            int p = wl.data().length;
            double[][] jac = new double[X.length][p];
            for (int k = 0; k < p; k++) {
                double orig = wl.data()[k];
                wl.data()[k] = orig + h;
                double[] up = DuFixtures.outputs(network(spec, w), X);
                wl.data()[k] = orig - h;
                double[] dn = DuFixtures.outputs(network(spec, w), X);
                wl.data()[k] = orig;
                for (int i = 0; i < X.length; i++) {
                    jac[i][k] = (up[i] - dn[i]) / (2 * h);
                }
            }
            double[][] g = s.layer(l);
            double tol = FD_TOL * scale(g);
            for (int i = 0; i < X.length; i++) {
                for (int j = 0; j < X.length; j++) {
                    double dot = 0;
                    for (int k = 0; k < p; k++) {
                        dot += jac[i][k] * jac[j][k];
                    }
                    assertThat(g[i][j]).as("G^(%d)_%d%d", l, i, j).isCloseTo(dot, within(tol));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fc", "resnet", "resnet-cos"})
    void t11bHadamardFormulaEqualsExplicitJacobianProducts(String arch) {
        NetworkSpec spec = spec(arch);
        Network net = network(spec, DuFixtures.gaussianWeights(spec, 12, 1));
        GramProbe.Snapshot s = probe(net);
        int n = X.length;
        List<List<HostMatrix>> rows = new ArrayList<>();
        try (Matrix x = B.upload(HostMatrix.of(X)); ForwardPass fp = net.newForwardPass(n);
                ParameterSet grad = net.parameters().zerosLike(); Matrix unit = B.zeros(n, 1)) {
            net.forward(x, fp);
            for (int i = 0; i < n; i++) {
                HostMatrix e = new HostMatrix(n, 1);
                e.set(i, 0, 1);
                B.upload(e, unit);
                net.vjp(fp, unit, grad);
                rows.add(grad.downloadWeights());
            }
        }
        for (int l = 1; l <= spec.depth(); l++) {
            double[][] g = s.layer(l);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double dot = 0;
                    double[] a = rows.get(i).get(l - 1).data();
                    double[] b = rows.get(j).get(l - 1).data();
                    for (int k = 0; k < a.length; k++) {
                        dot += a[k] * b[k];
                    }
                    assertThat(g[i][j]).isCloseTo(dot, within(EXACT_TOL * Math.max(1, scale(g))));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fc", "resnet", "resnet-cos"})
    void t11cGradientNormsAreQuadraticFormsOfTheGrams(String arch) {
        NetworkSpec spec = spec(arch);
        Network net = network(spec, DuFixtures.gaussianWeights(spec, 13, 1));
        GramProbe.Snapshot s = probe(net);
        int n = X.length;
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = s.output()[i] - Y[i];
        }
        try (Matrix x = B.upload(HostMatrix.of(X)); Matrix y = B.upload(new HostMatrix(n, 1, Y.clone()));
                ForwardPass fp = net.newForwardPass(n); ParameterSet grad = net.parameters().zerosLike()) {
            net.forward(x, fp);
            net.loss(fp, y);
            net.gradient(fp, grad);
            for (int l = 1; l <= spec.depth(); l++) {
                double norm2 = B.sumOfSquares(grad.weight(l));
                double quad = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        quad += e[i] * s.layer(l)[i][j] * e[j];
                    }
                }
                assertThat(quad).isCloseTo(norm2, within(EXACT_TOL * Math.max(1, norm2)));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fc", "resnet"})
    void t11dLinearizationResidualIsSecondOrderInEta(String arch) {
        NetworkSpec spec = spec(arch);
        List<HostMatrix> w0 = DuFixtures.gaussianWeights(spec, 14, 1);
        double r1 = residualAfterOneStep(spec, w0, 0.02);
        double r2 = residualAfterOneStep(spec, w0, 0.01);
        assertThat(r1 / r2).isBetween(3.5, 4.5);
    }

    /** ‖(y − u(1)) − (I − ηG(0))(y − u(0))‖ after one GD step of size η on L = ½‖u − y‖². */
    private static double residualAfterOneStep(NetworkSpec spec, List<HostMatrix> w0, double eta) {
        Network net = network(spec, copy(w0));
        GramProbe.Snapshot s0 = probe(net);
        double[][] g = s0.total();
        int n = X.length;
        double[] e0 = new double[n];
        for (int i = 0; i < n; i++) {
            e0[i] = Y[i] - s0.output()[i];
        }
        try (Matrix x = B.upload(HostMatrix.of(X)); Matrix y = B.upload(new HostMatrix(n, 1, Y.clone()));
                ForwardPass fp = net.newForwardPass(n); ParameterSet grad = net.parameters().zerosLike()) {
            net.forward(x, fp);
            net.loss(fp, y);
            net.gradient(fp, grad);
            net.parameters().axpyInPlace(-eta, grad);
        }
        double[] u1 = DuFixtures.outputs(net, X);
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double lin = e0[i];
            for (int j = 0; j < n; j++) {
                lin -= eta * g[i][j] * e0[j];
            }
            double r = (Y[i] - u1[i]) - lin;
            ss += r * r;
        }
        return Math.sqrt(ss);
    }

    private static List<HostMatrix> copy(List<HostMatrix> w) {
        return w.stream().map(HostMatrix::copy).toList();
    }
}
