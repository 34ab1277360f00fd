/** The optimizers: gd, sgd (minibatch, momentum), flow (adaptive Runge–Kutta) and clarke (Clarke-subgradient flow). */
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
}
