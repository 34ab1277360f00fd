package org.gdcert.certificates.sgdrelu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Configured;

/**
 * The applicability decisions of the {@code sgd_relu} checker: the network must be seed 004's
 * two-layer ReLU network without biases (§1.1), and the trained layers decide which certificate
 * applies (§4.4(f)). Every decision is a {@link Finding} with a reason code; a FAIL leaves no
 * {@link Instance}, while NOT_COVERED (W-only training) and NOT_APPLICABLE (d1 &lt; N) keep it so
 * that the explicit quantities can still be reported.
 */
final class Setup {
    /** Relative tolerance for the ReLU sanity values σ(1) = 1, σ(−1) = 0. */
    static final double RELU_CHECK = 1e-15;

    private Setup() {
    }

    /** The decisions and, unless a structural check failed, the instance in trained coordinates. */
    record Result(List<Finding> findings, Optional<Instance> instance, OptimizerScope optimizer) {
        Result {
            findings = List.copyOf(findings);
        }

        List<Finding> excluding() {
            return findings.stream().filter(f -> f.status().excludesDi()).toList();
        }

        boolean diApplicable() {
            return instance.isPresent() && excluding().isEmpty();
        }
    }

    static Result analyze(CertificateContext ctx, SgdReluSettings settings) {
        List<Finding> out = new ArrayList<>();
        NetworkSpec spec = ctx.spec();
        OptimizerScope opt = OptimizerScope.of(ctx, ctx.reduction(), spec.outputDim());
        boolean ok = true;
        if (spec.depth() != 2) {
            out.add(Finding.fail("SR-ARCH-01", "the network has " + spec.depth() + " weight layers (" + spec.widthsText()
                    + "); seed 004's network is shallow: X → φ(XW) → φ(XW)V, two weight layers, one hidden ReLU layer"));
            return new Result(out, Optional.empty(), opt);
        }
        LayerSpec hidden = spec.layer(1);
        LayerSpec output = spec.layer(2);
        if (hidden.residual()) {
            out.add(Finding.fail("SR-ARCH-01", "the hidden layer is a residual block (X + φ(XW)); seed 004's hidden "
                    + "layer is H = φ(XW)"));
            ok = false;
        }
        if (hidden.bias() || output.bias()) {
            out.add(Finding.fail("SR-ARCH-02", "layer " + (hidden.bias() ? 1 : 2) + " has a bias; seed 004's network "
                    + "has no biases (θ = (vec W, vec V), §1.1)"));
            ok = false;
        }
        ok &= activation(hidden, out);
        double s1 = hidden.weightScale();
        double b1 = hidden.branchScale();
        double s2 = output.weightScale();
        double scale = s1 * b1 * s2;
        if (!(s1 > 0 && b1 > 0 && s2 > 0)) {
            out.add(Finding.fail("SR-ARCH-03", String.format(Locale.ROOT, "layer multipliers must be positive to map "
                    + "onto φ(XW)V (weightScale_1 = %s, branchScale_1 = %s, weightScale_2 = %s)", Sections.fmt(s1),
                    Sections.fmt(b1), Sections.fmt(s2))));
            ok = false;
        } else if (scale != 1) {
            out.add(Finding.pass("SR-ARCH-03", String.format(Locale.ROOT, "the network computes %s·%s·φ(%s·XW)V "
                    + "= φ(X_eff W)V with X_eff = %.9g·X (φ positively homogeneous); the certificate is computed in the "
                    + "coordinates actually trained, (W, V) with input X_eff (spec §1.4 scale-equivalence rule)",
                    Sections.fmt(s2), Sections.fmt(b1), Sections.fmt(s1), scale)));
        }
        if (ok) {
            out.add(Finding.pass("SR-ARCH-01", "two-layer network " + spec.widthsText() + ", no biases, Ŷ = φ(XW)V"));
        }
        Instance.Mask mask = hidden.trainable() ? (output.trainable() ? Instance.Mask.BOTH : Instance.Mask.W_ONLY)
                : (output.trainable() ? Instance.Mask.V_ONLY : Instance.Mask.NONE);
        switch (mask) {
            case BOTH -> out.add(Finding.pass("SR-MASK-01", "both layers trained (setup S1): Theorem 3.4 and Theorems "
                    + "5.1/5.6 train θ = (W, V)"));
            case W_ONLY -> out.add(new Finding("SR-MASK-01", Finding.Status.NOT_COVERED, "only W is trained (V frozen, "
                    + "setup S2): the main text gives no certificate for W-only training (Proposition 2.1's decay uses "
                    + "the V-gradient; the W-only bound N^5/d0^4 is in Appendix G, which is not available) — §4.4(f)"));
            case V_ONLY -> out.add(new Finding("SR-MASK-01", Finding.Status.NOT_COVERED, "only V is trained (W "
                    + "frozen): a linear least-squares problem in V, not a setting seed 004 analyses"));
            default -> out.add(Finding.fail("SR-MASK-01", "no layer is trained"));
        }
        int n = ctx.samples();
        int d1 = hidden.width();
        if (n > settings.maxSamples()) {
            out.add(Finding.fail("SR-SIZE-01", "N = " + n + " exceeds the dense limit max_samples = "
                    + settings.maxSamples() + " of this checker (α needs a QR of the d1 × N matrix H0ᵀ, O(N²d1))"));
            ok = false;
        }
        if (d1 >= n) {
            out.add(Finding.pass("SR-WIDTH-01", "d1 = " + d1 + " ≥ N = " + n + " (needed for α = σ_min(H0ᵀ) > 0)"));
        } else {
            out.add(new Finding("SR-WIDTH-01", Finding.Status.NOT_APPLICABLE, "rank(H0) ≤ d1 = " + d1 + " < N = " + n
                    + ", so α = σ_min(H0ᵀ) = 0 and Theorem 3.4 cannot apply (every Section 6 configuration is here)"));
        }
        optimizer(opt, ctx, out);
        if (!ok) {
            return new Result(out, Optional.empty(), opt);
        }
        HostMatrix x = ctx.inputs().copy();
        if (scale != 1) {
            x.scaleInPlace(scale);
        }
        double s0 = hidden.activation().map(a -> a.instance().derivative(0.0)).orElse(Double.NaN);
        Instance inst = new Instance(x, ctx.targets(), ctx.weight(1), ctx.weight(2), scale, mask, s0, s2);
        return new Result(out, Optional.of(inst), opt);
    }

