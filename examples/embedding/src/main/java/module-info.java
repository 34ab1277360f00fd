/** Using gdcert as a library: the plugins are found on the module path, nothing else is needed. */
module org.gdcert.examples.embedding {
    requires org.gdcert.core;
}
