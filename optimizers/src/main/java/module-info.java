/** The optimizers: gd, sgd, flow, clarke. */
module org.gdcert.optimizers {
    requires org.gdcert.core;
}