    /** SR-ACT-01: φ must be the ReLU, identified by name and checked on a few values. */
    private static boolean activation(LayerSpec hidden, List<Finding> out) {
        Optional<Configured<Activation>> act = hidden.activation();
        if (act.isEmpty()) {
            out.add(Finding.fail("SR-ACT-01", "the hidden layer is linear; seed 004's network applies the ReLU φ(x) = "
                    + "max(0, x)"));
            return false;
        }
        Configured<Activation> a = act.get();
        if (!a.name().equals("relu")) {
            out.add(Finding.fail("SR-ACT-01", "activation " + a + ": seed 004 (the provided text) is for the ReLU "
                    + "φ(x) = max(0, x) only (later arXiv versions widen the class; this checker follows the text)"));
            return false;
        }
        Activation s = a.instance();
        boolean values = s.value(0) == 0 && Math.abs(s.value(1) - 1) <= RELU_CHECK && s.value(-1) == 0
                && Math.abs(s.value(2.5) - 2.5) <= 2.5 * RELU_CHECK && s.value(-3) == 0;
        if (!values) {
            out.add(Finding.fail("SR-ACT-01", String.format(Locale.ROOT, "activation named relu does not compute "
                    + "max(0, x): σ(1) = %.17g, σ(−1) = %.17g", s.value(1), s.value(-1))));
            return false;
        }
        double s0 = s.derivative(0.0);
        if (s0 >= 0 && s0 <= 1) {
            out.add(Finding.pass("SR-ACT-01", String.format(Locale.ROOT, "ReLU φ(x) = max(0, x); the run uses σ'(0) = "
                    + "%s, a fixed selection from the Clarke derivative [0, 1] (spec §2.3)", Sections.fmt(s0))));
        } else {
            out.add(new Finding("SR-ACT-01", Finding.Status.WARNING, String.format(Locale.ROOT, "ReLU with σ'(0) = "
                    + "%s outside the Clarke derivative [0, 1]: discrete steps at exact kinks are not Clarke "
                    + "subgradient steps", Sections.fmt(s0))));
        }
        return true;
    }

    /** SR-OPT-01: the optimizer's relation to the theorems (decides the verdict only when CERT-DI holds). */
    private static void optimizer(OptimizerScope opt, CertificateContext ctx, List<Finding> out) {
        if (opt.continuous()) {
            String how = opt.clarke() ? "the Clarke-subgradient flow with minimum-norm selection (every DI solution "
                    + "moves with the minimum-norm element, spec §2.3)"
                    : opt.known() ? "gradient flow with a fixed selection σ'(0) (an approximation of a DI solution; a "
                    + "fixed selection may chatter at sliding kinks, spec §2.3)" : "a continuous-time optimizer";
            out.add(new Finding("SR-OPT-01", opt.known() ? Finding.Status.PASS : Finding.Status.NOT_COVERED,
                    opt.name() + ": " + how + (opt.timeScale() != 1 ? String.format(Locale.ROOT, "; the %s loss makes "
                    + "its time run %.6g times the DI time of L = ½‖·‖²", ctx.reduction(), opt.timeScale()) : "")));
            return;
        }
        if (!opt.inScope()) {
            out.add(new Finding("SR-OPT-01", Finding.Status.NOT_COVERED, opt.describe() + " is outside Theorems "
                    + "5.1/5.6: " + String.join("; ", opt.outside())));
            return;
        }
        String flavour = opt.fullBatch() ? "full-batch gradient descent (Theorem 5.6 with b = N)"
                : "plain SGD with " + (opt.sampler().equals("subset") ? "i.i.d. uniform b-subsets (Theorem 5.6)"
                : "b-tuples drawn with replacement (E L^b = (b/N)L holds too; spec §6 item 6)");
        out.add(Finding.pass("SR-OPT-01", opt.describe() + ": " + flavour + "; the guarantee needs η below an η0 "
                + "that the paper proves to exist but does not give (CERT-SGD)"));
    }
}
