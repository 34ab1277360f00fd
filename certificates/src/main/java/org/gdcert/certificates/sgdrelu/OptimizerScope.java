package org.gdcert.certificates.sgdrelu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.spi.ParamValue;
import org.gdcert.core.spi.ValidatedParams;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.LossReduction;

/**
 * How the run's optimizer relates to seed 004 (spec certificates-sgd-relu.md §2.5, §4.3): whether
 * it is a flow (DI) or discrete, its step size in the paper's units, the map from iterations to DI
 * time, and the scope flags that put a run outside Theorems 5.1/5.6.
 *
 * <p>Paper units: L = ½Σ‖Ŷ_i − Y_i‖² and, per step, the batch loss L^b = ½Σ_{i∈A}; a step
 * η on the run's loss is η_paper = η·s·m_b, where s is the optimizer's minibatch scale (1 for the
 * sum, 1/b for the mean, N/b for the unbiased scale) and m_b the loss reduction's gradient
 * multiplier over b rows (§1.2). DI time after k steps is t_k = k·η_paper·b/N (plain GD: b = N;
 * SGD: the paper's own scaling from the proof of Theorem 5.6); with momentum μ the heuristic
 * t_k ≈ k·η_paper·(b/N)/(1 − μ). A flow on the reduced loss runs m_N times faster than the DI of L.
 *
 * @param name the optimizer's name
 * @param continuous a flow ({@code flow}, {@code clarke}, or any optimizer on the TIME axis)
 * @param clarke the Clarke-subgradient flow with minimum-norm selection
 * @param eta the step size as given (NaN when not known yet or continuous)
 * @param batch b (N for full-batch methods)
 * @param momentum μ
 * @param nesterov Nesterov momentum
 * @param sampler the minibatch sampler's name ({@code full} for gd)
 * @param batchScale s
 * @param reductionBatch m_b
 * @param reductionFull m_N
 * @param outside the scope flags: each puts the run outside Theorems 5.1/5.6
 * @param known whether the optimizer is one this checker knows (gd, sgd, flow, clarke)
 * @param assumed parameters the optimizer did not declare, and the value assumed for them
 */
record OptimizerScope(String name, boolean continuous, boolean clarke, double eta, int batch, double momentum,
        boolean nesterov, String sampler, double batchScale, double reductionBatch, double reductionFull,
        List<String> outside, boolean known, List<String> assumed) {

    OptimizerScope {
        outside = List.copyOf(outside);
        assumed = List.copyOf(assumed);
    }

    static OptimizerScope of(CertificateContext ctx, LossReduction reduction, int outputs) {
        String name = ctx.optimizer();
        int n = ctx.samples();
        ValidatedParams p = ctx.optimizerParams();
        double eta = ctx.stepSize().orElse(Double.NaN);
        double full = reduction.gradientMultiplier(n, outputs);
        List<String> outside = new ArrayList<>();
        List<String> assumed = new ArrayList<>();
        switch (name) {
            case "clarke", "flow" -> {
                return new OptimizerScope(name, true, name.equals("clarke"), Double.NaN, n, 0, false, "full", 1, full,
                        full, outside, true, assumed);
            }
            case "gd" -> {
                return new OptimizerScope(name, false, false, eta, n, 0, false, "full", 1, full, full, outside, true, assumed);
            }
            case "sgd" -> {
                int b = (int) Math.min(n, Math.max(1, number(p, "batch", n, assumed)));
                double mu = number(p, "momentum", 0, assumed);
                boolean nest = bool(p, "nesterov");
                String sampler = word(p, "sampler", "subset", assumed);
                String scale = word(p, "scale", "sum", assumed);
                double s = switch (scale) {
                    case "mean" -> 1.0 / b;
                    case "unbiased" -> (double) n / b;
                    default -> 1.0;
                };
                boolean fullBatch = b >= n && !sampler.equals("replacement");
                if (mu > 0) {
                    outside.add(String.format(Locale.ROOT, "heavy-ball momentum μ = %s (Theorems 5.1/5.6 are for "
                            + "plain SGD; the Section 6 experiments use μ = 0.9 outside the theory)", fmt(mu)));
                }
                if (nest) {
                    outside.add("Nesterov momentum");
                }
                if (!fullBatch && (sampler.equals("shuffle") || sampler.equals("cyclic"))) {
                    outside.add("sampler " + sampler + " (an epoch-based order, spec's EPOCH_SHUFFLE): Theorem 5.6 "
                            + "draws A_k i.i.d. Unif([N]^(b)), a fresh uniform b-subset every step (sampler=subset)");
                }
                if (!fullBatch && !List.of("shuffle", "cyclic", "subset", "replacement").contains(sampler)) {
                    outside.add("unknown sampler '" + sampler + "'");
                }
                return new OptimizerScope(name, false, false, eta, b, mu, nest, fullBatch ? "full" : sampler, s,
                        reduction.gradientMultiplier(b, outputs), full, outside, true, assumed);
            }
            default -> {
                boolean cont = ctx.axis() == Axis.TIME;
                outside.add("optimizer '" + name + "' is not one seed 004 analyses (the DI of Theorem 3.4, "
                        + "plain (S)GD of Theorems 5.1/5.6)");
                return new OptimizerScope(name, cont, false, eta, n, 0, false, "unknown", 1, full, full, outside,
                        false, assumed);
            }
        }
    }

    /** η_paper = η·s·m_b (NaN when η is not known). */
    double etaPaper() {
        return eta * batchScale * reductionBatch;
    }

    /** DI time per discrete step, t_k = k·η_paper·b/N, divided by 1 − μ with momentum (heuristic). */
    double timePerStep(int n) {
        return etaPaper() * batch / n / (1 - momentum);
    }

    /** DI time per unit of the flow's time: the reduction's multiplier m_N. */
    double timeScale() {
        return reductionFull;
    }

    /** Inside Theorems 5.1/5.6 (or a flow of the DI). */
    boolean inScope() {
        return outside.isEmpty();
    }

    /** Full-batch iterations (gd, or sgd with b = N): deterministic. */
    boolean fullBatch() {
        return sampler.equals("full");
    }

    /** A one-line description: {@code sgd(b=20, subset, μ=0, η=0.01)}. */
    String describe() {
        if (continuous) {
            return name + " (continuous time)";
        }
        return String.format(Locale.ROOT, "%s(b=%d, %s, μ=%s, η=%s)", name, batch, sampler, fmt(momentum),
                Double.isNaN(eta) ? "not known yet" : fmt(eta));
    }

    private static String fmt(double v) {
        return Sections.fmt(v);
    }

    private static double number(ValidatedParams p, String key, double dflt, List<String> assumed) {
        Map<String, ParamValue> m = p.asMap();
        if (m.get(key) instanceof ParamValue.Num v) {
            return v.value();
        }
        assumed.add(key + " = " + ParamValue.renderNumber(dflt));
        return dflt;
    }

    private static boolean bool(ValidatedParams p, String key) {
        return p.asMap().get(key) instanceof ParamValue.Bool b && b.value();
    }

    private static String word(ValidatedParams p, String key, String dflt, List<String> assumed) {
        ParamValue v = p.asMap().get(key);
        if (v instanceof ParamValue.Word w) {
            return w.value();
        }
        if (v instanceof ParamValue.Text t) {
            return t.value();
        }
        assumed.add(key + " = " + dflt);
        return dflt;
    }
}
