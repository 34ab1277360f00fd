package org.gdcert.core.spectral;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.gdcert.core.backend.Parallel;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.linalg.Vectors;
import org.gdcert.core.spectral.SpectralOptions.Route;
import org.gdcert.core.spectral.SpectralResult.Bound;
import org.gdcert.core.spectral.SpectralResult.Method;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;

/**
 * Extreme singular values and eigenvalues, each returned as a {@link SpectralResult} that says
 * how it was obtained and encloses the exact value in an interval. Configured by
 * {@link SpectralOptions}; holds a thread pool, so close it (or use try-with-resources).
 *
 * <p>Singular values come in three semantics (see the package documentation):
 * {@link #sigmaMin} = σ_{min(m,n)}, {@link #sigmaN} = σ_N of an N×n matrix (0 when n &lt; N),
 * {@link #sigmaMinOperator} = sqrt(λ_min(AᵀA)) (0 when rows &lt; cols).
 *
 * <p>Explicit matrices ({@link HostMatrix}) go through the route of the options; operators
 * ({@link LinearOperator}, {@link SymmetricOperator}) always through Lanczos on the operator, whose
 * bounds are {@link Bound#RESIDUAL} at best. Not thread-safe: one solver per thread.
 */
public final class SpectralSolver implements AutoCloseable {
    /** Lanczos steps of the rough λ_max estimate used for the condition number. */
    private static final int KAPPA_STEPS = 30;
    /** Attempts at a verifying Cholesky factorization before giving up. */
    private static final int VERIFY_ATTEMPTS = 3;
    /** Memory cap of a Lanczos basis, in doubles (512 MiB). */
    private static final long BASIS_CAP = 1L << 26;

    private final SpectralOptions options;
    private final Parallel par;

    public SpectralSolver(SpectralOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.par = new Parallel(options.threads());
    }

    /** A solver with {@link SpectralOptions#defaults()}. */
    public static SpectralSolver withDefaults() {
        return new SpectralSolver(SpectralOptions.defaults());
    }

    public SpectralOptions options() {
        return options;
    }

    @Override
    public void close() {
        par.close();
    }

    /** The smallest and largest singular value of one matrix, sharing one Gram matrix. */
    public record Extremes(SpectralResult min, SpectralResult max) {
        public Extremes {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
        }

        /** A safe upper bound of the condition number σ_max/σ_min (+∞ if σ_min may be 0). */
        public double conditionUpperBound() {
            return min.lower() > 0 ? max.upper() / min.lower() : Double.POSITIVE_INFINITY;
        }
    }

    // ---------------------------------------------------------------- explicit singular values

    /** σ_{min(m,n)}(A), the usual smallest singular value of an m×n matrix. */
    public SpectralResult sigmaMin(HostMatrix a) {
        check(a, "sigma_min");
        return singular(a, true, false, "sigma_min").min;
    }

    /**
     * σ_N(F) for F ∈ R^{N×n}: the N-th largest singular value, 0 when n &lt; N
     * (certificates-nguyen.md §0.4: λ_F = σ_N(F_1), α_0). Equals sqrt(λ_min(F Fᵀ)).
     */
    public SpectralResult sigmaN(HostMatrix f) {
        check(f, "sigma_N");
        if (f.cols() < f.rows()) {
            return structuralZero("sigma_N", f.rows(), f.cols(), true);
        }
        return singular(f, true, false, "sigma_N").min;
    }

    /**
     * σ_min(A) of A ∈ R^{p×q} as an operator on R^q: sqrt(λ_min(AᵀA)), 0 whenever p &lt; q
     * (certificates-song.md §1.3: μ = σ_min(φ(W0X)) is 0 if d1 &lt; n). Equals sigmaN(Aᵀ).
     */
    public SpectralResult sigmaMinOperator(HostMatrix a) {
        check(a, "sigma_min_operator");
        if (a.rows() < a.cols()) {
            return structuralZero("sigma_min_operator", a.rows(), a.cols(), false);
        }
        return singular(a, true, false, "sigma_min_operator").min;
    }

    /**
     * σ_max(A) = ‖A‖₂. With {@code verify}, {@code upper()} is a proven upper bound (this needs the
     * Gram matrix); without, the AUTO route runs Lanczos on A(Aᵀx) and forms no Gram matrix.
     */
    public SpectralResult sigmaMax(HostMatrix a) {
        check(a, "sigma_max");
        return singular(a, false, true, "sigma_min").max;
    }

    /** σ_min(A) (= σ_{min(m,n)}) and σ_max(A) from one Gram matrix. */
    public Extremes singularExtremes(HostMatrix a) {
        check(a, "singular extremes");
        Pair r = singular(a, true, true, "sigma_min");
        return new Extremes(r.min, r.max);
    }

