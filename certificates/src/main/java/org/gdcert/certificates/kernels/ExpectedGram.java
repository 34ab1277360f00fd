package org.gdcert.certificates.kernels;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.ParamType;

/**
 * The expected first-layer Gram matrix G_* = E_w[σ(Xw)σ(Xw)ᵀ], w ~ N(0, v_w I_d), of seed 000
 * eq. (13) (and of seed 001 after (21) for ReLU), and its smallest eigenvalue λ_*.
 *
 * <p>Entry (i, j) is E[σ(u)σ(v)] with (u, v) ~ N(0, [[q_i, c_ij], [c_ij, q_j]]), q_i = v_w‖x_i‖²,
 * c_ij = v_w⟨x_i, x_j⟩. Evaluated, in this order of preference: by the activation's own
 * {@link Activation#gaussianPairExpectation} when it provides one; by the closed forms of spec §3.1
 * when σ is recognised as seed 000's activation (2) (by name and (γ, β), confirmed on test points),
 * ReLU, leaky ReLU or the identity (recognised from values); otherwise by 2-D Gauss–Hermite
 * quadrature with n and 2n nodes, whose difference is reported as the error estimate (spec §3.3).
 */
public final class ExpectedGram {
    /** Default number of Gauss–Hermite nodes per dimension (the 2n-node rule is used for the value). */
    public static final int DEFAULT_NODES = 40;
    /** Largest number of σ evaluations the quadrature may spend on one matrix. */
    public static final double MAX_QUADRATURE_WORK = 4e9;
    private static final double[] PROBES = {-2.1, -0.7, -0.13, 0.04, 0.3, 1.1, 2.6};
    private static final double MATCH = 1e-10;

    private ExpectedGram() {
    }

    /** E[σ(u)σ(v)] for a pair with variances qa, qb and covariance c. */
    @FunctionalInterface
    public interface PairFunction {
        double apply(double qa, double qb, double c);
    }

    /** How the entries are evaluated. */
    public record Kernel(PairFunction function, boolean closedForm, String description) {
    }

    /**
     * λ_* and how it was obtained.
     *
     * @param value λ_min(G_*)
     * @param method the kernel and the eigenvalue method
     * @param closedForm whether the entries are exact (closed form) or quadrature
     * @param errorEstimate for quadrature, ‖G_n − G_2n‖_2 (‖·‖_F above {@link Spectral#FULL_EIGEN_MAX}): a
     *     bound on |λ_min(G_n) − λ_min(G_2n)| by Weyl, used as the estimate of the error of the
     *     2n-node value; 0 for closed forms
     * @param meanDiagonal tr(G_*)/N (= E[σ(g)²] for data on the sphere of radius √d with v_w = 1/d)
     */
    public record Result(double value, String method, boolean closedForm, double errorEstimate, double meanDiagonal) {
    }

    /** The closed form for σ when one is known, else empty. */
    public static java.util.Optional<Kernel> closedForm(Configured<Activation> act) {
        Activation s = act.instance();
        OptionalDouble own = s.gaussianPairExpectation(1, 1, 0.3);
        if (own.isPresent()) {
            return java.util.Optional.of(new Kernel((a, b, c) -> s.gaussianPairExpectation(a, b, c).orElseThrow(), true,
                    "the activation's own closed form of E[σ(u)σ(v)]"));
        }
        double[] gb = smoothReluParameters(act);
        if (gb != null && matches(s, x -> PairKernels.smoothReluValue(x, gb[0], gb[1]))) {
            double g = gb[0];
            double b = gb[1];
            return java.util.Optional.of(new Kernel((qa, qb, c) -> PairKernels.smoothRelu(qa, qb, c, g, b), true,
                    String.format(Locale.ROOT, "closed form for activation (2) with γ=%s, β=%s via the arc-cosine "
                            + "kernel K1 (spec §3.1, derived)", num(g), num(b))));
        }
        if (matches(s, x -> Math.max(0, x))) {
            return java.util.Optional.of(new Kernel(PairKernels::relu, true,
                    "closed form for ReLU: K1, the degree-1 arc-cosine kernel / 2 (spec §3.1)"));
        }
        if (matches(s, x -> x)) {
            return java.util.Optional.of(new Kernel((qa, qb, c) -> c, true, "linear σ: G_* = v_w X Xᵀ"));
        }
        double gamma = -s.value(-1);
        if (gamma > 0 && gamma < 1 && matches(s, x -> Math.max(gamma * x, x))) {
            return java.util.Optional.of(new Kernel((qa, qb, c) -> PairKernels.leaky(qa, qb, c, gamma), true,
                    "closed form for leaky ReLU with slope " + num(gamma) + ": γc + (1−γ)²K1 (spec §3.1)"));
        }
        return java.util.Optional.empty();
    }

