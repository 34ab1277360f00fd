package org.gdcert.certificates.sgdrelu;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.ParamValue;
import org.gdcert.core.spi.ValidatedParams;

/**
 * β_w and β_v of Assumption 4.1 (spec certificates-sgd-relu.md §1.3): read from the initializer
 * that drew each layer when it is one of the known ones, otherwise estimated from θ0 by the root
 * mean square of the entries, and say which. Only the asymptotic report (§4.4) uses them; the
 * deterministic certificate needs no assumption on θ0.
 */
final class InitScales {
    private InitScales() {
    }

    /**
     * The standard deviation of one layer's entries.
     *
     * @param value β
     * @param gaussian whether the entries are i.i.d. Gaussian as Assumption 4.1 requires (null:
     *     unknown)
     * @param source how β was obtained
     * @param rho the exponent when declared as β² = d1^{−ρ} (NaN otherwise)
     */
    record Scale(double value, Boolean gaussian, String source, double rho) {
    }

    static Scale of(CertificateContext ctx, int layer, HostMatrix w) {
        int fanIn = w.rows();
        int fanOut = w.cols();
        double rms = Math.sqrt(Sums.sumOfSquares(w.data()) / Math.max(1, (double) w.data().length));
        Optional<Configured<Initializer>> init = ctx.initializer(layer);
        if (init.isEmpty()) {
            return new Scale(rms, null, empirical("no initializer recorded", rms), Double.NaN);
        }
        String name = init.get().name();
        ValidatedParams p = init.get().params();
        Map<String, ParamValue> m = p.asMap();
        switch (name) {
            case "shallow_gaussian" -> {
                if (layer == 1) {
                    return symbolOr(p, "beta_w", fanIn, init.get().toString(), "β_w");
                }
                if (m.get("rho") instanceof ParamValue.Num r) {
                    double rho = r.value();
                    return new Scale(Math.pow(fanIn, -rho / 2), true, init.get() + ": β_v² = d1^(−ρ) with ρ = "
                            + fmt(rho) + " [Cor. 4.5]", rho);
                }
                return symbolOr(p, "beta_v", fanIn, init.get().toString(), "β_v");
            }
            case "gaussian", "normal" -> {
                double sd;
                if (p.isGiven("var") && m.get("var") instanceof ParamValue.Num v) {
                    sd = Math.sqrt(v.value());
                } else if (m.get("std") instanceof ParamValue.Num s) {
                    sd = s.value();
                } else {
                    sd = 1;
                }
                return new Scale(sd, true, init.get() + ": N(0, " + fmt(sd) + "²)", Double.NaN);
            }
            case "standard_normal" -> {
                return new Scale(1, true, name + ": N(0, 1)", Double.NaN);
            }
            case "lecun", "he", "xavier" -> {
                double var = switch (name) {
                    case "lecun" -> 1.0 / fanIn;
                    case "he" -> 2.0 / fanIn;
                    default -> 2.0 / (fanIn + fanOut);
                };
                boolean normal = !(m.get("distribution") instanceof ParamValue.Word d) || d.value().equals("normal");
                return new Scale(Math.sqrt(var), normal, init.get() + ": variance " + fmt(var)
                        + (normal ? ", Gaussian" : ", not Gaussian (Assumption 4.1 needs Gaussian entries)"),
                        Double.NaN);
            }
            case "signs" -> {
                return new Scale(1 / Math.sqrt(fanIn), false, init.get() + ": fixed ±1/√d1 (setup S2), not random",
                        Double.NaN);
            }
            case "zero", "zeros" -> {
                return new Scale(0, false, name + ": all zero", Double.NaN);
            }
            default -> {
                return new Scale(rms, null, empirical("initializer " + init.get() + " not recognised", rms),
                        Double.NaN);
            }
        }
    }

    private static Scale symbolOr(ValidatedParams p, String key, int fanIn, String what, String symbol) {
        Optional<String> word = p.symbol(key);
        if (word.isPresent() || !(p.asMap().get(key) instanceof ParamValue.Num)) {
            return new Scale(1 / Math.sqrt(fanIn), true, what + ": " + symbol + " = 1/√" + fanIn + " (LeCun)",
                    Double.NaN);
        }
        double v = p.getDouble(key);
        return new Scale(v, true, what + ": " + symbol + " = " + fmt(v), Double.NaN);
    }

    private static String empirical(String why, double rms) {
        return why + "; estimated from θ0 as the root mean square " + fmt(rms);
    }

    private static String fmt(double v) {
        return Sections.fmt(v);
    }
}
