package org.gdcert.core.spi;

/**
 * A plugin provider: the unit that {@link java.util.ServiceLoader} discovers and the DSL names.
 *
 * <p>Providers are stateless and have a public no-argument constructor. {@link #name()} is the
 * stable lowercase keyword of the DSL ({@code [a-z][a-z0-9_]*}); {@link #parameters()} is the schema
 * used for validation, {@code gdcert plugins} and error messages; {@link #create} builds one
 * configured instance from parameters the schema has already validated.
 *
 * @param <T> what the provider creates
 */
public interface PluginProvider<T> {

    /** The DSL keyword, lowercase, {@code [a-z][a-z0-9_]*}. */
    String name();

    /** One sentence for {@code gdcert plugins}. */
    String description();

    /** The parameter schema; empty by default. */
    default ParameterSchema parameters() {
        return ParameterSchema.EMPTY;
    }

    /** Which kind of plugin this is. */
    PluginKind kind();

    /** Whether this provider can be used on this machine (a GPU backend without a GPU cannot). */
    default Availability availability() {
        return Availability.AVAILABLE;
    }

    /** Builds an instance from validated parameters. */
    T create(ValidatedParams params);

    /** Validates raw arguments against {@link #parameters()} and creates a configured instance. */
    default Configured<T> configure(java.util.List<Argument> arguments) {
        ValidatedParams params = parameters().validateOrThrow(name(), arguments);
        return new Configured<>(name(), params, create(params));
    }

    /** Creates an instance with every parameter at its default. */
    default Configured<T> configureDefaults() {
        return configure(java.util.List.of());
    }
}
