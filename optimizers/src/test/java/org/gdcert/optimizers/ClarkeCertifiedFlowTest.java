package org.gdcert.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.RecordSchedule;
import org.gdcert.core.train.StopReason;
import org.gdcert.core.train.StopRules;
import org.gdcert.core.train.TrainingResult;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

/**
 * Spec §2.6 T-DI-2: on an instance where Theorem 3.4's condition F &lt; 1/8 holds, the Clarke flow
 * must satisfy the theorem's conclusions (12), the Lemma 3.3 bound on L̄, α0(t) ≥ 3α/4 and (13).
 */
class ClarkeCertifiedFlowTest {
    private static final int N = 10;
    private static final int D0 = 10;
    /** Spec §2.6 uses d1 = 5000 (F = 0.024 there); 2000 keeps F = 0.022 &lt; 1/8 here at less cost. */
    private static final int D1 = 2000;
    /** Monotonicity of Φ is checked while Φ ≥ this fraction of Φ(0), above the tolerance noise. */
    private static final double NOISE_FLOOR = 1e-6;

    private static double[][] relu(HostMatrix x, HostMatrix w) {
        double[][] h = new double[x.rows()][w.cols()];
        for (int i = 0; i < x.rows(); i++) {
            for (int a = 0; a < x.cols(); a++) {
                double xi = x.get(i, a);
                for (int j = 0; j < w.cols(); j++) {
                    h[i][j] += xi * w.get(a, j);
                }
            }
            for (int j = 0; j < w.cols(); j++) {
                h[i][j] = Math.max(0, h[i][j]);
            }
        }
        return h;
    }

    /** σ_min(Hᵀ) = sqrt(λ_min(H Hᵀ)). */
    private static double alpha0(HostMatrix x, HostMatrix w) {
        RealMatrix h = new Array2DRowRealMatrix(relu(x, w), false);
        double[] ev = new EigenDecompositionSymmetric(h.multiply(h.transpose())).getEigenvalues();
        return Math.sqrt(Math.max(0, Arrays.stream(ev).min().orElseThrow()));
    }

