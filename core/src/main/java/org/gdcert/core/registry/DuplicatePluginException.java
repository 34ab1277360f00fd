package org.gdcert.core.registry;

/** Two providers claim the same name, or a provider's name is not a valid keyword. */
public final class DuplicatePluginException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public DuplicatePluginException(String message) {
        super(message);
    }
}
