package org.gdcert.certificates.song;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.train.Axis;

/**
 * The applicability decisions of spec certificates-song.md §4.2 on a {@link CertificateContext}:
 * architecture (15) (one hidden layer, no biases, both layers trained, no multipliers), activation
 * (C² with finite φ̇_max, φ̈_max; ReLU is INAPPLICABLE), loss (gdcert's squared errors with the
 * reduction's scale s), optimizer (full-batch GD: Theorem 2; gradient flow: Theorem 1; anything
 * else is not covered) and dimensions (d ≥ d2·n). Never throws on a setting outside the theorems.
 */
final class SongApplicability {

    /** Which theorem the run's optimizer falls under. */
    enum OptimizerKind {
        /** Full-batch GD with a constant step: Theorem 2 (2′). */
        GD("gradient descent", "Theorem 2"),
        /** Gradient flow: Theorem 1 (1′). */
        FLOW("gradient flow", "Theorem 1"),
        /** Minibatch SGD: no theorem of the paper (diagnostics only). */
        SGD("minibatch SGD", "none"),
        /** Clarke-subgradient flow: for non-smooth φ, outside the paper. */
        CLARKE("Clarke-subgradient flow", "none"),
        /** Any other optimizer. */
        OTHER("optimizer", "none");

        final String words;
        final String theorem;

        OptimizerKind(String words, String theorem) {
            this.words = words;
            this.theorem = theorem;
        }
    }

    /**
     * The decisions and, when the layers are the paper's network (15), its activation and constants.
     *
     * @param checks every decision in order
     * @param activation the hidden activation, when the architecture matches
     * @param constants its constants (§3.6), when the architecture matches
     * @param optimizer the optimizer's kind
     * @param scale s of the training loss s‖Z − Y‖² (SUM_HALF: ½, SUM: 1, MEAN: 1/(n d2))
     * @param eta the step size on the training loss, NaN when not known (eta=certified) or not discrete
     */
    record Result(List<SongCheck> checks, Optional<Configured<Activation>> activation,
            Optional<ActivationConstants> constants, OptimizerKind optimizer, double scale, double eta) {
        Result {
            checks = List.copyOf(checks);
        }

        /** Whether the quantities of Lemma 3 and the PL framework can be computed at all. */
        boolean computable() {
            return activation.isPresent() && constants.isPresent() && constants.get().finite()
                    && constants.get().declaredBoundsHold();
        }

        List<SongCheck> failures() {
            return checks.stream().filter(c -> c.status().excludes()).toList();
        }

        boolean applicable() {
            return computable() && failures().isEmpty();
        }

        boolean flow() {
            return optimizer == OptimizerKind.FLOW;
        }
    }

    private SongApplicability() {
    }

    static Result analyze(CertificateContext ctx, SongSettings settings) {
        List<SongCheck> checks = new ArrayList<>();
        NetworkSpec spec = ctx.spec();
        int n = ctx.samples();
        double scale = ctx.reduction().gradientMultiplier(n, spec.outputDim()) / 2;
        OptimizerKind opt = optimizerKind(ctx);
        double eta = opt == OptimizerKind.FLOW ? Double.NaN : ctx.stepSize().orElse(Double.NaN);
        Optional<Configured<Activation>> act = structure(spec, checks);
        Optional<ActivationConstants> constants = Optional.empty();
        if (act.isPresent()) {
            ActivationConstants c = ActivationConstants.of(act.get().instance(), settings.quadrature());
            constants = Optional.of(c);
            activation(act.get(), c, checks);
            int d = spec.width(1) * (spec.inputDim() + spec.outputDim());
            long dTilde = (long) spec.outputDim() * n;
            if (d < dTilde) {
                checks.add(SongCheck.fail("SONG-DIM-01", String.format(Locale.ROOT, "d = d1(d0 + d2) = %d < d2·n = %d"
                        + ": the Jacobian ∇Φ has rank < d2·n, so σ_min(∇Φ*(Θ)) = 0 for every Θ and no PL inequality "
                        + "is possible (§4.2)", d, dTilde)));
            } else {
                checks.add(SongCheck.pass("SONG-DIM-01", String.format(Locale.ROOT, "d = d1(d0 + d2) = %d ≥ d2·n = %d "
                        + "(ratio %.4g)", d, dTilde, (double) d / dTilde)));
            }
        }
        checks.add(SongCheck.pass("SONG-LOSS-01", String.format(Locale.ROOT, "quadratic loss: training on %s is "
                + "f(Z) = s‖Z − Y‖²_F with s = %.6g (paper's (16): s = 1), α_f = β_f = 2s = %.6g", ctx.reduction(),
                scale, 2 * scale)));
        optimizer(ctx, opt, eta, scale, checks);
        return new Result(checks, act, constants, opt, scale, eta);
    }

