/** The standard activations. */
module org.gdcert.activations {
    requires org.gdcert.core;
}
