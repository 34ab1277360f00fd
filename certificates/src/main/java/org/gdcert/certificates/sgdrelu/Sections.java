package org.gdcert.certificates.sgdrelu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gdcert.core.cert.Condition;
import org.gdcert.core.cert.Note;
import org.gdcert.core.cert.Quantity;
import org.gdcert.core.cert.Tag;

/**
 * The report under construction, grouped as the spec's report schema (§4.5): each quantity name
 * carries its section as a prefix ({@code inst.}, {@code data.}, {@code di.}, {@code sgd.},
 * {@code asym.}, {@code num.}), and every line carries its provenance tag.
 */
final class Sections {
    final List<Quantity> quantities = new ArrayList<>();
    final List<Condition> conditions = new ArrayList<>();
    final List<Note> notes = new ArrayList<>();

    void q(String name, String symbol, double value, String equation, Tag tag, String note) {
        quantities.add(new Quantity(name, symbol, value, equation, tag, note));
    }

    void q(String name, String symbol, double value, String equation, Tag tag) {
        quantities.add(Quantity.of(name, symbol, value, equation, tag));
    }

    void note(String topic, String text, Tag tag) {
        notes.add(new Note(topic, text, tag));
    }

    void hidden(String constant, String text) {
        notes.add(Note.hidden(constant, text));
    }

    /** Six significant digits without trailing zeros ({@code 0.0237620} → {@code 0.023762}, 1.0 → 1). */
    static String fmt(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mant = e < 0 ? s : s.substring(0, e);
        String exp = e < 0 ? "" : s.substring(e);
        if (mant.contains(".")) {
            mant = mant.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mant + exp;
    }
}
