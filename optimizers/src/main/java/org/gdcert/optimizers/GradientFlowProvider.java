package org.gdcert.optimizers;

import java.util.List;
import org.gdcert.core.spi.Optimizer;
import org.gdcert.core.spi.OptimizerProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;
import org.gdcert.core.train.Axis;

/** {@code flow(rtol, atol, method, min_step, max_step, output, times)}: gradient flow by adaptive Runge–Kutta. */
public final class GradientFlowProvider implements OptimizerProvider {
    static final ParameterSpec RTOL = ParameterSpec.real("rtol", 1e-6,
            "relative error tolerance per step (|err_i| <= atol + rtol·|θ_i|)").nonNegative();
    static final ParameterSpec ATOL = ParameterSpec.real("atol", 1e-9, "absolute error tolerance per step")
            .nonNegative();
    static final ParameterSpec METHOD = ParameterSpec.choice("method", "dopri", OdeMethod.NAMES,
            "dopri = Dormand–Prince 5(4), dop853 = Dormand–Prince 8(5,3)");
    static final ParameterSpec MIN_STEP = ParameterSpec.real("min_step", 0,
            "smallest step; the run stops as stalled below it (0 = no floor)").nonNegative();
    static final ParameterSpec MAX_STEP = ParameterSpec.real("max_step", Double.POSITIVE_INFINITY,
            "largest step (inf = no cap)").positive();
    static final ParameterSpec OUTPUT = ParameterSpec.choice("output", "times", List.of("times", "steps"),
            "times = record at the requested times (monitor schedule and `times`); steps = also every accepted step");
    static final ParameterSpec TIMES = ParameterSpec.realList("times", List.of(),
            "extra output times, recorded from the dense output");

    @Override
    public String name() {
        return "flow";
    }

    @Override
    public String description() {
        return "gradient flow dθ/dt = −∇L(θ) by adaptive Runge–Kutta (Hipparchus Dormand–Prince), reported on time t";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.of(RTOL, ATOL, METHOD, MIN_STEP, MAX_STEP, OUTPUT, TIMES);
    }

    @Override
    public Axis axis() {
        return Axis.TIME;
    }

    @Override
    public Optimizer create(ValidatedParams p) {
        return new GradientFlow(settings(p));
    }

    static GradientFlow.Settings settings(ValidatedParams p) {
        return new GradientFlow.Settings(OdeMethod.of(p.getString("method")), p.getDouble("rtol"), p.getDouble("atol"),
                p.getDouble("min_step"), p.getDouble("max_step"), p.getDoubleList("times"),
                p.getString("output").equals("steps"));
    }
}
