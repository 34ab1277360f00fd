/**
 * The optimizers gd, sgd (minibatch, momentum), flow (gradient flow by adaptive Runge–Kutta) and
 * clarke (Clarke-subgradient flow for ReLU networks), seed 004's metrics as monitors, and the seed
 * 004 comparison ODE with its Figure 1 writer.
 */
module org.gdcert.optimizers {
    requires org.gdcert.core;
    requires hipparchus.core;
    requires hipparchus.ode;

    /** The seed 004 comparison ODE (eq. (9)) and its Figure 1 data writer. */
    exports org.gdcert.optimizers.comparison;

    provides org.gdcert.core.spi.OptimizerProvider with
            org.gdcert.optimizers.GradientDescentProvider,
            org.gdcert.optimizers.StochasticGradientDescentProvider,
            org.gdcert.optimizers.GradientFlowProvider,
            org.gdcert.optimizers.ClarkeFlowProvider;

    /** Seed 004's metrics (spec certificates-sgd-relu.md §5.4), usable with every optimizer. */
    provides org.gdcert.core.spi.MonitorProvider with
            org.gdcert.optimizers.monitors.DeltaLossMonitorProvider,
            org.gdcert.optimizers.monitors.DeltaDMonitorProvider,
            org.gdcert.optimizers.monitors.PatternsMonitorProvider,
            org.gdcert.optimizers.monitors.ZerosMonitorProvider;

    /** Commands for {@code gdcert tool}: the seed 004 Figure 1 data. */
    provides java.util.spi.ToolProvider with org.gdcert.optimizers.comparison.Figure1Tool;
}