    private static double frob(HostMatrix m) {
        double s = 0;
        for (double v : m.data()) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private static double dist(List<HostMatrix> a, List<HostMatrix> b) {
        double s = 0;
        for (int l = 0; l < a.size(); l++) {
            for (int i = 0; i < a.get(l).data().length; i++) {
                double d = a.get(l).data()[i] - b.get(l).data()[i];
                s += d * d;
            }
        }
        return Math.sqrt(s);
    }

    @Test
    void certifiedInstanceSatisfiesTheorem34AlongTheFlow() {
        Rng rng = Rng.of(0);
        HostMatrix x = new HostMatrix(N, D0);
        rng.stream("x").fillGaussian(x.data(), 1);
        for (int i = 0; i < N; i++) {
            double s = 0;
            for (int a = 0; a < D0; a++) {
                s += x.get(i, a) * x.get(i, a);
            }
            for (int a = 0; a < D0; a++) {
                x.data()[i * D0 + a] /= Math.sqrt(s);
            }
        }
        HostMatrix y = new HostMatrix(N, 1);
        int[] perm = rng.stream("labels").permutation(N);
        for (int i = 0; i < N; i++) {
            y.data()[perm[i]] = i < N / 2 ? -1 : 1;
        }
        HostMatrix w0 = new HostMatrix(D0, D1);
        rng.stream("w").fillGaussian(w0.data(), 1);
        HostMatrix v0 = new HostMatrix(D1, 1);
        rng.stream("v").fillGaussian(v0.data(), 1 / Math.sqrt(D1));

        // the certificate's quantities (spec §3.1), computed independently of the optimizer
        double[][] h0 = relu(x, w0);
        double l0 = 0;
        for (int i = 0; i < N; i++) {
            double out = 0;
            for (int j = 0; j < D1; j++) {
                out += h0[i][j] * v0.get(j, 0);
            }
            l0 += 0.5 * (out - y.get(i, 0)) * (out - y.get(i, 0));
        }
        double a = Math.sqrt(l0);
        double alpha = alpha0(x, w0);
        double xop = new SingularValueDecomposition(new Array2DRowRealMatrix(toArray(x), false)).getNorm();
        double c = xop * xop;
        double c1 = 2 * Math.sqrt(2) * xop * xop * frob(v0);
        double c2 = 2 * xop * xop * xop * frob(w0);
        double f = (a * c1 / Math.pow(alpha, 3) + a * a * c2 / Math.pow(alpha, 5)) * Math.exp(4 * c * a * a
                / Math.pow(alpha, 4));
        assertThat(f).as("F of eq. (11) for this instance").isLessThan(1.0 / 8);
        double theta0 = Math.sqrt(frob(w0) * frob(w0) + frob(v0) * frob(v0));
        double u = 4 * xop * a / (alpha * alpha);
        double tEnd = 15 / (alpha * alpha);

        NetworkSpec spec = new NetworkSpec(D0, List.of(LayerSpec.hidden(D1, Relus.relu()), LayerSpec.output(1)));
        try (Fixtures.Case cs = new Fixtures.Case(spec, x, y, List.of(w0, v0), Arrays.asList(null, null))) {
            Capture cap = new Capture();
            ClarkeFlow flow = new ClarkeFlow(new ClarkeFlow.Settings(new GradientFlow.Settings(OdeMethod.DOPRI, 1e-8,
                    1e-10, 0, Double.POSITIVE_INFINITY, new double[0], true), 1e-10, 0, true));
            TrainingResult r = flow.train(cs.problem(1), cs.control(StopRules.DEFAULT.withMaxTime(tEnd)
                    .withMaxSteps(100_000), RecordSchedule.everyStep(1), Axis.TIME, Double.NaN, cap));
            assertThat(r.reason()).isEqualTo(StopReason.MAX_TIME);
            double lbar = 0;
            Capture.Point prev = null;
            for (Capture.Point pt : cap.points) {
                // (12): L(t) <= L(0) e^{-α² t}
                assertThat(pt.loss()).as("loss at t=%g", pt.time())
                        .isLessThanOrEqualTo(l0 * Math.exp(-alpha * alpha * pt.time()) * (1 + 1e-9));
                // (13): ‖θ(t) − θ0‖ <= u‖θ0‖e^u
                assertThat(dist(pt.weights(), List.of(w0, v0))).isLessThanOrEqualTo(u * theta0 * Math.exp(u));
                if (prev != null) {
                    lbar += 0.5 * (pt.time() - prev.time()) * (Math.sqrt(prev.loss()) + Math.sqrt(pt.loss()));
                    if (pt.loss() >= NOISE_FLOOR * l0) {
                        assertThat(pt.loss()).isLessThanOrEqualTo(prev.loss() * (1 + 1e-9));
                    }
                }
                prev = pt;
            }
            // Lemma 3.3: L̄(T) <= 2a/α²
            assertThat(lbar).isLessThanOrEqualTo(2 * a / (alpha * alpha));
            // α0(t) >= 3α/4 along the trajectory (every 10th recorded iterate and the last)
            for (int k = 0; k < cap.points.size(); k += 10) {
                assertThat(alpha0(x, cap.points.get(k).weights().get(0))).isGreaterThanOrEqualTo(0.75 * alpha);
            }
            assertThat(alpha0(x, cap.points.get(cap.points.size() - 1).weights().get(0)))
                    .isGreaterThanOrEqualTo(0.75 * alpha);
            assertThat(r.counters().get("loss_increases")).isZero();
        }
    }

    private static double[][] toArray(HostMatrix m) {
        double[][] a = new double[m.rows()][m.cols()];
        for (int i = 0; i < m.rows(); i++) {
            System.arraycopy(m.data(), i * m.cols(), a[i], 0, m.cols());
        }
        return a;
    }
}
