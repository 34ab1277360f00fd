package org.gdcert.certificates.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gdcert.certificates.testing.Acts;
import org.junit.jupiter.api.Test;

class GaussHermiteTest {
    @Test
    void exactForGaussianMomentsUpToDegreeTwoNMinusOne() {
        GaussHermite gh = GaussHermite.of(10);
        double s = 0;
        for (double w : gh.weights()) {
            s += w;
        }
        assertThat(s).isCloseTo(1, within(1e-14));
        // E Z^{2k} = (2k−1)!!
        double dfact = 1;
        for (int k = 1; k <= 9; k++) {
            dfact *= 2 * k - 1;
            final int p = 2 * k;
            assertThat(gh.expect(z -> Math.pow(z, p)) / dfact).isCloseTo(1, within(1e-11));
        }
        assertThat(gh.expect(z -> z * z * z)).isCloseTo(0, within(1e-13));
    }

    @Test
    void largeRulesAreStable() {
        // numpy's hermgauss overflows around n = 360; Golub–Welsch does not (spec §3.3)
        GaussHermite gh = GaussHermite.of(400);
        assertThat(gh.expect(z -> z * z)).isCloseTo(1, within(1e-10));
        assertThat(gh.expect(Math::cos)).isCloseTo(Math.exp(-0.5), within(1e-12));
    }

    /** Smooth σ on the unit scale: quadrature agrees with the closed form (γ = 0.5, β = 1, s = 0.2). */
    @Test
    void quadratureMatchesClosedFormForSmoothKernel() {
        var s = Acts.smoothRelu(0.5, 1).instance();
        GaussHermite gh = GaussHermite.of(200);
        assertThat(gh.pair(s::value, 1, 1, 0.3)).isCloseTo(0.197253135656182, within(1e-9));
        assertThat(gh.pair(s::value, 0.3, 1.7, -0.1)).isCloseTo(-0.0389104011969458, within(1e-9));
    }

    /** K5: for β = 20 (s = 0.01) Gauss–Hermite with n = 200 does not reach 1e-6: the closed form must be used. */
    @Test
    void quadratureIsInaccurateForSharpKinks() {
        var s = Acts.smoothRelu(0.5, 20).instance();
        GaussHermite gh = GaussHermite.of(200);
        double exact = PairKernels.smoothRelu(1, 1, 0.3, 0.5, 20);
        assertThat(Math.abs(gh.pair(s::value, 1, 1, 0.3) - exact)).isGreaterThan(1e-6);
        // and ExpectedGram picks the closed form for smoothrelu whatever β
        var k = ExpectedGram.closedForm(Acts.smoothRelu(0.5, 20)).orElseThrow();
        assertThat(k.closedForm()).isTrue();
        assertThat(k.function().apply(1, 1, 0.3)).isCloseTo(exact, within(1e-15));
    }
}
