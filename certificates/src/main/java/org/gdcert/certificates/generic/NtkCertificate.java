package org.gdcert.certificates.generic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gdcert.certificates.kernels.Spectral;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Note;
import org.gdcert.core.cert.Quantity;
import org.gdcert.core.cert.Tag;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.Network;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Certificate;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.spi.Monitor;

/**
 * The empirical NTK K = J Jᵀ at θ0: λ_min, λ_max, the condition number, the step 1/λ_max that
 * {@code eta=auto} uses, and the rigorous lower bound λ_min(K) ≥ s²·λ_min(F_{L−1}F_{L−1}ᵀ) from the
 * last layer's block (seed 001 (3), s the output layer's weight scale). A diagnostic (see
 * {@link Diagnostics}); its monitor follows the spectrum along training.
 */
public final class NtkCertificate implements Certificate {
    static final String NAME = "ntk";
    static final String WHAT = "empirical neural tangent kernel (diagnostic)";
    private final int explicitMax;
    private final int iterations;
    private final double tolerance;
    private final int every;

    public NtkCertificate(int explicitMax, int iterations, double tolerance, int every) {
        this.explicitMax = explicitMax;
        this.iterations = iterations;
        this.tolerance = tolerance;
        this.every = every;
    }

    @Override
    public CertificateReport assess(CertificateContext ctx) {
        return Diagnostics.guarded(NAME, WHAT, () -> evaluate(ctx));
    }

    private CertificateReport evaluate(CertificateContext ctx) {
        Network net = ctx.network();
        Backend b = net.backend();
        int depth = ctx.spec().depth();
        NtkSpectrum sp;
        Spectral.Value lower;
        try (Matrix x = b.upload(ctx.inputs()); ForwardPass fp = net.newForwardPass(ctx.samples())) {
            sp = NtkSpectrum.of(net, x, explicitMax, iterations, tolerance, ctx.seed());
            net.forward(x, fp);
            lower = ctx.spec().layer(depth).trainable() ? Spectral.sigmaN(b, fp.features(depth - 1))
                    : new Spectral.Value(0, "output layer frozen");
        }
        double scale = ctx.spec().layer(depth).weightScale();
        double lb = scale * scale * lower.value() * lower.value();
        double c = ctx.reduction().gradientMultiplier(ctx.samples(), ctx.spec().outputDim());
        List<Quantity> q = new ArrayList<>();
        String kind = sp.explicit() ? "exact (explicit kernel)" : "Lanczos Ritz value";
        q.add(new Quantity("lambdaMax", "λ_max(K)", sp.max(), "", Tag.EXTENSION, kind + (sp.explicit() ? ""
                : ", a lower estimate of λ_max")));
        q.add(new Quantity("lambdaMin", "λ_min(K)", sp.min(), "", Tag.EXTENSION, kind + (sp.explicit() ? ""
                : ", an upper estimate of λ_min (slow to converge)")));
        if (!sp.explicit()) {
            q.add(new Quantity("lambdaMaxResidual", "‖Ks − θs‖ (max)", sp.maxResidual(), "", Tag.EXTENSION,
                    "an eigenvalue of K lies within this distance of λ_max's estimate"));
            q.add(new Quantity("lambdaMinResidual", "‖Ks − θs‖ (min)", sp.minResidual(), "", Tag.EXTENSION,
                    "an eigenvalue of K lies within this distance of λ_min's estimate"));
        }
        q.add(new Quantity("lambdaMinLowerBound", "s² σ_N(F_{L-1})²", lb, "seed 001 (3)", Tag.DERIVED,
                "rigorous: K ⪰ J_L J_Lᵀ = I ⊗ s²F_{L-1}F_{L-1}ᵀ (0 when n_{L-1} < N); " + lower.method()));
        q.add(new Quantity("condition", "λ_max/λ_min", sp.condition(), "", Tag.EXTENSION, ""));
        q.add(new Quantity("etaAuto", "1/λ_max", 1 / (c * sp.max()), "", Tag.EXTENSION,
                "the step eta=auto uses (for the run's loss reduction)"));
        q.add(new Quantity("products", "products with K", sp.products(), "", Tag.EXTENSION, sp.method()));
        if (ctx.stepSize().isPresent()) {
            double eta = ctx.stepSize().getAsDouble() * c;
            q.add(new Quantity("etaLambdaMax", "η λ_max", eta * sp.max(), "", Tag.EXTENSION,
                    "< 2 is needed for GD on the linearised model to be stable"));
            double rho = 1 - eta * sp.min();
            q.add(new Quantity("linearizedRate", "(1 − η λ_min)²", rho * rho, "", Tag.EXTENSION,
                    "[heuristic] per-step loss contraction of GD on the linearised (lazy) model with K frozen at "
                            + "θ0, valid for η λ_max <= 1; no guarantee"));
        }
        List<Note> notes = new ArrayList<>();
        notes.add(new Note("method", sp.method(), Tag.EXTENSION));
        notes.add(new Note("scheme", "a diagnostic: CONDITIONAL by convention, never CERTIFIED; compare λ_min with "
                + "the certified PL constants of the other checkers (α_0 of nguyen_mondelli, α_0²/4 of nguyen_relu) "
                + "and 1/λ_max with their η_max", Tag.DERIVED));
        if (b.precision() == Precision.FLOAT) {
            notes.add(new Note("float32", "computed with the run's float32 backend: about 7 significant digits",
                    Tag.DERIVED));
        }
        if (!sp.explicit() && sp.min() > 0 && sp.minResidual() > 0.1 * sp.min()) {
            notes.add(new Note("λ_min", String.format(Locale.ROOT, "the λ_min estimate is not converged after %d "
                    + "products (residual %.2g vs value %.2g); the rigorous lower bound is %.4g", sp.products(),
                    sp.minResidual(), sp.min(), lb), Tag.EXTENSION));
        }
        return Diagnostics.report(NAME, WHAT, q, notes);
    }

    @Override
    public Optional<Monitor> monitor(CertificateReport report, CertificateContext ctx) {
        if (report.quantity("lambdaMin").isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NtkMonitor(report, ctx, explicitMax, iterations, tolerance, every));
    }
}