    // ---------------------------------------------------------------- explicit eigenvalues

    /**
     * λ_min of the symmetric matrix {@code s} (meant for positive semi-definite ones; an
     * indefinite matrix gets its negative λ_min). Entries may be asymmetric by rounding (≤ 1e-12
     * relative); the symmetric part is used and the difference is added to the bounds.
     */
    public SpectralResult lambdaMin(HostMatrix s) {
        return lambda(s, false);
    }

    /** λ_max of the symmetric matrix {@code s}; with {@code verify}, {@code upper()} is proven. */
    public SpectralResult lambdaMax(HostMatrix s) {
        return lambda(s, true);
    }

    // ---------------------------------------------------------------- operators

    /** σ_{min(m,n)} of a matrix-free operator, by Lanczos on its smaller Gram operator. */
    public SpectralResult sigmaMin(LinearOperator a) {
        checkOperator(a);
        SymmetricOperator k = a.rows() <= a.cols() ? a.gramOfRows() : a.gramOfColumns();
        return toSigma(operatorLambda(k, false, true, "sigma_min"), false);
    }

    /** σ_N of an N×n operator (0 when n &lt; N), by Lanczos on A Aᵀ. See {@link #sigmaN(HostMatrix)}. */
    public SpectralResult sigmaN(LinearOperator f) {
        checkOperator(f);
        if (f.cols() < f.rows()) {
            return structuralZero("sigma_N", f.rows(), f.cols(), true);
        }
        return toSigma(operatorLambda(f.gramOfRows(), false, true, "sigma_N"), false);
    }

    /** sqrt(λ_min(AᵀA)), 0 when rows &lt; cols, by Lanczos on AᵀA. See {@link #sigmaMinOperator(HostMatrix)}. */
    public SpectralResult sigmaMinOperator(LinearOperator a) {
        checkOperator(a);
        if (a.rows() < a.cols()) {
            return structuralZero("sigma_min_operator", a.rows(), a.cols(), false);
        }
        return toSigma(operatorLambda(a.gramOfColumns(), false, true, "sigma_min_operator"), false);
    }

    /** σ_max of a matrix-free operator, by Lanczos on its smaller Gram operator. */
    public SpectralResult sigmaMax(LinearOperator a) {
        checkOperator(a);
        SymmetricOperator k = a.rows() <= a.cols() ? a.gramOfRows() : a.gramOfColumns();
        return toSigma(operatorLambda(k, true, true, "sigma_max"), false);
    }

    /** λ_min of a symmetric operator (no sign assumed), by Lanczos. */
    public SpectralResult lambdaMin(SymmetricOperator s) {
        checkOperator(s);
        return operatorLambda(s, false, false, "lambda_min");
    }

    /** λ_max of a symmetric operator, by Lanczos. For K = J Jᵀ pass {@code J.gramOfRows()}. */
    public SpectralResult lambdaMax(SymmetricOperator s) {
        checkOperator(s);
        return operatorLambda(s, true, false, "lambda_max");
    }

    // ================================================================= implementation

    private static void check(HostMatrix a, String where) {
        Objects.requireNonNull(a, where);
        Checks.requireNonEmpty(a.rows(), a.cols(), where);
        Checks.requireFinite(a, where);
    }

    private static void checkOperator(LinearOperator a) {
        Objects.requireNonNull(a, "operator");
        Checks.requireNonEmpty(a.rows(), a.cols(), "operator");
    }

    private static void checkOperator(SymmetricOperator s) {
        Objects.requireNonNull(s, "operator");
        Checks.requireNonEmpty(s.dimension(), s.dimension(), "operator");
    }

    private static SpectralResult structuralZero(String q, int rows, int cols, boolean rowSemantics) {
        String why = rowSemantics
                ? String.format(Locale.ROOT, "F is %dx%d with n = %d < N = %d columns: rank(F) < N, so sigma_N(F) = 0"
                        + " (certificates-nguyen.md §0.4)", rows, cols, cols, rows)
                : String.format(Locale.ROOT, "A is %dx%d with fewer rows than columns: AᵀA (%dx%d) is singular, so"
                        + " sigma_min(A) on R^%d is 0 (certificates-song.md §1.3)", rows, cols, cols, cols, cols);
        return SpectralResult.exact(q, 0, Method.STRUCTURAL_ZERO, List.of(why));
    }

