package org.gdcert.dsl.ast;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gdcert.core.spi.ParamValue;

/**
 * Dumps an AST as an indented tree, one node per line with its position, for golden files and
 * for debugging:
 * <pre>
 * Experiment @1:1-1:24
 *   statements[0]: Seed @1:1-1:7
 *     value: Num value=42 text="42" @1:6-1:7
 * </pre>
 * Without positions the dump of two trees is equal exactly when the trees are equal up to
 * positions, which is how round-trip tests compare them. Works on any record node by its
 * components, so new node types need no change here.
 */
public final class AstDump {
    /** Record components per node class (looking them up is slow). */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private AstDump() {
    }

    /** The tree with positions. */
    public static String dump(Node node) {
        return dump(node, true);
    }

    /** The tree, with or without positions. */
    public static String dump(Node node, boolean positions) {
        StringBuilder sb = new StringBuilder();
        node(sb, "", 0, node, positions);
        return sb.toString();
    }

    private static void node(StringBuilder sb, String label, int indent, Object node, boolean positions) {
        sb.append("  ".repeat(indent)).append(label);
        if (!(node instanceof Record r)) {
            sb.append(leaf(node)).append('\n');
            return;
        }
        sb.append(r.getClass().getSimpleName());
        List<String[]> children = new ArrayList<>();
        List<Object> childValues = new ArrayList<>();
        SourcePosition pos = null;
        for (RecordComponent c : COMPONENTS.get(r.getClass())) {
            Object v = get(r, c);
            if (v instanceof SourcePosition p) {
                pos = p;
                continue;
            }
            if (v instanceof Optional<?> o) {
                if (o.isEmpty()) {
                    continue;
                }
                v = o.get();
            }
            if (v instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    Object item = list.get(i);
                    if (item instanceof Record) {
                        children.add(new String[] {c.getName() + "[" + i + "]"});
                        childValues.add(item);
                    } else {
                        sb.append(' ').append(c.getName()).append('[').append(i).append("]=").append(leaf(item));
                    }
                }
            } else if (v instanceof Record) {
                children.add(new String[] {c.getName()});
                childValues.add(v);
            } else {
                sb.append(' ').append(c.getName()).append('=').append(leaf(v));
            }
        }
        if (positions && pos != null) {
            sb.append(" @").append(position(pos));
        }
        sb.append('\n');
        for (int i = 0; i < children.size(); i++) {
            node(sb, children.get(i)[0] + ": ", indent + 1, childValues.get(i), positions);
        }
    }

    private static Object get(Record r, RecordComponent c) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
        }
    }

    private static String leaf(Object v) {
        if (v instanceof String s) {
            return AstPrinter.quote(s);
        }
        if (v instanceof Double d) {
            return ParamValue.renderNumber(d);
        }
        return String.valueOf(v);
    }

    /** {@code 3:5-3:9}. */
    public static String position(SourcePosition p) {
        return p.line() + ":" + p.column() + "-" + p.endLine() + ":" + p.endColumn();
    }
}
