/** The standard initializers and the seeds' constructions. */
module org.gdcert.initializers {
    requires org.gdcert.core;
}
