package org.gdcert.optimizers;

import org.gdcert.core.spi.Optimizer;
import org.gdcert.core.spi.OptimizerProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;
import org.gdcert.core.train.Axis;

/**
 * {@code clarke(rtol, atol, method, min_step, max_step, output, times, tau_rel, tau_abs, snap)}: the
 * Clarke-subgradient flow with the minimum-norm selection for two-layer ReLU networks.
 */
public final class ClarkeFlowProvider implements OptimizerProvider {
    static final ParameterSpec TAU_REL = ParameterSpec.real("tau_rel", 1e-10,
            "relative kink tolerance: (i, j) is on the kink when |z_ij| <= tau_abs + tau_rel·‖x_i‖·‖w_j‖").nonNegative();
    static final ParameterSpec TAU_ABS = ParameterSpec.real("tau_abs", 0, "absolute kink tolerance").nonNegative();
    static final ParameterSpec SNAP = ParameterSpec.bool("snap", true,
            "project sliding pairs exactly onto the kink at each event (drift guard; refused if Φ rises by > rtol·Φ)");

    @Override
    public String name() {
        return "clarke";
    }

    @Override
    public String description() {
        return "Clarke-subgradient flow with the minimum-norm selection for two-layer ReLU / leaky ReLU networks:"
                + " kink crossings as events, sliding along kinks (seed 004)";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.of(GradientFlowProvider.RTOL, GradientFlowProvider.ATOL, GradientFlowProvider.METHOD,
                GradientFlowProvider.MIN_STEP, GradientFlowProvider.MAX_STEP, GradientFlowProvider.OUTPUT,
                GradientFlowProvider.TIMES, TAU_REL, TAU_ABS, SNAP);
    }

    @Override
    public Axis axis() {
        return Axis.TIME;
    }

    @Override
    public Optimizer create(ValidatedParams p) {
        return new ClarkeFlow(new ClarkeFlow.Settings(GradientFlowProvider.settings(p), p.getDouble("tau_rel"),
                p.getDouble("tau_abs"), p.getBoolean("snap")));
    }
}
