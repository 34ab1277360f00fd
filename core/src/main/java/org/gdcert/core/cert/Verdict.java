package org.gdcert.core.cert;

/** The verdict words, the same for every checker. */
public enum Verdict {
    /** Every condition holds on the concrete θ0; the guarantee applies. */
    CERTIFIED,
    /** Applicable, but some condition fails (the report says which and by what factor). */
    NOT_CERTIFIED,
    /** The theorem's constants are hidden; the report gives the implied constants. */
    CONDITIONAL,
    /** The setting is outside the theorem (the report says why). */
    INAPPLICABLE
}
