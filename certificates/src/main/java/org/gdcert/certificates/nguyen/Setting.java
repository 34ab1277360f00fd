package org.gdcert.certificates.nguyen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Configured;

/**
 * What both Nguyen theorems require of the setting beyond their assumptions: the model of spec
 * §0.2 (no biases, no residual blocks, no layer scales, every layer trained, one σ for all hidden
 * layers, L ≥ 2) and the algorithm of §0.7 (full-batch GD with a constant step; gradient flow and
 * Clarke flow only as the [derived] extension of §7.1).
 *
 * @param problems why the setting is outside the theorem (empty when it is inside)
 * @param flow whether the optimizer is continuous (the §7.1 extension applies)
 * @param activation the hidden layers' σ (null when L < 2 or a hidden layer is linear)
 * @param gradientMultiplier c with ∇(training loss) = c·∇Φ: the optimizer's η is c·η on Φ
 */
record Setting(List<String> problems, boolean flow, Configured<Activation> activation, double gradientMultiplier) {

    static Setting check(CertificateContext ctx, String theorem) {
        NetworkSpec net = ctx.spec();
        List<String> problems = new ArrayList<>();
        int depth = net.depth();
        if (depth < 2) {
            problems.add("L = " + depth + ": " + theorem + " needs at least one hidden layer (L >= 2)");
        }
        Configured<Activation> act = null;
        for (int l = 1; l <= depth; l++) {
            LayerSpec ls = net.layer(l);
            if (ls.bias()) {
                problems.add("layer " + l + " has a bias: " + theorem + " is stated without biases (spec §7.3: a "
                        + "first-layer bias is covered only as a constant input column, X -> [X, 1])");
            }
            if (ls.residual()) {
                problems.add("layer " + l + " is a residual block: not in the theorem's model F_l = σ(F_{l-1} W_l)");
            }
            if (ls.weightScale() != 1 || ls.branchScale() != 1) {
                problems.add(String.format(Locale.ROOT, "layer %d has scales (weight %.6g, branch %.6g): the theorem "
                        + "uses the standard parameterisation", l, ls.weightScale(), ls.branchScale()));
            }
            if (!ls.trainable()) {
                problems.add("layer " + l + " is frozen: the theorem trains every layer");
            }
            if (l < depth) {
                if (ls.activation().isEmpty()) {
                    problems.add("hidden layer " + l + " is linear: the theorem needs σ on every hidden layer");
                } else if (act == null) {
                    act = ls.activation().get();
                } else if (!sameActivation(act, ls.activation().get())) {
                    problems.add("hidden layers use different activations (" + act + " and " + ls.activation().get()
                            + " on layer " + l + "): the theorem has one σ");
                }
            }
        }
        String opt = ctx.optimizer();
        boolean flow = false;
        switch (opt) {
            case "gd" -> {
            }
            case "flow", "clarke" -> flow = true;
            case "sgd" -> problems.add("optimizer sgd: minibatch SGD is not covered by " + theorem
                    + " (full-batch GD with a constant step only; spec §7.2)");
            default -> problems.add("optimizer '" + opt + "' is not covered: " + theorem
                    + " is for full-batch gradient descent with a constant step");
        }
        double c = ctx.reduction().gradientMultiplier(ctx.samples(), net.outputDim());
        return new Setting(List.copyOf(problems), flow, act, c);
    }

    private static boolean sameActivation(Configured<Activation> a, Configured<Activation> b) {
        return a.name().equals(b.name()) && Objects.equals(a.params(), b.params());
    }
}
