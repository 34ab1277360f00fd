package org.gdcert.core.monitors;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.spi.MonitorProvider;
import org.gdcert.core.spi.ValidatedParams;
import org.gdcert.core.train.Iterate;

/**
 * {@code movement}: how far the weights moved from θ0, the measure of lazy training: the relative
 * distances ‖θ − θ0‖/‖θ0‖ (all trainable layers), ‖W_1 − W_1^0‖_F/‖W_1^0‖_F (first layer) and
 * ‖W_L − W_L^0‖_F/‖W_L^0‖_F (output layer), and the absolute ‖θ − θ0‖. A relative distance whose
 * reference norm is 0 (a zero-initialized layer) is reported as the absolute distance.
 */
public final class MovementMonitorProvider implements MonitorProvider {
    @Override
    public String name() {
        return "movement";
    }

    @Override
    public String description() {
        return "distance of the weights from theta0: relative for all layers, the first and the output layer, and "
                + "absolute (lazy training)";
    }

    @Override
    public Monitor create(ValidatedParams params) {
        return new Movement();
    }

    static final class Movement implements Monitor {
        /** θ − θ0 per layer (weight, bias), allocated on first use. */
        private final Map<String, Matrix> scratch = new HashMap<>();

        @Override
        public List<String> columns() {
            return List.of("movement_rel", "movement_first_rel", "movement_last_rel", "movement_abs");
        }

        @Override
        public double[] observe(Iterate it) {
            ParameterSet now = it.network().parameters();
            ParameterSet start = it.initial();
            Backend b = now.backend();
            double d2 = 0;
            double n2 = 0;
            double first = Double.NaN;
            double last = Double.NaN;
            int depth = now.depth();
            for (int l = 1; l <= depth; l++) {
                if (!now.spec().layer(l).trainable()) {
                    continue;
                }
                double dl = distance2(b, now.weight(l), start.weight(l), "w" + l);
                double nl = b.sumOfSquares(start.weight(l));
                if (now.bias(l) != null) {
                    dl += distance2(b, now.bias(l), start.bias(l), "b" + l);
                    nl += b.sumOfSquares(start.bias(l));
                }
                d2 += dl;
                n2 += nl;
                double rel = nl > 0 ? Math.sqrt(dl / nl) : Math.sqrt(dl);
                if (l == 1) {
                    first = rel;
                }
                if (l == depth) {
                    last = rel;
                }
            }
            double total = n2 > 0 ? Math.sqrt(d2 / n2) : Math.sqrt(d2);
            return new double[] {total, first, last, Math.sqrt(d2)};
        }

        /**
         * ‖x − y‖², from the difference itself: the expansion ‖x‖² − 2⟨x, y⟩ + ‖y‖² cancels
         * catastrophically when the weights barely move (the lazy regime this monitor is for), and
         * returned noise or 0 for relative movements below about 1e-7.
         */
        private double distance2(Backend b, Matrix x, Matrix y, String key) {
            Matrix d = scratch.computeIfAbsent(key, k -> b.zeros(x.rows(), x.cols()));
            b.sub(x, y, d);
            return b.sumOfSquares(d);
        }
    }
}