    private static boolean allZero(double[] d) {
        for (double v : d) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    private int basisSteps(int dim) {
        long cap = Math.max(2, BASIS_CAP / Math.max(1, dim));
        return (int) Math.min(options.maxIterations(), cap);
    }

    // ---------------------------------------------------------------- singular values of HostMatrix

    /** The requested sides; a side not requested may be null. */
    private record Pair(SpectralResult min, SpectralResult max) {
    }

    private Pair singular(HostMatrix a, boolean wantMin, boolean wantMax, String minName) {
        int m = a.rows();
        int n = a.cols();
        int p = Math.min(m, n);
        if (allZero(a.data())) {
            List<String> note = List.of("every entry of the " + m + "x" + n + " matrix is zero");
            return new Pair(SpectralResult.exact(minName, 0, Method.ZERO_MATRIX, note),
                    SpectralResult.exact("sigma_max", 0, Method.ZERO_MATRIX, note));
        }
        Route route = options.route();
        if (route == Route.DENSE) {
            return denseSingular(a, minName, List.of());
        }
        if (route == Route.OPERATOR || (route == Route.AUTO && !wantMin && !options.verify())) {
            // without verification σ_max needs no Gram: Lanczos on A(Aᵀx) costs ~2·k·m·n, not p²·max(m,n)
            LinearOperator op = explicitOperator(a);
            SymmetricOperator k = m <= n ? op.gramOfRows() : op.gramOfColumns();
            SpectralResult lo = wantMin ? toSigma(operatorLambda(k, false, true, minName), false) : null;
            SpectralResult hi = wantMax ? operatorSigmaMax(a) : null;
            return new Pair(lo, hi);
        }
        if (route == Route.QR) {
            return new Pair(wantMin ? qrSigmaMin(a, minName, List.of()) : null, wantMax ? operatorSigmaMax(a) : null);
        }
        long need = 8L * (3L * p * p + (long) m * n);
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if ((long) p * p > Integer.MAX_VALUE - 8 || need > available) {
            String why = String.format(Locale.ROOT, "the %dx%d Gram route needs about %d MiB, %d MiB are available",
                    p, p, need >> 20, available >> 20);
            if (route == Route.GRAM) {
                throw new IllegalArgumentException("spectral " + minName + ": " + why + "; use Route.OPERATOR");
            }
            LinearOperator op = explicitOperator(a);
            SymmetricOperator k = m <= n ? op.gramOfRows() : op.gramOfColumns();
            SpectralResult lo = wantMin
                    ? toSigma(operatorLambda(k, false, true, minName), false).withNote(why + "; matrix-free Lanczos")
                    : null;
            SpectralResult hi = wantMax ? operatorSigmaMax(a).withNote(why + "; matrix-free Lanczos") : null;
            return new Pair(lo, hi);
        }
        Gram g = gram(a);
        SpectralResult lmin = null;
        boolean singular = false;
        if (wantMin) {
            LambdaOutcome o = explicitLambdaMin(g.g, p, g.formationError, true, minName);
            lmin = o.result;
            singular = o.choleskyFailed;
        }
        SpectralResult lmax = wantMax ? explicitLambdaMax(g.g, p, g.formationError, true, "sigma_max") : null;
        SpectralResult smax = lmax == null ? null : toSigma(lmax.withNote(g.how), false);
        if (wantMin && route == Route.AUTO) {
            double top = lmax != null ? lmax.value() : roughLambdaMax(g.g, p);
            double kappa = singular || lmin.value() <= 0 ? Double.POSITIVE_INFINITY : Math.sqrt(top / lmin.value());
            if (kappa > options.maxGramCondition()) {
                String why = singular
                        ? "the Gram matrix is singular to working precision"
                        : String.format(Locale.ROOT, "kappa ~ %.3g > %.3g (Gram-route relative error ~ eps*kappa^2"
                                + " = %.2g)", kappa, options.maxGramCondition(), Rounding.EPS * kappa * kappa);
                SpectralResult gramMin = toSigma(lmin, singular);
                String gramNote = String.format(Locale.ROOT, "%s; recomputed by the QR route (the Gram route"
                        + " gave %.6g in [%.6g, %.6g], %s)", why, gramMin.value(), gramMin.lower(), gramMin.upper(),
                        gramMin.bound().name().toLowerCase(Locale.ROOT));
                return new Pair(qrSigmaMin(a, minName, List.of(gramNote)), smax);
            }
        }
        SpectralResult smin = lmin == null ? null : toSigma(lmin.withNote(g.how), singular);
        return new Pair(smin, smax);
    }

    /** σ_max by Lanczos on the smaller Gram operator of A (no Gram matrix formed). */
    private SpectralResult operatorSigmaMax(HostMatrix a) {
        LinearOperator op = explicitOperator(a);
        SymmetricOperator k = a.rows() <= a.cols() ? op.gramOfRows() : op.gramOfColumns();
        return toSigma(operatorLambda(k, true, true, "sigma_max"), false);
    }

    /**
     * σ_min by the QR route: LQ of the wide orientation B (p×q, p ≤ q) of A, inverse Lanczos with
     * L for a left singular vector y, then σ = ‖Bᵀy‖ (an upper bound of σ_min(B) by the min-max
     * principle) and the residual of the pair (y, Bᵀy/σ) of the augmented matrix [0 B; Bᵀ 0].
     */
    private SpectralResult qrSigmaMin(HostMatrix a, String q, List<String> notes0) {
        int m = a.rows();
        int n = a.cols();
        boolean wide = m <= n;
        int p = wide ? m : n;
        int qd = wide ? n : m;
        List<String> notes = new ArrayList<>(notes0);
        double[] b = wide ? a.data().clone() : Kernels.transpose(a.data(), m, n);
        HouseholderLq lq = HouseholderLq.factor(b, p, qd, par);
        double[] l = lq.l;
        double normB = Rounding.up(frobenius(a.data()) * (1 + Rounding.gamma((long) m * n)));
        // a zero pivot makes L singular; lift it to rounding size: only the search vector changes,
        // σ and its bounds are evaluated on A itself
        double tiny = Rounding.U * normB;
        int lifted = 0;
        for (int i = 0; i < p; i++) {
            double d = l[i * p + i];
            if (Math.abs(d) < tiny) {
                l[i * p + i] = d < 0 ? -tiny : tiny;
                lifted++;
            }
        }
        if (lifted > 0) {
            notes.add(lifted + " pivot(s) of L below u*||A||_F: the matrix is rank-deficient to working precision");
        }
        SymmetricOperator inverse = new SymmetricOperator() {
            @Override
            public int dimension() {
                return p;
            }

            @Override
            public void apply(double[] x, double[] y) {
                System.arraycopy(x, 0, y, 0, p);
                Kernels.solveLowerThenTranspose(l, p, y);
            }
        };
        Lanczos.Run run = Lanczos.run(inverse, true, basisSteps(p), options.tolerance(), options.seed());
        LinearOperator bop = wide ? explicitOperator(a) : explicitOperator(a).transpose();
        double[] y = run.vector();
        double ny = Kernels.norm(y);
        for (int i = 0; i < p; i++) {
            y[i] /= ny;
        }
        double[] bty = new double[qd];
        bop.applyTranspose(y, bty);
        double sigma = Kernels.norm(bty);
        // rounding of the products and norms: at most γ_{max(p,q)+2} ‖B‖_F each (unit vectors)
        double margin = Rounding.up(2 * Rounding.gamma(Math.max(p, qd) + 2L) * normB);
        double lo;
        double res;
        if (sigma == 0) {
            res = 0;
            lo = 0;
        } else {
            // the right singular vector x = Qᵀ L⁻¹ y (forward substitution damps y's error along the
            // large singular directions; Bᵀy/σ or Bᵀ(L Lᵀ)⁻¹y would amplify it by κ or κ²)
            double[] w = y.clone();
            for (int i = 0; i < p; i++) {
                int r = i * p;
                w[i] = (w[i] - Vectors.dot(l, r, w, 0, i)) / l[r + i];
            }
            double[] x = lq.applyQTranspose(w);
            double nx = Kernels.norm(x);
            for (int j = 0; j < qd; j++) {
                x[j] /= nx;
            }
            double[] bx = new double[p];
            bop.apply(x, bx);
            double[] r1 = new double[p];
            for (int i = 0; i < p; i++) {
                r1[i] = bx[i] - sigma * y[i];
            }
            double[] r2 = new double[qd];
            for (int j = 0; j < qd; j++) {
                r2[j] = bty[j] - sigma * x[j];
            }
            // [0 B; Bᵀ 0] (y; x) − σ (y; x) = (r1; r2) and ‖(y; x)‖ = √2
            res = Rounding.up(TridiagonalEigen.hypot(Kernels.norm(r1), Kernels.norm(r2)) / Math.sqrt(2));
            lo = Math.max(0, Rounding.down(sigma - res - 2 * margin));
        }
        double hi = Rounding.up(sigma + margin);
        if (!run.converged()) {
            notes.add(String.format(Locale.ROOT, "inverse Lanczos stopped after %d steps without meeting the"
                    + " tolerance (estimate %.3g)", run.steps(), run.estimate()));
        }
        notes.add(String.format(Locale.ROOT, "Householder LQ of the %dx%d %s (%d threads); sigma = ||Bᵀy|| with"
                + " residual %.3g of the singular pair", p, qd, wide ? "matrix" : "transpose", par.threads(), res));
        return new SpectralResult(q, sigma, lo, hi, Method.QR_INVERSE_LANCZOS, Bound.RESIDUAL, res, run.steps() + 2,
                run.converged(), notes);
    }

    private Pair denseSingular(HostMatrix a, String minName, List<String> notes) {
        int m = a.rows();
        int n = a.cols();
        double[] s = Dense.singularValues(a.data(), m, n);
        double smax = s[0];
        double smin = s[s.length - 1];
        double err = Rounding.up(4.0 * Math.max(m, n) * Rounding.EPS * smax);
        List<String> ns = new ArrayList<>(notes);
        ns.add(String.format(Locale.ROOT, "dense SVD of the %dx%d matrix (EJML); backward-error bound"
                + " 4*max(m,n)*eps*sigma_max = %.3g", m, n, err));
        SpectralResult lo = new SpectralResult(minName, smin, Math.max(0, Rounding.down(smin - err)),
                Rounding.up(smin + err), Method.DENSE_SVD, Bound.BACKWARD_STABLE, Double.NaN, 0, true, ns);
        SpectralResult hi = new SpectralResult("sigma_max", smax, Math.max(0, Rounding.down(smax - err)),
                Rounding.up(smax + err), Method.DENSE_SVD, Bound.BACKWARD_STABLE, Double.NaN, 0, true, ns);
        return new Pair(lo, hi);
    }

    /** An eigenvalue result of a Gram matrix turned into a singular value result (square roots). */
    private static SpectralResult toSigma(SpectralResult l, boolean reportZero) {
        String q = l.quantity();
        if (l.bound() == Bound.EXACT) {
            return SpectralResult.exact(q, Math.sqrt(Math.max(0, l.value())), l.method(), l.notes());
        }
        double lo = l.lower() > 0 ? Math.max(0, Rounding.down(Math.sqrt(l.lower()))) : 0;
        double hi = Rounding.up(Math.sqrt(Math.max(0, l.upper())));
        double v = reportZero ? 0 : Math.sqrt(Math.max(0, l.value()));
        v = Math.min(Math.max(v, lo), hi);
        List<String> notes = new ArrayList<>(l.notes());
        if (reportZero) {
            notes.add(String.format(Locale.ROOT, "reported as 0: the Gram matrix is singular to working precision;"
                    + " the exact value is at most %.3g", hi));
        }
        return new SpectralResult(q, v, lo, hi, l.method(), l.bound(), l.residual(), l.iterations(), l.converged(),
                notes);
    }

    // ---------------------------------------------------------------- Gram matrices

    private record Gram(double[] g, double formationError, String how) {
    }

    /** The p×p Gram of the smaller side with a bound on ‖Ĝ − G‖₂ from rounding. */
    private Gram gram(HostMatrix a) {
        int m = a.rows();
        int n = a.cols();
        boolean wide = m <= n;
        int p = wide ? m : n;
        int q = wide ? n : m;
        double[] g;
        String how;
        Backend b = options.backend();
        String shape = wide ? "A Aᵀ" : "AᵀA";
        if (b != null) {
            try (Matrix am = b.upload(a); Matrix gm = b.zeros(p, p)) {
                b.gemm(!wide, wide, 1, am, am, 0, gm);
                g = b.download(gm).data();
            }
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < i; j++) {
                    g[j * p + i] = g[i * p + j];
                }
            }
            how = String.format(Locale.ROOT, "Gram %s (%dx%d) formed by backend %s", shape, p, p, b.describe());
        } else {
            double[] t = wide ? Kernels.transpose(a.data(), m, n) : a.data();
            g = new double[p * p];
            Kernels.syrkLower(t, 0, p, q, p, 1, g, 0, p, par);
            Kernels.mirrorLower(g, p);
            how = String.format(Locale.ROOT, "Gram %s (%dx%d) formed by the built-in kernel (%d threads)", shape, p,
                    p, par.threads());
        }
        double trace = 0;
        for (int i = 0; i < p; i++) {
            trace += g[i * p + i];
        }
        // |Ĝ − G| ≤ γ_q |A||A|ᵀ entrywise, so ‖Ĝ − G‖₂ ≤ γ_q ‖A‖_F² ≤ γ_q trace(Ĝ)/(1 − γ_q)
        double gq = Rounding.gamma(q);
        double err = Rounding.up(gq * trace / (1 - gq) * (1 + Rounding.gamma(p + 1L)));
        return new Gram(g, err, how);
    }

    // ---------------------------------------------------------------- explicit symmetric eigenvalues

    private SpectralResult lambda(HostMatrix s, boolean largest) {
        String q = largest ? "lambda_max" : "lambda_min";
        Objects.requireNonNull(s, q);
        Checks.requireSymmetric(s, q);
        int n = s.rows();
        if (allZero(s.data())) {
            return SpectralResult.exact(q, 0, Method.ZERO_MATRIX, List.of("every entry of the matrix is zero"));
        }
        if (options.route() == Route.OPERATOR) {
            return operatorLambda(SymmetricOperator.of(s), largest, false, q);
        }
        // the symmetric part (exactly symmetric), and how far it is from s
        double[] d = s.data();
        double[] sym = new double[n * n];
        double asym = 0;
        for (int i = 0; i < n; i++) {
            sym[i * n + i] = d[i * n + i];
            for (int j = 0; j < i; j++) {
                double a = d[i * n + j];
                double b = d[j * n + i];
                double h = 0.5 * (a + b);
                sym[i * n + j] = h;
                sym[j * n + i] = h;
                asym += 2 * (0.5 * (a - b)) * (0.5 * (a - b));
            }
        }
        // ‖S_sym − (S + Sᵀ)/2‖₂ ≤ u‖S_sym‖_F (one rounding per entry) plus the skew part ‖(S − Sᵀ)/2‖_F
        double formErr = asym == 0 ? 0 : Rounding.up(Math.sqrt(asym) * (1 + 1e-10) + Rounding.U * frobenius(sym));
        if (options.route() == Route.DENSE) {
            return directLambda(sym, n, formErr, largest, q);
        }
        return largest ? explicitLambdaMax(sym, n, formErr, false, q)
                : explicitLambdaMin(sym, n, formErr, false, q).result;
    }

    private SpectralResult directLambda(double[] s, int n, double formErr, boolean largest, String q) {
        double[] ev = Dense.symmetricEigenvalues(s, n);
        double theta = largest ? ev[n - 1] : ev[0];
        double normF = frobenius(s);
        double err = Rounding.up(n * Rounding.EPS * normF);
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "dense symmetric eigendecomposition (EJML); backward-error bound"
                + " n*eps*||S||_F = %.3g", err));
        double lo = Rounding.down(theta - err);
        double hi = Rounding.up(theta + err);
        Bound bound = Bound.BACKWARD_STABLE;
        if (options.verify()) {
            double trace = trace(s, n);
            double v = largest ? verifyUpper(s, n, theta, err, trace) : verifyLower(s, n, theta, err, trace);
            if (!Double.isNaN(v)) {
                if (largest) {
                    hi = v;
                } else {
                    lo = v;
                }
                notes.add("one side verified by a shifted Cholesky factorization");
            }
        }
        lo = Rounding.down(lo - formErr);
        hi = Rounding.up(hi + formErr);
        return new SpectralResult(q, theta, lo, hi, Method.DENSE_EIGEN, bound, Double.NaN, 0, true, notes);
    }

    private record LambdaOutcome(SpectralResult result, boolean choleskyFailed) {
    }

    /**
     * λ_min of the explicit symmetric matrix g (p×p, exactly symmetric) by Cholesky + inverse
     * Lanczos; formErr bounds ‖g − exact‖₂; psd: the exact matrix is known to be PSD (a Gram).
     */
    private LambdaOutcome explicitLambdaMin(double[] g, int p, double formErr, boolean psd, String q) {
        List<String> notes = new ArrayList<>();
        double normF = Rounding.up(frobenius(g) * (1 + Rounding.gamma((long) p * p)));
        double rq = Rounding.up(4 * Rounding.gamma(p + 2L) * normF);
        double trace = trace(g, p);
        int steps = 0;
        Cholesky ch = Cholesky.factor(g, p, 1, 0, par);
        boolean failed = !ch.succeeded();
        double tau = 0;
        if (failed) {
            notes.add(String.format(Locale.ROOT, "Cholesky of the %dx%d matrix failed at pivot %d (%.3g): singular"
                    + " or indefinite to working precision; shifted", p, p, ch.failedAt, ch.failedPivot));
            SymmetricOperator op = explicitOperator(g, p);
            Lanczos.Run low = Lanczos.run(op, false, Math.min(basisSteps(p), 60), 1e-6, options.seed());
            steps += low.steps();
            tau = Math.max(0, -(low.theta() - 2 * low.estimate())) + 64 * p * Rounding.EPS * normF;
            for (int attempt = 0; attempt < 12 && !ch.succeeded(); attempt++) {
                ch = Cholesky.factor(g, p, 1, -tau, par);
                if (!ch.succeeded()) {
                    tau *= 8;
                }
            }
            if (!ch.succeeded()) {
                throw new IllegalStateException("spectral " + q + ": no shift made the " + p + "x" + p
                        + " matrix positive definite (largest tried " + tau + ")");
            }
        }
        Cholesky fch = ch;
        SymmetricOperator inverse = new SymmetricOperator() {
            @Override
            public int dimension() {
                return p;
            }

            @Override
            public void apply(double[] x, double[] y) {
                System.arraycopy(x, 0, y, 0, p);
                fch.solveInPlace(y);
            }
        };
        Lanczos.Run run = Lanczos.run(inverse, true, basisSteps(p), options.tolerance(), options.seed());
        steps += run.steps();
        RitzCheck rc = ritzCheck(g, p, run.vector());
        double theta = rc.theta;
        double lo = Rounding.down(theta - rc.residual - 2 * rq);
        double hi = Rounding.up(theta + rq);
        Bound bound = Bound.RESIDUAL;
        if (!run.converged()) {
            notes.add(String.format(Locale.ROOT, "inverse Lanczos stopped after %d steps without meeting the"
                    + " tolerance (estimate %.3g)", run.steps(), run.estimate()));
        }
        if (options.verify()) {
            double v;
            if (psd && theta - rc.residual - 2 * rq - formErr <= 0) {
                v = Double.NaN; // the lower bound 0 of a PSD matrix is the best there is
                bound = Bound.VERIFIED;
            } else {
                v = verifyLower(g, p, theta, rc.residual + 2 * rq, trace);
                if (!Double.isNaN(v)) {
                    lo = v;
                    bound = Bound.VERIFIED;
                } else {
                    notes.add("verification failed: no shifted Cholesky factorization succeeded below the Ritz"
                            + " value; the bounds are residual bounds");
                }
            }
        }
        lo = Rounding.down(lo - formErr);
        hi = Rounding.up(hi + formErr);
        if (psd) {
            lo = Math.max(0, lo);
            theta = Math.max(0, theta);
        }
        double value = Math.min(Math.max(theta, lo), hi);
        SpectralResult r = new SpectralResult(q, value, lo, hi, Method.INVERSE_LANCZOS, bound, rc.residual, steps,
                run.converged(), notes);
        return new LambdaOutcome(r, failed);
    }

    /** λ_max of the explicit symmetric matrix g by Lanczos. */
    private SpectralResult explicitLambdaMax(double[] g, int p, double formErr, boolean psd, String q) {
        List<String> notes = new ArrayList<>();
        double normF = Rounding.up(frobenius(g) * (1 + Rounding.gamma((long) p * p)));
        double rq = Rounding.up(4 * Rounding.gamma(p + 2L) * normF);
        Lanczos.Run run = Lanczos.run(explicitOperator(g, p), true, basisSteps(p), options.tolerance(),
                options.seed());
        RitzCheck rc = ritzCheck(g, p, run.vector());
        double theta = rc.theta;
        double lo = Rounding.down(theta - rq);
        double hi = Rounding.up(theta + rc.residual + 2 * rq);
        Bound bound = Bound.RESIDUAL;
        if (!run.converged()) {
            notes.add(String.format(Locale.ROOT, "Lanczos stopped after %d steps without meeting the tolerance"
                    + " (estimate %.3g)", run.steps(), run.estimate()));
        }
        if (options.verify()) {
            double v = verifyUpper(g, p, theta, rc.residual + 2 * rq, trace(g, p));
            if (!Double.isNaN(v)) {
                hi = v;
                bound = Bound.VERIFIED;
            } else {
                notes.add("verification failed: no shifted Cholesky factorization succeeded above the Ritz value;"
                        + " the upper bound is a residual bound");
            }
        }
        lo = Rounding.down(lo - formErr);
        hi = Rounding.up(hi + formErr);
        if (psd) {
            lo = Math.max(0, lo);
            theta = Math.max(0, theta);
        }
        double value = Math.min(Math.max(theta, lo), hi);
        return new SpectralResult(q, value, lo, hi, Method.LANCZOS, bound, rc.residual, run.steps(), run.converged(),
                notes);
    }

    /** A few Lanczos steps for a rough λ_max (for the condition number estimate only). */
    private double roughLambdaMax(double[] g, int p) {
        return Lanczos.run(explicitOperator(g, p), true, Math.min(basisSteps(p), KAPPA_STEPS), 1e-4, options.seed())
                .theta();
    }

    /**
     * A proven lower bound of λ_min(g), or NaN: factors g − s·I for s a little below theta − err;
     * success proves λ_min(g) ≥ s − (rounding of the factorization).
     */
    private double verifyLower(double[] g, int p, double theta, double err, double trace) {
        double margin = 2 * Rounding.gamma(p + 1L) * Math.abs(trace - p * theta) + Rounding.U * Math.abs(theta);
        double s = theta - err - margin;
        for (int attempt = 0; attempt < VERIFY_ATTEMPTS; attempt++) {
            Cholesky c = Cholesky.factor(g, p, 1, s, par);
            if (c.succeeded()) {
                return Rounding.down(s + c.lambdaMinLowerBoundOfShifted());
            }
            s -= 4 * (theta - s) + Double.MIN_NORMAL;
        }
        return Double.NaN;
    }

    /** A proven upper bound of λ_max(g), or NaN: factors t·I − g for t a little above theta + err. */
    private double verifyUpper(double[] g, int p, double theta, double err, double trace) {
        double margin = 2 * Rounding.gamma(p + 1L) * Math.abs(p * theta - trace) + Rounding.U * Math.abs(theta);
        double t = theta + err + margin;
        for (int attempt = 0; attempt < VERIFY_ATTEMPTS; attempt++) {
            Cholesky c = Cholesky.factor(g, p, -1, -t, par);
            if (c.succeeded()) {
                return Rounding.up(t - c.lambdaMinLowerBoundOfShifted());
            }
            t += 4 * (t - theta) + Double.MIN_NORMAL;
        }
        return Double.NaN;
    }

    private record RitzCheck(double theta, double residual) {
    }

    /** The Rayleigh quotient of y on g and the residual norm ‖g y − θ y‖/‖y‖. */
    private RitzCheck ritzCheck(double[] g, int p, double[] y) {
        double[] gy = new double[p];
        Kernels.symv(g, p, y, gy, par);
        double yy = Vectors.dot(y, 0, y, 0, p);
        double theta = Vectors.dot(y, 0, gy, 0, p) / yy;
        double[] r = new double[p];
        for (int i = 0; i < p; i++) {
            r[i] = gy[i] - theta * y[i];
        }
        return new RitzCheck(theta, Rounding.up(Kernels.norm(r) / Math.sqrt(yy)));
    }

    /** A as an operator whose products use the solver's threads. */
    private LinearOperator explicitOperator(HostMatrix a) {
        return Kernels.operator(a, par);
    }

    private SymmetricOperator explicitOperator(double[] g, int p) {
        return Kernels.symmetricOperator(g, p, par);
    }

    // ---------------------------------------------------------------- operators

    /** Lanczos on a matrix-free symmetric operator; psd: known positive semi-definite (a Gram). */
    private SpectralResult operatorLambda(SymmetricOperator s, boolean largest, boolean psd, String q) {
        int n = s.dimension();
        Lanczos.Run run = Lanczos.run(s, largest, basisSteps(n), options.tolerance(), options.seed());
        double[] y = run.vector();
        double[] sy = new double[n];
        s.apply(y, sy);
        Lanczos.requireFinite(sy, "operator output");
        double yy = Vectors.dot(y, 0, y, 0, n);
        double theta = Vectors.dot(y, 0, sy, 0, n) / yy;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = sy[i] - theta * y[i];
        }
        double res = Rounding.up(Kernels.norm(r) / Math.sqrt(yy));
        // rounding inside the operator is unknown; allow for a generous dot-product error
        double scale = Math.max(Math.abs(run.ritz()[0]), Math.abs(run.ritz()[run.ritz().length - 1]));
        double margin = Rounding.up(16 * Rounding.gamma(n + 2L) * Math.max(scale, run.normEstimate()));
        double lo = largest ? theta - margin : theta - res - margin;
        double hi = largest ? theta + res + margin : theta + margin;
        lo = Rounding.down(lo);
        hi = Rounding.up(hi);
        if (psd) {
            lo = Math.max(0, lo);
            theta = Math.max(0, theta);
        }
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "Lanczos on a %dx%d operator; the interval is the Ritz residual bound"
                + " (rounding inside the operator estimated, not proven)", n, n));
        if (!run.converged()) {
            notes.add(String.format(Locale.ROOT, "Lanczos stopped after %d steps without meeting the tolerance"
                    + " (estimate %.3g)", run.steps(), run.estimate()));
        }
        double value = Math.min(Math.max(theta, lo), hi);
        return new SpectralResult(q, value, lo, hi, Method.OPERATOR_LANCZOS, Bound.RESIDUAL, res, run.steps() + 1,
                run.converged(), notes);
    }

    // ---------------------------------------------------------------- small helpers

    private static double frobenius(double[] a) {
        return Kernels.norm(a);
    }

    private static double trace(double[] g, int p) {
        double t = 0;
        for (int i = 0; i < p; i++) {
            t += g[i * p + i];
        }
        return t;
    }
}