    /** (γ, β) of seed 000's activation when {@code act} is declared as one (smoothrelu), else null. */
    public static double[] smoothReluParameters(Configured<Activation> act) {
        String n = act.name();
        if (!n.equals("smoothrelu") && !n.equals("smoothed_leaky_relu") && !n.equals("smooth_relu")) {
            return null;
        }
        var schema = act.params().schema();
        boolean hasGb = schema.find("gamma").filter(p -> p.type() == ParamType.REAL).isPresent()
                && schema.find("beta").filter(p -> p.type() == ParamType.REAL).isPresent();
        if (hasGb) {
            return new double[] {act.params().getDouble("gamma"), act.params().getDouble("beta")};
        }
        var p = act.instance().properties();
        return new double[] {p.derivativeMin(), p.derivativeLipschitz()};
    }

    private static boolean matches(Activation s, java.util.function.DoubleUnaryOperator f) {
        for (double x : PROBES) {
            double want = f.applyAsDouble(x);
            double got = s.value(x);
            if (!(Math.abs(got - want) <= MATCH * Math.max(1, Math.abs(want)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * λ_* = λ_min(G_*) for inputs X and w ~ N(0, v_w I). X Xᵀ is formed with {@code backend}'s GEMM.
     * Returns empty when σ has no closed form and the quadrature would exceed
     * {@link #MAX_QUADRATURE_WORK} evaluations of σ.
     */
    public static java.util.Optional<Result> lambdaStar(Backend backend, HostMatrix x, Configured<Activation> act,
            double varianceW, int nodes) {
        int n = x.rows();
        HostMatrix p = Grams.gram(backend, x, true);
        p.scaleInPlace(varianceW);
        java.util.Optional<Kernel> cf = closedForm(act);
        if (cf.isPresent()) {
            HostMatrix g = build(p, cf.get().function());
            Spectral.Value v = Spectral.lambdaMin(backend, g);
            return java.util.Optional.of(new Result(v.value(), cf.get().description() + "; λ_min by " + v.method(),
                    true, 0, meanDiagonal(g)));
        }
        double work = 0.5 * n * (n + 1.0) * 5.0 * nodes * nodes;
        if (work > MAX_QUADRATURE_WORK) {
            return java.util.Optional.empty();
        }
        Activation s = act.instance();
        GaussHermite coarse = GaussHermite.of(nodes);
        GaussHermite fine = GaussHermite.of(2 * nodes);
        HostMatrix g1 = build(p, (qa, qb, c) -> coarse.pair(s::value, qa, qb, c));
        HostMatrix g2 = build(p, (qa, qb, c) -> fine.pair(s::value, qa, qb, c));
        HostMatrix diff = new HostMatrix(n, n);
        for (int i = 0; i < diff.data().length; i++) {
            diff.data()[i] = g1.data()[i] - g2.data()[i];
        }
        double err;
        String errKind;
        if (n <= Spectral.FULL_EIGEN_MAX) {
            double[] ev = Spectral.eigenvalues(diff);
            err = Math.max(Math.abs(ev[0]), Math.abs(ev[n - 1]));
            errKind = "‖G_n − G_2n‖_2";
        } else {
            err = diff.frobeniusNorm();
            errKind = "‖G_n − G_2n‖_F";
        }
        Spectral.Value v = Spectral.lambdaMin(backend, g2);
        return java.util.Optional.of(new Result(v.value(), String.format(Locale.ROOT,
                "2-D Gauss-Hermite quadrature with %d x %d nodes (error estimate %s against %d x %d nodes, a "
                        + "bound on the change of λ_min by Weyl; spec §3.3); λ_min by %s", 2 * nodes, 2 * nodes, errKind,
                nodes, nodes, v.method()), false, err,
                meanDiagonal(g2)));
    }

    /**
     * λ_min of the infinite-width conjugate kernel of a deep ReLU network under LeCun init (spec §3.2,
     * [derived], not in seed 001): K⁽⁰⁾ = XXᵀ/n_0, K⁽ˡ⁾_ij = K1(K_ii, K_jj, K_ij), for l = 1..layers.
     * Under LeCun init σ_N(F_{L−1})²/n_{L−1} ≈ λ_min(K⁽ᴸ⁻¹⁾) at large widths.
     */
    public static Spectral.Value deepReluKernel(Backend backend, HostMatrix x, int layers) {
        HostMatrix k = Grams.gram(backend, x, true);
        k.scaleInPlace(1.0 / x.cols());
        for (int l = 1; l <= layers; l++) {
            k = build(k, PairKernels::k1);
        }
        return Spectral.lambdaMin(backend, k);
    }

    /** G_ij = f(P_ii, P_jj, P_ij), computed on the upper triangle in parallel. */
    public static HostMatrix build(HostMatrix p, PairFunction f) {
        int n = p.rows();
        double[] pd = p.data();
        HostMatrix g = new HostMatrix(n, n);
        double[] gd = g.data();
        IntStream.range(0, n).parallel().forEach(i -> {
            double qi = pd[i * n + i];
            for (int j = i; j < n; j++) {
                double v = f.apply(qi, pd[j * n + j], pd[i * n + j]);
                gd[i * n + j] = v;
                gd[j * n + i] = v;
            }
        });
        return g;
    }

    private static double meanDiagonal(HostMatrix g) {
        double s = 0;
        for (int i = 0; i < g.rows(); i++) {
            s += g.get(i, i);
        }
        return s / g.rows();
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
