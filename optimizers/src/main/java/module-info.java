/** The optimizers: gd (and later sgd, flow, clarke). */
module org.gdcert.optimizers {
    requires org.gdcert.core;

    provides org.gdcert.core.spi.OptimizerProvider with org.gdcert.optimizers.GradientDescentProvider;
}
