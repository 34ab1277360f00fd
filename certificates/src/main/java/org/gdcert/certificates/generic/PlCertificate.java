package org.gdcert.certificates.generic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Note;
import org.gdcert.core.cert.Quantity;
import org.gdcert.core.cert.Tag;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Certificate;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.spi.Monitor;

/**
 * The measured local Polyak–Łojasiewicz ratio μ = ‖∇Φ‖²/(2Φ) at θ0 (and, through the monitor,
 * along the trajectory), per layer, and the per-step contraction 1 − ημ it implies for GD where the
 * descent lemma Φ_{k+1} ≤ Φ_k − (η/2)‖∇Φ_k‖² holds — the reading the seeds' proofs make with
 * their certified PL constants (α_0 of seed 000 is a lower bound of ‖∇_{W_2}Φ‖²/(2Φ)). A diagnostic
 * (see {@link Diagnostics}).
 */
public final class PlCertificate implements Certificate {
    static final String NAME = "pl";
    static final String WHAT = "measured local PL ratio ‖∇Φ‖²/(2Φ) (diagnostic)";

    @Override
    public CertificateReport assess(CertificateContext ctx) {
        return Diagnostics.guarded(NAME, WHAT, () -> evaluate(ctx));
    }

    private CertificateReport evaluate(CertificateContext ctx) {
        Network net = ctx.network();
        Backend b = net.backend();
        int depth = ctx.spec().depth();
        double phi;
        double total;
        double[] layer = new double[depth + 1];
        try (Matrix x = b.upload(ctx.inputs()); Matrix y = b.upload(ctx.targets());
                ForwardPass fp = net.newForwardPass(ctx.samples()); ParameterSet g = net.parameters().zerosLike()) {
            net.forward(x, fp);
            phi = net.loss(fp, y);
            net.gradient(fp, g);
            total = g.normSquared();
            for (int l = 1; l <= depth; l++) {
                layer[l] = ctx.spec().layer(l).trainable() ? b.sumOfSquares(g.weight(l)) : 0;
            }
        }
        double mu = total / (2 * phi);
        double c = ctx.reduction().gradientMultiplier(ctx.samples(), ctx.spec().outputDim());
        List<Quantity> q = new ArrayList<>();
        q.add(new Quantity("phi0", "Φ(θ_0)", phi, "", Tag.PAPER, "½‖F_L − Y‖²"));
        q.add(new Quantity("plRatio", "‖∇Φ‖²/(2Φ)", mu, "", Tag.EXTENSION, "measured at θ0"));
        for (int l = 1; l <= depth; l++) {
            q.add(new Quantity("plRatioLayer" + l, "‖∇_{W_" + l + "}Φ‖²/(2Φ)", layer[l] / (2 * phi), "",
                    Tag.EXTENSION, "the share of layer " + l));
        }
        if (ctx.stepSize().isPresent()) {
            double eta = ctx.stepSize().getAsDouble() * c;
            q.add(new Quantity("impliedRate", "1 − ημ", 1 - eta * mu, "", Tag.EXTENSION, "[heuristic] the per-step "
                    + "contraction the measured ratio would give if the descent lemma held with this η and μ stayed "
                    + "at its θ0 value; no guarantee"));
        }
        List<Note> notes = List.of(new Note("scheme", "a diagnostic: CONDITIONAL by convention, never CERTIFIED",
                Tag.DERIVED), new Note("certified rates", "the certified rates are in the other checkers' reports "
                        + "(a checker's context does not carry the others' reports): nguyen_mondelli's α_0 is a "
                        + "certified lower bound of ‖∇_{W_2}Φ‖²/(2Φ) along its trajectory, nguyen_relu's α_0²/4 of "
                        + "‖∇_{W_L}Φ‖²/(2Φ); compare them with plRatioLayer2 and plRatioLayerL", Tag.DERIVED));
        return Diagnostics.report(NAME, WHAT, q, notes);
    }

    @Override
    public Optional<Monitor> monitor(CertificateReport report, CertificateContext ctx) {
        if (report.quantity("plRatio").isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PlMonitor(ctx));
    }
}
