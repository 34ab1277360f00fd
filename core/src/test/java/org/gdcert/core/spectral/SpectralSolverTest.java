package org.gdcert.core.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spectral.SpectralOptions.Route;
import org.gdcert.core.spectral.SpectralResult.Bound;
import org.gdcert.core.spectral.SpectralResult.Method;
import org.gdcert.core.testing.ReferenceBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpectralSolverTest {
    /** The accuracy target on well-conditioned matrices (relative). */
    private static final double REL_TOL = 1e-10;
    /** Slack for comparing a proven interval with EJML's own (rounded) value, relative to σ_max. */
    private static final double ORACLE_SLACK = 1e-13;

    private static final SpectralSolver SOLVER = new SpectralSolver(SpectralOptions.defaults().withThreads(2));

    @AfterAll
    static void close() {
        SOLVER.close();
    }

    private static SpectralSolver solver(SpectralOptions o) {
        return new SpectralSolver(o.withThreads(2));
    }

    private static void assertRelClose(double actual, double expected, double rel) {
        assertThat(Math.abs(actual - expected)).as("%s vs %s", actual, expected)
                .isLessThanOrEqualTo(rel * Math.abs(expected));
    }

    private static void assertEncloses(SpectralResult r, double exact, double slack) {
        assertThat(r.lower()).as("lower bound of %s", r).isLessThanOrEqualTo(exact + slack);
        assertThat(r.upper()).as("upper bound of %s", r).isGreaterThanOrEqualTo(exact - slack);
    }

    // ------------------------------------------------------------ well-conditioned: 1e-10 vs EJML

    @ParameterizedTest
    @CsvSource({"1, 1", "1, 40", "40, 1", "2, 2", "30, 30", "40, 90", "90, 40", "129, 129", "150, 350", "350, 150"})
    void wellConditionedMatricesMatchEjmlTo1e10WithVerifiedBounds(int m, int n) {
        int p = Math.min(m, n);
        double[] s = p == 1 ? new double[] {3.5} : TestMatrices.geometric(p, 10, 1);
        HostMatrix a = TestMatrices.withSingularValues(m, n, s, 100 + m + n);
        double[] ref = TestMatrices.svd(a);
        SpectralSolver.Extremes e = SOLVER.singularExtremes(a);
        assertRelClose(e.min().value(), ref[0], REL_TOL);
        assertRelClose(e.max().value(), ref[p - 1], REL_TOL);
        assertEncloses(e.min(), ref[0], ORACLE_SLACK * ref[p - 1]);
        assertEncloses(e.max(), ref[p - 1], ORACLE_SLACK * ref[p - 1]);
        assertThat(e.min().bound()).isEqualTo(Bound.VERIFIED);
        assertThat(e.max().bound()).isEqualTo(Bound.VERIFIED);
        assertThat(e.min().method()).isEqualTo(Method.INVERSE_LANCZOS);
        assertThat(e.max().method()).isEqualTo(Method.LANCZOS);
        assertThat(e.min().converged()).isTrue();
        assertThat(SOLVER.sigmaMin(a).value()).isEqualTo(e.min().value());
        assertThat(SOLVER.sigmaMax(a).value()).isEqualTo(e.max().value());
        assertThat(e.conditionUpperBound()).isGreaterThanOrEqualTo(ref[p - 1] / ref[0] * (1 - 1e-9));
    }

    @ParameterizedTest
    @CsvSource({"60, 140", "140, 60", "100, 100"})
    void gaussianMatricesMatchEjml(int m, int n) {
        HostMatrix a = TestMatrices.gaussian(m, n, m * 1000L + n);
        double[] ref = TestMatrices.svd(a);
        int p = Math.min(m, n);
        double kappa = ref[p - 1] / ref[0];
        SpectralSolver.Extremes e = SOLVER.singularExtremes(a);
        // the Gram route loses about eps*kappa^2 relative on sigma_min
        assertRelClose(e.min().value(), ref[0], Math.max(REL_TOL, 100 * Rounding.EPS * kappa * kappa));
        assertRelClose(e.max().value(), ref[p - 1], REL_TOL);
        assertEncloses(e.min(), ref[0], ORACLE_SLACK * ref[p - 1]);
        assertEncloses(e.max(), ref[p - 1], ORACLE_SLACK * ref[p - 1]);
    }

    @Test
    void boundsEncloseTheOracleOnManyRandomMatrices() {
        Rng rng = Rng.of(2024);
        for (int trial = 0; trial < 25; trial++) {
            int m = 1 + rng.nextInt(70);
            int n = 1 + rng.nextInt(70);
            int p = Math.min(m, n);
            double kappa = Math.pow(10, rng.nextDouble(0, 6));
            double[] s = p == 1 ? new double[] {1 + rng.nextDouble()} : TestMatrices.geometric(p, 1, 1 / kappa);
            HostMatrix a = TestMatrices.withSingularValues(m, n, s, trial);
            double[] ref = TestMatrices.svd(a);
            for (Route route : new Route[] {Route.AUTO, Route.GRAM}) {
                try (SpectralSolver sv = solver(SpectralOptions.defaults().withRoute(route))) {
                    SpectralSolver.Extremes e = sv.singularExtremes(a);
                    assertEncloses(e.min(), ref[0], ORACLE_SLACK * ref[p - 1]);
                    assertEncloses(e.max(), ref[p - 1], ORACLE_SLACK * ref[p - 1]);
                }
            }
        }
    }

    // ------------------------------------------------------------ the three semantics

    @Test
    void sigmaNIsZeroWhenThereAreFewerColumnsThanRows() {
        HostMatrix f = TestMatrices.gaussian(50, 30, 1); // N = 50 > n = 30
        SpectralResult r = SOLVER.sigmaN(f);
        assertThat(r.value()).isZero();
        assertThat(r.upper()).isZero();
        assertThat(r.method()).isEqualTo(Method.STRUCTURAL_ZERO);
        assertThat(r.bound()).isEqualTo(Bound.EXACT);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("nguyen"));
        // while the usual smallest singular value (sigma_30) is positive
        assertThat(SOLVER.sigmaMin(f).value()).isGreaterThan(1);
        assertThat(TestMatrices.svd(f)[0]).isGreaterThan(1);
    }

    @Test
    void sigmaNIsTheNthSingularValueWhenThereAreEnoughColumns() {
        HostMatrix f = TestMatrices.gaussian(30, 50, 2);
        double[] ref = TestMatrices.svd(f);
        assertThat(ref).hasSize(30);
        assertRelClose(SOLVER.sigmaN(f).value(), ref[0], 1e-9);
        assertThat(SOLVER.sigmaN(f).value()).isEqualTo(SOLVER.sigmaMin(f).value());
    }

    @Test
    void sigmaMinOperatorIsZeroForWideMatricesAndSigmaNOfTheTranspose() {
        // certificates-song.md §1.3: H = phi(W0 X) is d1 x n; sigma_min is 0 when d1 < n
        HostMatrix wide = TestMatrices.gaussian(2, 3, 3);
        SpectralResult r = SOLVER.sigmaMinOperator(wide);
        assertThat(r.value()).isZero();
        assertThat(r.method()).isEqualTo(Method.STRUCTURAL_ZERO);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("song"));
        assertThat(SOLVER.sigmaMin(wide).value()).as("the naive value is positive").isGreaterThan(0);
        assertThat(SOLVER.sigmaN(wide.transpose()).value()).isZero();

        HostMatrix tall = TestMatrices.gaussian(80, 20, 4);
        double[] ref = TestMatrices.svd(tall);
        assertRelClose(SOLVER.sigmaMinOperator(tall).value(), ref[0], 1e-9);
        assertThat(SOLVER.sigmaMinOperator(tall).value()).isEqualTo(SOLVER.sigmaN(tall.transpose()).value());
    }

    @Test
    void squareMatricesHaveOneMeaning() {
        HostMatrix a = TestMatrices.withSingularValues(40, 40, TestMatrices.geometric(40, 4, 1), 5);
        double v = SOLVER.sigmaMin(a).value();
        assertThat(SOLVER.sigmaN(a).value()).isEqualTo(v);
        assertThat(SOLVER.sigmaMinOperator(a).value()).isEqualTo(v);
        assertRelClose(v, 1, 1e-12);
    }

    // ------------------------------------------------------------ rank-deficient, zero, ill-conditioned

    @Test
    void rankDeficientWideMatrixIsZeroOnTheGramRouteAndTinyOnTheDirectRoute() {
        double[] s = TestMatrices.geometric(40, 5, 1); // rank 40 < 60 rows
        HostMatrix a = TestMatrices.withSingularValues(60, 100, s, 6);
        try (SpectralSolver gram = solver(SpectralOptions.defaults().withRoute(Route.GRAM))) {
            SpectralResult r = gram.sigmaN(a);
            assertThat(r.value()).isZero();
            assertThat(r.lower()).isZero();
            assertThat(r.upper()).isLessThan(1e-6 * 5);
            assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("singular"));
            assertRelClose(gram.sigmaMax(a).value(), 5, 1e-12);
        }
        SpectralResult auto = SOLVER.sigmaN(a);
        assertThat(auto.method()).isEqualTo(Method.QR_INVERSE_LANCZOS);
        assertThat(auto.value()).isLessThan(1e-13 * 5);
        assertThat(auto.lower()).isZero();
        assertThat(auto.notes()).anySatisfy(n -> assertThat(n).contains("QR route"));
        try (SpectralSolver dense = solver(SpectralOptions.defaults().withRoute(Route.DENSE))) {
            SpectralResult d = dense.sigmaN(a);
            assertThat(d.method()).isEqualTo(Method.DENSE_SVD);
            assertThat(d.value()).isLessThan(1e-13 * 5);
        }
    }

    @Test
    void rankOneAndSingleEntryMatrices() {
        HostMatrix a = new HostMatrix(3, 5);
        a.set(1, 2, -2.5);
        SpectralSolver.Extremes e = SOLVER.singularExtremes(a);
        assertRelClose(e.max().value(), 2.5, 1e-14);
        assertThat(e.min().value()).isLessThan(1e-14);
        assertThat(e.min().lower()).isZero();
        HostMatrix one = HostMatrix.of(new double[][] {{-7}});
        assertRelClose(SOLVER.sigmaMin(one).value(), 7, 1e-15);
        assertRelClose(SOLVER.sigmaMax(one).value(), 7, 1e-15);
    }

    @Test
    void zeroMatrixIsExactlyZero() {
        HostMatrix z = new HostMatrix(20, 30);
        for (SpectralResult r : new SpectralResult[] {SOLVER.sigmaMin(z), SOLVER.sigmaMax(z), SOLVER.sigmaN(z),
                SOLVER.lambdaMin(new HostMatrix(7, 7)), SOLVER.lambdaMax(new HostMatrix(7, 7))}) {
            assertThat(r.value()).isZero();
            assertThat(r.upper()).isZero();
            assertThat(r.bound()).isEqualTo(Bound.EXACT);
            assertThat(r.method()).isEqualTo(Method.ZERO_MATRIX);
        }
        assertThat(Spectral.sigmaMin(LinearOperator.of(z))).isZero();
        assertThat(Spectral.sigmaMax(LinearOperator.of(z))).isZero();
    }

    @Test
    void illConditionedMatrixGoesToTheQrRouteAndStaysHonestOnTheGramRoute() {
        double sMin = 1e-7;
        HostMatrix a = TestMatrices.withSingularValues(80, 120, TestMatrices.geometric(80, 1, sMin), 7);
        double ref = TestMatrices.svd(a)[0];
        assertRelClose(ref, sMin, 1e-6);
        SpectralResult auto = SOLVER.sigmaMin(a);
        assertThat(auto.method()).isEqualTo(Method.QR_INVERSE_LANCZOS);
        assertThat(auto.notes()).anySatisfy(n -> assertThat(n).contains("kappa"));
        assertRelClose(auto.value(), ref, 1e-8);
        assertEncloses(auto, ref, 0);
        assertThat(auto.relativeErrorBound()).isLessThan(1e-5);
        // the same on the tall orientation
        SpectralResult tall = SOLVER.sigmaMin(a.transpose());
        assertThat(tall.method()).isEqualTo(Method.QR_INVERSE_LANCZOS);
        assertRelClose(tall.value(), ref, 1e-8);
        try (SpectralSolver gram = solver(SpectralOptions.defaults().withRoute(Route.GRAM))) {
            SpectralResult g = gram.sigmaMin(a);
            assertThat(g.method()).isEqualTo(Method.INVERSE_LANCZOS);
            assertEncloses(g, ref, 0);
            // the Gram route cannot resolve 1e-7 relative to ||A|| = 1 (eps*kappa^2 ~ 2e-2)
            assertThat(g.upper()).isGreaterThan(ref);
        }
        try (SpectralSolver lenient = solver(SpectralOptions.defaults().withMaxGramCondition(1e9))) {
            SpectralResult g = lenient.sigmaMin(a);
            assertThat(g.method()).isEqualTo(Method.INVERSE_LANCZOS);
            assertEncloses(g, ref, 0);
        }
    }

    @Test
    void moderatelyIllConditionedMatrixStaysOnTheGramRoute() {
        HostMatrix a = TestMatrices.withSingularValues(70, 110, TestMatrices.geometric(70, 1, 1e-3), 8);
        double ref = TestMatrices.svd(a)[0];
        SpectralResult r = SOLVER.sigmaMin(a);
        assertThat(r.method()).isEqualTo(Method.INVERSE_LANCZOS);
        assertRelClose(r.value(), ref, 1e-8);
        assertEncloses(r, ref, 0);
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "3, 70", "70, 3", "64, 64", "120, 300", "300, 120"})
    void qrRouteMatchesEjmlOnWellConditionedMatrices(int m, int n) {
        int p = Math.min(m, n);
        double[] s = p == 1 ? new double[] {0.75} : TestMatrices.geometric(p, 10, 1);
        HostMatrix a = TestMatrices.withSingularValues(m, n, s, 200 + m + n);
        double[] ref = TestMatrices.svd(a);
        try (SpectralSolver qr = solver(SpectralOptions.defaults().withRoute(Route.QR))) {
            SpectralSolver.Extremes e = qr.singularExtremes(a);
            assertThat(e.min().method()).isEqualTo(Method.QR_INVERSE_LANCZOS);
            assertRelClose(e.min().value(), ref[0], REL_TOL);
            assertRelClose(e.max().value(), ref[p - 1], REL_TOL);
            assertEncloses(e.min(), ref[0], ORACLE_SLACK * ref[p - 1]);
            assertEncloses(e.max(), ref[p - 1], ORACLE_SLACK * ref[p - 1]);
        }
    }

    @Test
    void qrRouteResolvesSingularValuesFarBelowTheGramResolution() {
        double sMin = 1e-12;
        HostMatrix a = TestMatrices.withSingularValues(60, 90, TestMatrices.geometric(60, 1, sMin), 22);
        double ref = TestMatrices.svd(a)[0];
        try (SpectralSolver qr = solver(SpectralOptions.defaults().withRoute(Route.QR))) {
            SpectralResult r = qr.sigmaMin(a);
            assertEncloses(r, ref, 0);
            // absolute accuracy O(eps ||A||): about 1e-4 relative at kappa = 1e12
            assertRelClose(r.value(), ref, 1e-2);
            assertThat(r.upper()).isLessThan(1e-10);
        }
    }

    // ------------------------------------------------------------ symmetric eigenvalues

    @Test
    void lambdaOfSymmetricPositiveDefiniteMatrixMatchesEjml() {
        HostMatrix s = TestMatrices.symmetricWithEigenvalues(TestMatrices.geometric(160, 10, 1), 9);
        double[] ref = TestMatrices.eig(s);
        SpectralResult lo = SOLVER.lambdaMin(s);
        SpectralResult hi = SOLVER.lambdaMax(s);
        assertRelClose(lo.value(), ref[0], REL_TOL);
        assertRelClose(hi.value(), ref[159], REL_TOL);
        assertEncloses(lo, ref[0], ORACLE_SLACK * 10);
        assertEncloses(hi, ref[159], ORACLE_SLACK * 10);
        assertThat(lo.bound()).isEqualTo(Bound.VERIFIED);
        assertThat(hi.bound()).isEqualTo(Bound.VERIFIED);
    }

    @Test
    void lambdaMinOfIndefiniteAndSingularMatrices() {
        double[] lambda = new double[90];
        for (int i = 0; i < 90; i++) {
            lambda[i] = -3 + 8.0 * i / 89;
        }
        HostMatrix indefinite = TestMatrices.symmetricWithEigenvalues(lambda, 10);
        SpectralResult r = SOLVER.lambdaMin(indefinite);
        assertRelClose(r.value(), -3, 1e-10);
        assertEncloses(r, TestMatrices.eig(indefinite)[0], ORACLE_SLACK * 5);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("Cholesky"));

        double[] psd = TestMatrices.geometric(90, 4, 1);
        for (int i = 60; i < 90; i++) {
            psd[i] = 0;
        }
        HostMatrix singular = TestMatrices.symmetricWithEigenvalues(psd, 11);
        SpectralResult z = SOLVER.lambdaMin(singular);
        assertThat(Math.abs(z.value())).isLessThan(1e-12 * 4);
        assertEncloses(z, TestMatrices.eig(singular)[0], ORACLE_SLACK * 4);
        assertRelClose(SOLVER.lambdaMax(singular).value(), 4, 1e-12);
    }

    @Test
    void directRouteForEigenvalues() {
        HostMatrix s = TestMatrices.symmetricWithEigenvalues(TestMatrices.geometric(50, 2, 0.5), 12);
        try (SpectralSolver d = solver(SpectralOptions.defaults().withRoute(Route.DENSE))) {
            SpectralResult lo = d.lambdaMin(s);
            assertThat(lo.method()).isEqualTo(Method.DENSE_EIGEN);
            assertRelClose(lo.value(), 0.5, 1e-12);
            assertEncloses(lo, 0.5, 1e-14);
            assertRelClose(d.lambdaMax(s).value(), 2, 1e-12);
        }
    }

    @Test
    void slightlyAsymmetricInputUsesTheSymmetricPartAndRejectsRealAsymmetry() {
        HostMatrix s = TestMatrices.symmetricWithEigenvalues(TestMatrices.geometric(30, 3, 1), 13);
        s.set(4, 7, s.get(4, 7) * (1 + 1e-14));
        assertRelClose(SOLVER.lambdaMin(s).value(), 1, 1e-12);
        s.set(4, 7, s.get(4, 7) + 1e-3);
        assertThatThrownBy(() -> SOLVER.lambdaMin(s)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not symmetric").hasMessageContaining("(7, 4)");
    }

    // ------------------------------------------------------------ operators agree with explicit

    @ParameterizedTest
    @CsvSource({"40, 90", "90, 40", "25, 25", "1, 30"})
    void operatorFormsAgreeWithExplicitOnes(int m, int n) {
        int p = Math.min(m, n);
        double[] s = p == 1 ? new double[] {2} : TestMatrices.geometric(p, 3, 1);
        HostMatrix a = TestMatrices.withSingularValues(m, n, s, 14 + m);
        LinearOperator op = LinearOperator.of(a);
        assertRelClose(SOLVER.sigmaMin(op).value(), SOLVER.sigmaMin(a).value(), REL_TOL);
        assertRelClose(SOLVER.sigmaMax(op).value(), SOLVER.sigmaMax(a).value(), REL_TOL);
        assertThat(SOLVER.sigmaN(op).value()).isCloseTo(SOLVER.sigmaN(a).value(),
                org.assertj.core.data.Offset.offset(REL_TOL * 3));
        assertThat(SOLVER.sigmaMinOperator(op).value()).isCloseTo(SOLVER.sigmaMinOperator(a).value(),
                org.assertj.core.data.Offset.offset(REL_TOL * 3));
        SpectralResult r = SOLVER.sigmaMin(op);
        assertThat(r.method()).isEqualTo(Method.OPERATOR_LANCZOS);
        assertThat(r.bound()).isEqualTo(Bound.RESIDUAL);
        assertEncloses(r, TestMatrices.svd(a)[0], ORACLE_SLACK * 3);
        // the transpose has the same singular values
        assertRelClose(SOLVER.sigmaMin(op.transpose()).value(), r.value(), REL_TOL);
    }

    @Test
    void symmetricOperatorAgreesWithExplicitMatrix() {
        HostMatrix s = TestMatrices.symmetricWithEigenvalues(TestMatrices.geometric(70, 6, 2), 15);
        SymmetricOperator op = SymmetricOperator.of(s);
        assertRelClose(SOLVER.lambdaMin(op).value(), SOLVER.lambdaMin(s).value(), REL_TOL);
        assertRelClose(SOLVER.lambdaMax(op).value(), SOLVER.lambdaMax(s).value(), REL_TOL);
        assertRelClose(Spectral.lambdaMax(op), 6, REL_TOL);
        assertRelClose(Spectral.lambdaMin(op), 2, REL_TOL);
    }

    @Test
    void lanczosStopsOnAnInvariantSubspace() {
        // a scaled identity: the first Krylov vector is an eigenvector (breakdown at step 1)
        SymmetricOperator twice = new SymmetricOperator() {
            @Override
            public int dimension() {
                return 500;
            }

            @Override
            public void apply(double[] x, double[] y) {
                for (int i = 0; i < x.length; i++) {
                    y[i] = 2 * x[i];
                }
            }
        };
        SpectralResult lo = SOLVER.lambdaMin(twice);
        assertThat(lo.value()).isEqualTo(2);
        assertThat(lo.iterations()).isLessThanOrEqualTo(2);
        assertThat(lo.converged()).isTrue();
        // a rank-3 Gram operator of dimension 200: the Krylov space closes after 4 steps and holds 0
        HostMatrix a = TestMatrices.withSingularValues(200, 50, new double[] {3, 2, 1}, 23);
        SpectralResult z = SOLVER.sigmaMin(LinearOperator.of(a).transpose());
        assertThat(z.value()).isLessThan(1e-7);
        assertThat(z.lower()).isZero();
        assertThat(z.iterations()).isLessThanOrEqualTo(6);
        assertRelClose(SOLVER.sigmaMax(LinearOperator.of(a)).value(), 3, REL_TOL);
    }

    @Test
    void gramOperatorsAreTheProductsTheySayTheyAre() {
        HostMatrix a = TestMatrices.gaussian(6, 9, 16);
        double[] x = TestMatrices.gaussian(6, 1, 17).data();
        double[] y = new double[6];
        LinearOperator.of(a).gramOfRows().apply(x, y);
        HostMatrix expect = TestMatrices.gramRows(a).times(new HostMatrix(6, 1, x));
        for (int i = 0; i < 6; i++) {
            assertThat(y[i]).isCloseTo(expect.get(i, 0), org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(LinearOperator.of(a).gramOfColumns().dimension()).isEqualTo(9);
    }

    @Test
    void explicitMatrixOnTheOperatorRoute() {
        HostMatrix a = TestMatrices.withSingularValues(30, 50, TestMatrices.geometric(30, 2, 1), 18);
        try (SpectralSolver op = solver(SpectralOptions.defaults().withRoute(Route.OPERATOR))) {
            SpectralResult r = op.sigmaMax(a);
            assertThat(r.method()).isEqualTo(Method.OPERATOR_LANCZOS);
            assertRelClose(r.value(), 2, REL_TOL);
            assertRelClose(op.sigmaMin(a).value(), 1, REL_TOL);
        }
    }

    // ------------------------------------------------------------ backends, options, errors

    @Test
    void backendGemmFormsTheSameGram() {
        HostMatrix a = TestMatrices.withSingularValues(45, 70, TestMatrices.geometric(45, 5, 1), 19);
        try (ReferenceBackend backend = new ReferenceBackend();
                SpectralSolver sv = solver(SpectralOptions.defaults().withBackend(backend))) {
            SpectralSolver.Extremes e = sv.singularExtremes(a);
            assertRelClose(e.min().value(), SOLVER.sigmaMin(a).value(), 1e-12);
            assertRelClose(e.max().value(), SOLVER.sigmaMax(a).value(), 1e-12);
            assertThat(e.min().notes()).anySatisfy(n -> assertThat(n).contains("backend reference"));
            assertThat(e.min().bound()).isEqualTo(Bound.VERIFIED);
            // tall orientation through the backend (AᵀA)
            assertRelClose(sv.sigmaMin(a.transpose()).value(), 1, 1e-12);
        }
        assertThatThrownBy(() -> SpectralOptions.defaults().withBackend(new ReferenceBackend(Precision.FLOAT)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DOUBLE");
    }

    @Test
    void resultsAreReproducibleAndNoVerificationMeansResidualBounds() {
        HostMatrix a = TestMatrices.gaussian(50, 80, 20);
        try (SpectralSolver plain = solver(SpectralOptions.defaults().withVerify(false))) {
            SpectralResult r1 = plain.sigmaMin(a);
            SpectralResult r2 = plain.sigmaMin(a);
            assertThat(r1).isEqualTo(r2);
            assertThat(r1.bound()).isEqualTo(Bound.RESIDUAL);
            assertEncloses(r1, TestMatrices.svd(a)[0], ORACLE_SLACK * 20);
            assertThat(r1.residual()).isLessThan(1e-9 * SOLVER.sigmaMax(a).value() * SOLVER.sigmaMax(a).value());
        }
        assertThat(Spectral.sigmaMin(a)).isEqualTo(SOLVER.sigmaMin(a).value());
        // sigma_max without verification needs no Gram matrix
        try (SpectralSolver plain = solver(SpectralOptions.defaults().withVerify(false))) {
            SpectralResult r = plain.sigmaMax(a);
            assertThat(r.method()).isEqualTo(Method.OPERATOR_LANCZOS);
            assertRelClose(r.value(), TestMatrices.svd(a)[49], REL_TOL);
        }
    }

    @Test
    void badInputsAreNamed() {
        HostMatrix a = TestMatrices.gaussian(3, 4, 21);
        a.set(1, 2, Double.NaN);
        assertThatThrownBy(() -> SOLVER.sigmaMin(a)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sigma_min").hasMessageContaining("(1, 2)").hasMessageContaining("NaN");
        assertThatThrownBy(() -> SOLVER.sigmaMax(new HostMatrix(0, 3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> SOLVER.lambdaMax(new HostMatrix(2, 3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not square");
        assertThatThrownBy(() -> SpectralOptions.defaults().withTolerance(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tolerance");
    }

    @Test
    void resultRecordRejectsAValueOutsideItsBounds() {
        assertThatThrownBy(() -> new SpectralResult("sigma_min", 2, 0, 1, Method.LANCZOS, Bound.RESIDUAL, 0, 1, true,
                java.util.List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
        SpectralResult r = new SpectralResult("sigma_max", 2, 1.5, 2.25, Method.LANCZOS, Bound.RESIDUAL, 0, 1, true,
                java.util.List.of());
        assertThat(r.errorBound()).isEqualTo(0.5);
        assertThat(r.relativeErrorBound()).isEqualTo(0.25);
        assertThat(r.toString()).contains("sigma_max").contains("lanczos").contains("residual");
    }
}
