package org.gdcert.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.testing.ReferenceBackend;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.Decision;
import org.gdcert.core.train.RecordSchedule;
import org.gdcert.core.train.StopReason;
import org.gdcert.core.train.StopRules;
import org.junit.jupiter.api.Test;

class RunControlTest {

    private record Setup(Backend backend, Network net, Matrix x, Matrix y, ParameterSet initial) {
    }

    private static Setup setup() {
        Backend b = new ReferenceBackend();
        NetworkSpec spec = new NetworkSpec(3, List.of(LayerSpec.output(2)));
        HostMatrix w = new HostMatrix(3, 2);
        HostMatrix x = new HostMatrix(5, 3);
        HostMatrix y = new HostMatrix(5, 2);
        Rng rng = Rng.of(3);
        rng.fillGaussian(w.data(), 1);
        rng.fillGaussian(x.data(), 1);
        rng.fillGaussian(y.data(), 1);
        ParameterSet p = ParameterSet.upload(spec, b, List.of(w), java.util.Arrays.asList(new HostMatrix[] {null}));
        return new Setup(b, new Network(p), b.upload(x), b.upload(y), p.copy());
    }

    private static RunControl control(Setup s, StopRules rules, RecordSchedule schedule, List<double[]> rows) {
        return new RunControl("t", rules, schedule, s.net(), s.x(), s.y(), s.initial(), Axis.STEP, 0.1, List.of(),
                rows::add, RunListener.NONE, () -> false);
    }

    @Test
    void unknownLossBetweenRecordPointsIsNotDivergence() {
        Setup s = setup();
        List<double[]> rows = new ArrayList<>();
        RunControl c = control(s, StopRules.DEFAULT.withMaxSteps(10), RecordSchedule.everyStep(5), rows);
        Decision d = Decision.CONTINUE;
        long k = 0;
        for (; k <= 10 && !d.shouldStop(); k++) {
            d = c.observe(k, k * 0.1, Double.NaN, false);
        }
        assertThat(d.stop()).contains(StopReason.MAX_STEPS);
        assertThat(k).isEqualTo(11);
        // steps 0, 5 and 10 recorded, each with the loss the control computed itself
        assertThat(rows).extracting(r -> r[0]).containsExactly(0.0, 5.0, 10.0);
        assertThat(rows).allSatisfy(r -> assertThat(r[2]).isFinite().isPositive());
        assertThat(c.lastLoss()).isFinite();
        c.close();
    }

    @Test
    void knownNaNLossStillDiverges() {
        Setup s = setup();
        List<double[]> rows = new ArrayList<>();
        RunControl c = control(s, StopRules.DEFAULT.withMaxSteps(10), RecordSchedule.everyStep(5), rows);
        c.observe(0, 0, Double.NaN, false);
        Decision d = c.observe(1, 0.1, Double.POSITIVE_INFINITY, false);
        assertThat(d.stop()).contains(StopReason.DIVERGED);
        c.close();
    }
}
