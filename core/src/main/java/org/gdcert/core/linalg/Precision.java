package org.gdcert.core.linalg;

/** Floating-point precision of a backend's storage. Double is the default: theory needs 1e-12 losses. */
public enum Precision {
    DOUBLE, FLOAT
}
