package org.gdcert.dsl.ast;

import java.util.Objects;
import java.util.Optional;

/** A plugin for every layer ({@code lecun}) or for selected layers ({@code layer 2: gaussian(var=0)}). */
public record LayerCall(Optional<LayerSelector> layers, Call call, SourcePosition position) implements Node {
    public LayerCall {
        Objects.requireNonNull(layers, "layers");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(position, "position");
    }
}
