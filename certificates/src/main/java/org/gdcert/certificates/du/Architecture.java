package org.gdcert.certificates.du;

/** The three models of seed 002 (spec certificates-du.md §1). */
enum Architecture {
    /** Fully connected, eq. (2), Theorem 5.1. */
    FC("fully connected (eq. 2)", "Theorem 5.1"),
    /** ResNet, eq. (3), Theorem 6.1. */
    RESNET("ResNet (eq. 3)", "Theorem 6.1"),
    /** Convolutional ResNet, Section 3.3, Theorem 7.1 (not supported by the engine yet). */
    CONV_RESNET("convolutional ResNet (Section 3.3)", "Theorem 7.1");

    private final String words;
    private final String theorem;

    Architecture(String words, String theorem) {
        this.words = words;
        this.theorem = theorem;
    }

    String words() {
        return words;
    }

    String theorem() {
        return theorem;
    }
}
