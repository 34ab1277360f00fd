package org.gdcert.activations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ClosedForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Activations that declare a {@link ClosedForm} (for SIMD and GPU backends) are that function: value
 * and derivative agree with the form's reference formulas on a grid including 0, the kinks and
 * both tails; and the declaring ones are exactly those expected.
 */
class ClosedFormTest {
    /** Relative tolerance (a few ulps: the plugin and the reference use different but exact formulas). */
    private static final double TOL = 4e-16;

    static Stream<Fixtures.Case> declaring() {
        return Fixtures.all().stream().filter(c -> c.activation().closedForm().isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("declaring")
    void declaredFormMatchesValueAndDerivative(Fixtures.Case c) {
        Activation a = c.activation();
        ClosedForm f = a.closedForm().orElseThrow();
        for (int i = -4000; i <= 4000; i++) {
            double x = i * 0.01;
            for (double y : new double[] {x, x * 1e-9, Math.scalb(x, 12)}) {
                assertThat(Math.abs(a.value(y) - f.value(y))).as("%s value at %s", c, y)
                        .isLessThanOrEqualTo(TOL * Math.max(1, Math.abs(f.value(y))));
                assertThat(Math.abs(a.derivative(y) - f.derivative(y))).as("%s derivative at %s", c, y)
                        .isLessThanOrEqualTo(TOL * Math.max(1, Math.abs(f.derivative(y))));
            }
        }
    }

    @Test
    void theStandardFunctionsDeclareTheirFormsAndTheOthersNone() {
        List<String> declaring = declaring().map(Fixtures.Case::label).toList();
        assertThat(declaring).containsExactly("relu(derivative_at_zero=0)", "relu(derivative_at_zero=0.5)",
                "leakyrelu(a=0.01)", "leakyrelu(a=0.2)", "leakyrelu(a=1)", "softplus", "sigmoid", "tanh", "identity");
        assertThat(Fixtures.make(new ReluProvider(), 0.5).activation().closedForm())
                .isEqualTo(Optional.of(new ClosedForm.Relu(0.5)));
        assertThat(Fixtures.make(new LeakyReluProvider(), 0.2).activation().closedForm())
                .isEqualTo(Optional.of(new ClosedForm.LeakyRelu(0.2)));
    }
}
