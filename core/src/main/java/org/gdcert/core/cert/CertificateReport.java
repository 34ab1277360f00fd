package org.gdcert.core.cert;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a checker says about the concrete instance.
 *
 * @param checker the checker's name ({@code nguyen_mondelli})
 * @param theorem the result checked ({@code seed 000, Theorem 3.2})
 * @param verdict the verdict
 * @param reasons why the verdict (the failed conditions, or why the setting is inapplicable)
 * @param conditions every condition with LHS, RHS, slack and binding factor
 * @param quantities the named numbers computed on the way
 * @param rate the guaranteed contraction: ρ per step (geometric) or r per unit time
 * @param stepSizeBound the theorem's step-size bound η_max (the guarantee needs η below it, or
 *     at most it, as the condition in {@code conditions} says); {@code eta=certified} trains with
 *     0.99·η_max
 * @param lossBound the loss bound as a function of k or t, when the guarantee applies
 * @param notes constants the paper hides, typo resolutions, caveats
 */
public record CertificateReport(
        String checker,
        String theorem,
        Verdict verdict,
        List<String> reasons,
        List<Condition> conditions,
        List<Quantity> quantities,
        OptionalDouble rate,
        OptionalDouble stepSizeBound,
        Optional<LossBound> lossBound,
        List<Note> notes) {

    public CertificateReport {
        Objects.requireNonNull(checker);
        Objects.requireNonNull(theorem);
        Objects.requireNonNull(verdict);
        reasons = List.copyOf(reasons);
        conditions = List.copyOf(conditions);
        quantities = List.copyOf(quantities);
        Objects.requireNonNull(rate);
        Objects.requireNonNull(stepSizeBound);
        Objects.requireNonNull(lossBound);
        notes = List.copyOf(notes);
    }

    /** A report for a setting outside the theorem. */
    public static CertificateReport inapplicable(String checker, String theorem, List<String> reasons,
            List<Note> notes) {
        return new CertificateReport(checker, theorem, Verdict.INAPPLICABLE, reasons, List.of(), List.of(),
                OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), notes);
    }

    /** The quantity named {@code name}. */
    public Optional<Quantity> quantity(String name) {
        return quantities.stream().filter(q -> q.name().equals(name)).findFirst();
    }

    /** The condition with this id. */
    public Optional<Condition> condition(String id) {
        return conditions.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Whether the guarantee applies (and so a step size from it may be used). */
    public boolean holds() {
        return verdict == Verdict.CERTIFIED;
    }
}
