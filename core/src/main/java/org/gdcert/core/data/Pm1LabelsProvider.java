package org.gdcert.core.data;

/** {@code pm1(outputs=1, balanced=true)}: another name of {@link SignLabelsProvider signs}. */
public final class Pm1LabelsProvider extends SignLabelsProvider {

    @Override
    public String name() {
        return "pm1";
    }

    @Override
    public String description() {
        return "labels +1/-1 (the same as signs)";
    }
}
