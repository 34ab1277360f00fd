/** The pure-Java backend. */
module org.gdcert.backend.java {
    requires org.gdcert.core;
}
