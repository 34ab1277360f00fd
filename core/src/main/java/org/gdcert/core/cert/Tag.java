package org.gdcert.core.cert;

/** Where a reported number comes from, as the specs tag every formula. */
public enum Tag {
    /** Taken from the paper as printed. */
    PAPER,
    /** Derived from the paper's statements (a proof step made explicit, a closed form). */
    DERIVED,
    /** The paper's formula with a typo or error repaired (the spec says which). */
    REPAIRED,
    /** An extension beyond the paper (another optimizer, biases, ...). */
    EXTENSION,
    /** Involves a constant the paper does not specify; never evaluated as if it were known. */
    HIDDEN;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
