package org.gdcert.optimizers.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Spec certificates-sgd-relu.md §3.4: reference values [CHECKED] of the comparison ODE (9) and Figure 1. */
class ComparisonOdeTest {
    /** The spec's trajectory samples have 9 decimals. */
    private static final double SAMPLE_TOL = 2e-9;
    /** The spec's bounded values at T = 30 have 6 decimals. */
    private static final double VALUE_TOL = 1e-6;
    /** Event times to 1e-6 relative at rtol = 1e-10 (acceptance item 4). */
    private static final double EVENT_REL_TOL = 1e-6;

    private static final ComparisonOde.Options FIG = ComparisonOde.Options.standard(30);

    @Test
    void lambdaMatchesTheSpec() {
        assertThat(ComparisonOde.figure1(1).lambda(2.042)).isCloseTo(0.874909, Offset.offset(1e-6));
        assertThat(ComparisonOde.figure1(1).lambda(2.045)).isCloseTo(0.869065, Offset.offset(1e-6));
    }

    @Test
    void trajectorySamples() {
        double[] t = {0.25, 0.5, 1, 2, 4};
        ComparisonOde.Outcome k2 = ComparisonOde.figure1(2).integrate(2.045, FIG.withTimes(t));
        assertThat(k2.values()).containsExactly(new double[] {0.163888608, 0.243862775, 0.323465767, 0.388156593,
            0.429638993}, Offset.offset(SAMPLE_TOL));
        ComparisonOde.Outcome k1 = ComparisonOde.figure1(1).integrate(2.042, FIG.withTimes(0.25, 0.5, 1, 2));
        assertThat(k1.values()).containsExactly(new double[] {0.159473625, 0.224793425, 0.265841687, 0.275175699},
                Offset.offset(SAMPLE_TOL));
        ComparisonOde.Outcome blow = ComparisonOde.figure1(2).integrate(2.042, FIG.withTimes(1, 4, 5));
        assertThat(blow.values()).containsExactly(new double[] {0.325139892, 0.471182836}, Offset.offset(SAMPLE_TOL));
        assertThat(blow.blewUp()).isTrue();
        assertThat(blow.detail()).startsWith("BLOWUP at t = 4.23");
    }

    @Test
    void blowUpTimesAndBoundedValuesOfFigure1() {
        double[][] crossing = {{2.042, 4.2349519}, {2.043, 4.9844481}, {2.0435, 5.7794751}, {2.044, 9.1242914},
            {2.04406, 14.48992}};
        ComparisonOde ode = ComparisonOde.figure1(2);
        ComparisonOde.Options o = FIG.withTolerances("dop853", 1e-10, 1e-12).withLevels(0.6);
        for (double[] row : crossing) {
            ComparisonOde.Outcome out = ode.integrate(row[0], o);
            assertThat(out.blewUp()).as("α = %g", row[0]).isTrue();
            assertThat(out.levelTimes()[0]).as("α = %g", row[0]).isCloseTo(row[1],
                    Offset.offset(EVENT_REL_TOL * row[1]));
        }
        double[][] bounded = {{2.04407, 0.484031}, {2.0441, 0.473267}, {2.0445, 0.451259}, {2.045, 0.441526}};
        for (double[] row : bounded) {
            ComparisonOde.Outcome out = ode.integrate(row[0], o);
            assertThat(out.blewUp()).as("α = %g", row[0]).isFalse();
            assertThat(out.yEnd()).as("α = %g", row[0]).isCloseTo(row[1], Offset.offset(VALUE_TOL));
            assertThat(out.levelTimes()[0]).isNaN();
        }
    }

    @Test
    void paperEquationStaysBoundedBelowTheLemmaBoundInFigure1Range() {
        ComparisonOde ode = ComparisonOde.figure1(1);
        double[][] limits = {{2.042, 0.275506}, {2.043, 0.275149}, {2.044, 0.274793}, {2.045, 0.274438}};
        for (double[] row : limits) {
            ComparisonOde.Outcome out = ode.integrate(row[0], ComparisonOde.Options.standard(50));
            assertThat(out.blewUp()).isFalse();
            assertThat(out.yEnd()).as("y(∞) at α = %g", row[0]).isCloseTo(row[1], Offset.offset(VALUE_TOL))
                    .isLessThan(ode.lemmaBound(row[0]));
        }
    }

    @Test
    void thresholdsByBisection() {
        ComparisonOde.Options o = ComparisonOde.Options.standard(50);
        assertThat(ComparisonOde.figure1(2).threshold(2.04, 2.05, o, 1e-8)).isCloseTo(2.0440653, Offset.offset(1e-6));
        assertThat(ComparisonOde.figure1(1).threshold(1.7, 1.8, o, 1e-8)).isCloseTo(1.7293438, Offset.offset(1e-6));
    }
}