    static OptimizerKind optimizerKind(CertificateContext ctx) {
        String name = ctx.optimizer();
        if (name.equals("clarke")) {
            return OptimizerKind.CLARKE;
        }
        if (ctx.axis() == Axis.TIME || name.equals("flow")) {
            return OptimizerKind.FLOW;
        }
        if (name.equals("gd")) {
            return OptimizerKind.GD;
        }
        if (name.equals("sgd")) {
            return OptimizerKind.SGD;
        }
        return OptimizerKind.OTHER;
    }

    /** SONG-ARCH-01..04; the activation when the layers are x ↦ Vφ(Wx). */
    private static Optional<Configured<Activation>> structure(NetworkSpec spec, List<SongCheck> checks) {
        if (spec.depth() != 2) {
            checks.add(SongCheck.fail("SONG-ARCH-01", "the network has " + spec.depth() + " weight layers ("
                    + spec.widthsText() + "); seed 003's network (15) x ↦ Vφ(Wx) has exactly two"));
            return Optional.empty();
        }
        LayerSpec hidden = spec.layer(1);
        if (hidden.activation().isEmpty()) {
            checks.add(SongCheck.fail("SONG-ARCH-01", "layer 1 is linear; (15) applies φ to the hidden layer"));
            return Optional.empty();
        }
        boolean ok = true;
        if (spec.layer(1).bias() || spec.layer(2).bias()) {
            checks.add(SongCheck.fail("SONG-ARCH-02", "layer " + (spec.layer(1).bias() ? 1 : 2) + " has a bias; (15) "
                    + "has no biases (Θ = (W, V))"));
            ok = false;
        } else {
            checks.add(SongCheck.pass("SONG-ARCH-02", "no biases"));
        }
        if (!spec.layer(1).trainable() || !spec.layer(2).trainable()) {
            checks.add(SongCheck.fail("SONG-ARCH-03", "layer " + (spec.layer(1).trainable() ? 2 : 1) + " is frozen; "
                    + "the paper trains W and V simultaneously (Lemma 3's μ comes from the V-block)"));
            ok = false;
        } else {
            checks.add(SongCheck.pass("SONG-ARCH-03", "both layers trained"));
        }
        List<String> scales = new ArrayList<>();
        for (int l = 1; l <= 2; l++) {
            LayerSpec ls = spec.layer(l);
            if (ls.weightScale() != 1) {
                scales.add(String.format(Locale.ROOT, "layer %d multiplies F W by %.6g", l, ls.weightScale()));
            }
            if (l == 1 && ls.branchScale() != 1) {
                scales.add(String.format(Locale.ROOT, "layer 1 multiplies σ(G) by %.6g", ls.branchScale()));
            }
        }
        if (hidden.residual()) {
            scales.add("layer 1 is residual");
        }
        if (!scales.isEmpty()) {
            checks.add(SongCheck.fail("SONG-ARCH-04", String.join("; ", scales) + "; (15) is Vφ(Wx) without "
                    + "multipliers or skips (the gradient dynamics of a rescaled parameterization differ)"));
            ok = false;
        } else {
            checks.add(SongCheck.pass("SONG-ARCH-04", "no multipliers, no skip"));
        }
        if (!ok) {
            return Optional.empty();
        }
        checks.add(SongCheck.pass("SONG-ARCH-01", String.format(Locale.ROOT, "two-layer network (15): d0 = %d, "
                + "d1 = %d, d2 = %d, φ = %s", spec.inputDim(), spec.width(1), spec.outputDim(),
                hidden.activation().get())));
        return hidden.activation();
    }

