package org.gdcert.optimizers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.run.RunControl;
import org.gdcert.core.run.RunListener;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.testing.ReferenceBackend;
import org.gdcert.core.train.LossReduction;
import org.gdcert.core.train.RecordSchedule;
import org.gdcert.core.train.StopRules;
import org.gdcert.core.train.TrainingProblem;

/** Small training problems on the reference backend, and the real run control around them. */
final class Fixtures {
    private Fixtures() {
    }

    /** A problem with its host copies of the data and θ0, and the recorded rows. */
    static final class Case implements AutoCloseable {
        final Backend backend = new ReferenceBackend();
        final NetworkSpec spec;
        final HostMatrix x;
        final HostMatrix y;
        final List<HostMatrix> w0;
        final List<HostMatrix> b0;
        final ParameterSet params;
        final Network network;
        final Matrix xd;
        final Matrix yd;
        final List<double[]> rows = new ArrayList<>();
        RunControl control;

        Case(NetworkSpec spec, HostMatrix x, HostMatrix y, List<HostMatrix> w0, List<HostMatrix> b0) {
            this.spec = spec;
            this.x = x;
            this.y = y;
            this.w0 = w0;
            this.b0 = b0;
            this.params = ParameterSet.upload(spec, backend, w0, b0);
            this.network = new Network(params);
            this.xd = backend.upload(x);
            this.yd = backend.upload(y);
        }

        TrainingProblem problem(long seed) {
            return problem(seed, LossReduction.SUM_HALF);
        }

        TrainingProblem problem(long seed, LossReduction reduction) {
            return new TrainingProblem(network, xd, yd, reduction, Rng.of(seed).stream("sampler"));
        }

        RunControl control(StopRules rules, RecordSchedule schedule, org.gdcert.core.train.Axis axis, double eta,
                Monitor... monitors) {
            List<RunControl.Watched> watched = Arrays.stream(monitors).map(m -> new RunControl.Watched(m, 1)).toList();
            control = new RunControl("test", rules, schedule, network, xd, yd, params.copy(), axis, eta, watched,
                    rows::add, RunListener.NONE, () -> false);
            return control;
        }

        /** W_l now, downloaded. */
        HostMatrix weight(int l) {
            return backend.download(params.weight(l));
        }

        @Override
        public void close() {
            if (control != null) {
                control.close();
            }
            backend.close();
        }
    }

    /** Gaussian N×d inputs, N×k targets and N(0, scale²/fan_in) weights, from {@code seed}. */
    static Case random(NetworkSpec spec, int n, long seed, double scale) {
        Rng rng = Rng.of(seed);
        HostMatrix x = new HostMatrix(n, spec.inputDim());
        HostMatrix y = new HostMatrix(n, spec.outputDim());
        rng.stream("x").fillGaussian(x.data(), 1);
        rng.stream("y").fillGaussian(y.data(), 1);
        List<HostMatrix> w = new ArrayList<>();
        List<HostMatrix> b = new ArrayList<>();
        for (int l = 1; l <= spec.depth(); l++) {
            HostMatrix wl = new HostMatrix(spec.width(l - 1), spec.width(l));
            rng.stream("w", l).fillGaussian(wl.data(), scale / Math.sqrt(spec.width(l - 1)));
            w.add(wl);
            if (spec.layer(l).bias()) {
                HostMatrix bl = new HostMatrix(1, spec.width(l));
                rng.stream("b", l).fillGaussian(bl.data(), 0.1);
                b.add(bl);
            } else {
                b.add(null);
            }
        }
        return new Case(spec, x, y, w, b);
    }

    static NetworkSpec linear(int d, int k) {
        return new NetworkSpec(d, List.of(LayerSpec.output(k)));
    }

    /** Largest absolute entry difference. */
    static double maxAbsDiff(HostMatrix a, HostMatrix b) {
        double m = 0;
        for (int i = 0; i < a.data().length; i++) {
            m = Math.max(m, Math.abs(a.data()[i] - b.data()[i]));
        }
        return m;
    }

    static double maxAbs(HostMatrix a) {
        double m = 0;
        for (double v : a.data()) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
