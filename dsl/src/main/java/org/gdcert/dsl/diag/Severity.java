package org.gdcert.dsl.diag;

import java.util.Locale;

/** How serious a diagnostic is. Only errors stop an experiment. */
public enum Severity {
    ERROR,
    WARNING;

    /** {@code error} or {@code warning}, as printed. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
