package org.gdcert.core.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.ParamValue;
import org.gdcert.core.spi.PluginProvider;
import org.gdcert.core.spi.ValidatedParams;

/**
 * A provider with validated parameters, not yet instantiated: what a plan holds, so that each run
 * (and each thread of a sweep) creates its own instances.
 */
public record PluginChoice<T>(PluginProvider<T> provider, ValidatedParams params) {
    public PluginChoice {
        Objects.requireNonNull(provider);
        Objects.requireNonNull(params);
    }

    /** Validates {@code arguments} against the provider's schema. */
    public static <T> PluginChoice<T> of(PluginProvider<T> provider, List<Argument> arguments) {
        return new PluginChoice<>(provider, provider.parameters().validateOrThrow(provider.name(), arguments));
    }

    /** The provider with every parameter at its default. */
    public static <T> PluginChoice<T> defaults(PluginProvider<T> provider) {
        return of(provider, List.of());
    }

    public String name() {
        return provider.name();
    }

    /** A new instance. */
    public Configured<T> create() {
        return new Configured<>(provider.name(), params, provider.create(params));
    }

    /** The same choice with one parameter replaced (re-validated). */
    public PluginChoice<T> with(String name, ParamValue value) {
        List<Argument> args = new ArrayList<>();
        boolean found = false;
        for (Argument a : params.toArguments()) {
            if (a.name().orElseThrow().equals(name)) {
                args.add(Argument.named(name, value));
                found = true;
            } else if (params.isGiven(a.name().orElseThrow())) {
                args.add(a);
            }
        }
        if (!found) {
            throw new IllegalArgumentException(provider.name() + " has no parameter '" + name + "'");
        }
        return of(provider, args);
    }

    @Override
    public String toString() {
        return params.isEmpty() ? provider.name() : provider.name() + "(" + params + ")";
    }
}
