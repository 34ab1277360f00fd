package org.gdcert.core.cert;

import java.util.Objects;

/**
 * A named number of a report (λ_F, α_0, ‖X‖_F, ...), tagged with its origin.
 *
 * @param name stable machine name ({@code lambdaF})
 * @param symbol how the paper writes it ({@code λ_F})
 * @param value the value; NaN when it cannot be computed (the note says why)
 * @param equation where the paper defines it, or empty
 * @param tag origin
 * @param note extra words (method used, caveats), or empty
 */
public record Quantity(String name, String symbol, double value, String equation, Tag tag, String note) {
    public Quantity {
        Objects.requireNonNull(name);
        Objects.requireNonNull(symbol);
        Objects.requireNonNull(equation);
        Objects.requireNonNull(tag);
        Objects.requireNonNull(note);
    }

    public static Quantity of(String name, String symbol, double value, String equation, Tag tag) {
        return new Quantity(name, symbol, value, equation, tag, "");
    }
}
