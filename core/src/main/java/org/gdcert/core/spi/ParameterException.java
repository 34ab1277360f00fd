package org.gdcert.core.spi;

import java.util.List;
import java.util.stream.Collectors;

/** Arguments that do not fit a plugin's schema; lists every problem. */
public final class ParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<ParameterSchema.Problem> problems;

    public ParameterException(String owner, List<ParameterSchema.Problem> problems) {
        super(owner + ": " + problems.stream().map(ParameterSchema.Problem::message)
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<ParameterSchema.Problem> problems() {
        return problems;
    }
}