    /** SONG-ACT-01..03. */
    private static void activation(Configured<Activation> act, ActivationConstants c, List<SongCheck> checks) {
        if (!c.smooth() || !c.finite()) {
            checks.add(SongCheck.fail("SONG-ACT-01", String.format(Locale.ROOT, "%s is not twice differentiable with "
                    + "bounded φ̇, φ̈ (declared: C² = %s, φ̇_max = %s, φ̈_max = %s); Assumption 2 and Lemma 3's β need "
                    + "both sups finite (ReLU, leaky ReLU, hard-tanh are outside this paper)", act, c.smooth(),
                    num(c.dotMax()), num(c.ddotMax()))));
            return;
        }
        checks.add(SongCheck.pass("SONG-ACT-01", String.format(Locale.ROOT, "%s is C² with φ̇_max = %.12g, "
                + "φ̈_max = %.12g (declared by the plugin)", act, c.dotMax(), c.ddotMax())));
        if (!c.declaredBoundsHold()) {
            checks.add(SongCheck.fail("SONG-ACT-02", String.format(Locale.ROOT, "the plugin's declared bounds are "
                    + "not upper bounds: sampled sup|φ̇| = %.12g at x = %.6g vs declared %.12g, sup|φ̈| = %.12g at "
                    + "x = %.6g vs declared %.12g; a certificate on them would be unsound", c.sampledDotMax(),
                    c.dotArgmax(), c.dotMax(), c.sampledDdotMax(), c.ddotArgmax(), c.ddotMax())));
        } else {
            checks.add(SongCheck.pass("SONG-ACT-02", String.format(Locale.ROOT, "declared bounds confirmed by sampling "
                    + "(sup|φ̇| = %.12g, sup|φ̈| = %.12g on [−%.0f, %.0f] and far tails)", c.sampledDotMax(),
                    c.sampledDdotMax(), ActivationConstants.GRID_HALF_WIDTH, ActivationConstants.GRID_HALF_WIDTH)));
        }
        if (c.phiAtZero() != 0) {
            checks.add(new SongCheck("SONG-ACT-03", SongCheck.Status.WARNING, String.format(Locale.ROOT, "φ(0) = %.12g "
                    + "≠ 0 violates Assumption 2; only Theorem 3's probabilistic order analysis needs φ(0) = 0 (its "
                    + "estimates below use the shifted φ − φ(0), spec A23); the deterministic certificate (Lemma 3, "
                    + "Theorems 1′/2′) accepts φ unshifted", c.phiAtZero())));
        } else {
            checks.add(SongCheck.pass("SONG-ACT-03", "φ(0) = 0"));
        }
    }

    /** SONG-OPT-01. */
    private static void optimizer(CertificateContext ctx, OptimizerKind opt, double eta, double scale,
            List<SongCheck> checks) {
        switch (opt) {
            case GD -> checks.add(SongCheck.pass("SONG-OPT-01", "full-batch gradient descent with a constant step "
                    + "(Theorem 2; explicit constants of Theorem 2′)" + (Double.isNaN(eta) ? "; step size not known "
                    + "yet (η_max is reported)" : String.format(Locale.ROOT, "; η = %.6g on the training loss is "
                    + "η_paper = s·η = %.6g on h = ‖·‖²", eta, scale * eta))));
            case FLOW -> checks.add(SongCheck.pass("SONG-OPT-01", ctx.optimizer() + ": gradient flow (Theorem 1; "
                    + "explicit constants and the derived rate of Theorem 1′)"));
            case SGD -> checks.add(new SongCheck("SONG-OPT-01", SongCheck.Status.NOT_COVERED, "minibatch SGD: no "
                    + "convergence certificate in this paper applies (Theorem 2 is full-batch GD); the quantities and "
                    + "the monitor's diagnostics are still reported"));
            case CLARKE -> checks.add(SongCheck.fail("SONG-OPT-01", "the Clarke-subgradient flow is for non-smooth "
                    + "activations; seed 003 needs φ ∈ C² (spec §4.6)"));
            default -> checks.add(new SongCheck("SONG-OPT-01", SongCheck.Status.NOT_COVERED, ctx.optimizer()
                    + ": Theorems 1–2 cover gradient flow and full-batch GD with a constant step only"));
        }
    }

    private static String num(double v) {
        return Double.isInfinite(v) ? "∞" : String.format(Locale.ROOT, "%.6g", v);
    }
}
