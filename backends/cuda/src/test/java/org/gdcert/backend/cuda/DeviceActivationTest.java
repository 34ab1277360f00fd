package org.gdcert.backend.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;
import org.gdcert.core.spi.ClosedForm;
import org.gdcert.core.testing.TestActivations;
import org.junit.jupiter.api.Test;

/** How the backend decides which activations run on the GPU, and the σ'' its kernel computes. */
class DeviceActivationTest {
    /** Central differences of σ' with step H agree with σ'' to about H² · |σ''''|. */
    private static final double H = 1e-4;
    private static final double FD_TOL = 1e-7;

    /** An activation given by three functions, declaring {@code declared} (may be null). */
    static Activation activation(ClosedForm declared, DoubleUnaryOperator f, DoubleUnaryOperator df,
            DoubleUnaryOperator ddf) {
        return new TestActivations.Fn(f, df, ddf, new ActivationProperties(false, false, 0, 1, 1, true, false),
                declared);
    }

    /** An activation that is exactly its declared closed form, with σ'' given. */
    static Activation declaring(ClosedForm cf, DoubleUnaryOperator second) {
        return activation(cf, cf::value, cf::derivative, second);
    }

    @Test
    void everyStandardFunctionIsRecognisedWithItsParameter() {
        assertThat(DeviceActivation.recognise(declaring(new ClosedForm.Identity(), x -> 0)).kernel())
                .contains(new DeviceActivation(DeviceActivation.IDENTITY, 0, true));
        assertThat(DeviceActivation.recognise(declaring(new ClosedForm.Relu(0.5), x -> 0)).kernel())
                .contains(new DeviceActivation(DeviceActivation.RELU, 0.5, true));
        assertThat(DeviceActivation.recognise(declaring(new ClosedForm.LeakyRelu(0.01), x -> 0)).kernel())
                .contains(new DeviceActivation(DeviceActivation.LEAKY_RELU, 0.01, true));
        assertThat(DeviceActivation.recognise(declaring(new ClosedForm.Softplus(), DeviceActivationTest::softplus2))
                .kernel()).contains(new DeviceActivation(DeviceActivation.SOFTPLUS, 0, true));
        assertThat(DeviceActivation.recognise(declaring(new ClosedForm.Sigmoid(), DeviceActivationTest::sigmoid2))
                .kernel()).contains(new DeviceActivation(DeviceActivation.SIGMOID, 0, true));
        assertThat(DeviceActivation.recognise(declaring(new ClosedForm.Tanh(), DeviceActivationTest::tanh2)).kernel())
                .contains(new DeviceActivation(DeviceActivation.TANH, 0, true));
    }

    @Test
    void withoutADeclarationThereIsNoKernel() {
        DeviceActivation.Recognition r = DeviceActivation.recognise(activation(null, Math::sin, Math::cos,
                x -> -Math.sin(x)));
        assertThat(r.kernel()).isEmpty();
        assertThat(r.reason()).contains("declares no closed form");
    }

    @Test
    void aDeclarationTheActivationDoesNotKeepIsIgnored() {
        ClosedForm sigmoid = new ClosedForm.Sigmoid();
        // claims tanh, computes the logistic function
        DeviceActivation.Recognition r = DeviceActivation.recognise(activation(new ClosedForm.Tanh(), sigmoid::value,
                sigmoid::derivative, DeviceActivationTest::sigmoid2));
        assertThat(r.kernel()).isEmpty();
        assertThat(r.reason()).contains("Tanh").contains("differ");
        // right σ, wrong σ': also ignored
        ClosedForm tanh = new ClosedForm.Tanh();
        assertThat(DeviceActivation.recognise(activation(tanh, tanh::value, x -> 1, x -> 0)).kernel()).isEmpty();
    }

    @Test
    void aSecondDerivativeThatDiffersKeepsSigmaDoublePrimeOnTheHost() {
        // ReLU with σ''(0) = +∞ by convention: σ and σ' on the GPU, σ'' on the host
        ClosedForm relu = new ClosedForm.Relu(0);
        Optional<DeviceActivation> k = DeviceActivation.recognise(declaring(relu,
                x -> x == 0 ? Double.POSITIVE_INFINITY : 0)).kernel();
        assertThat(k).isPresent();
        assertThat(k.get().secondDerivativeOnDevice()).isFalse();
    }

    @Test
    void kernelSecondDerivativesAgreeWithFiniteDifferencesOfTheDeclaredDerivative() {
        ClosedForm[] forms = {new ClosedForm.Softplus(), new ClosedForm.Sigmoid(), new ClosedForm.Tanh()};
        int[] codes = {DeviceActivation.SOFTPLUS, DeviceActivation.SIGMOID, DeviceActivation.TANH};
        for (int f = 0; f < forms.length; f++) {
            for (double x = -12; x <= 12; x += 0.37) {
                double fd = (forms[f].derivative(x + H) - forms[f].derivative(x - H)) / (2 * H);
                assertThat(DeviceActivation.secondDerivative(codes[f], 0, x)).as("%s'' at %s", forms[f], x)
                        .isCloseTo(fd, org.assertj.core.data.Offset.offset(FD_TOL));
            }
        }
        for (int code : new int[] {DeviceActivation.IDENTITY, DeviceActivation.RELU, DeviceActivation.LEAKY_RELU}) {
            assertThat(DeviceActivation.secondDerivative(code, 0.1, 3)).isZero();
            assertThat(DeviceActivation.secondDerivative(code, 0.1, -3)).isZero();
            assertThat(DeviceActivation.secondDerivative(code, 0.1, Double.NaN)).isNaN();
        }
        assertThat(DeviceActivation.secondDerivative(DeviceActivation.TANH, 0, 400)).isZero();
        assertThat(DeviceActivation.secondDerivative(DeviceActivation.SIGMOID, 0, -800)).isZero();
    }

    /** σ'' of softplus: the logistic derivative s(1 − s). */
    static double softplus2(double x) {
        double s = 1 / (1 + Math.exp(-x));
        return s * (1 - s);
    }

    /** σ'' of the logistic function: s(1 − s)(1 − 2s). */
    static double sigmoid2(double x) {
        double s = 1 / (1 + Math.exp(-x));
        return s * (1 - s) * (1 - 2 * s);
    }

    /** σ'' of tanh: −2 tanh (1 − tanh²). */
    static double tanh2(double x) {
        double t = Math.tanh(x);
        return -2 * t * (1 - t * t);
    }
}
