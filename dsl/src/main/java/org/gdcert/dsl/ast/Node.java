package org.gdcert.dsl.ast;

/**
 * A node of the experiment AST: an immutable record that knows where it was written. Nodes know
 * nothing of plugins: a plugin call is a {@link Call} whose name the compiler resolves.
 */
public interface Node {
    /** Where the node was written. */
    SourcePosition position();
}
