package org.gdcert.backend.cuda;

import java.util.Locale;
import java.util.Optional;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ClosedForm;

/**
 * How the GPU evaluates an activation: the kernel code of the standard function the activation
 * declares through {@link Activation#closedForm()}, its parameter, and whether the GPU's σ'' matches
 * the activation's own. An activation without a declaration, or whose declaration disagrees with its
 * own σ or σ' at a few points, has no device kernel and is evaluated on the host.
 *
 * <p>The codes and the σ'' formulas are those of {@code gdcert_kernels.cu} ({@code act_eval},
 * {@code act_second}).
 */
record DeviceActivation(int code, double parameter, boolean secondDerivativeOnDevice) {
    static final int IDENTITY = 0;
    static final int RELU = 1;
    static final int LEAKY_RELU = 2;
    static final int SOFTPLUS = 3;
    static final int SIGMOID = 4;
    static final int TANH = 5;

    /** Where a declaration is checked against the activation's own methods. */
    static final double[] CHECK_POINTS = {-7.5, -2, -0.75, -0.1, 0, 0.1, 0.75, 2, 7.5};
    /** Relative agreement required at the check points. */
    static final double CHECK_TOLERANCE = 1e-9;

    /** The verdict for one activation: a device kernel, or the reason there is none. */
    record Recognition(Optional<DeviceActivation> kernel, String reason) {
    }

    /** The device kernel for {@code sigma}, or why it has none. */
    static Recognition recognise(Activation sigma) {
        Optional<ClosedForm> declared = sigma.closedForm();
        if (declared.isEmpty()) {
            return new Recognition(Optional.empty(), "it declares no closed form");
        }
        ClosedForm cf = declared.get();
        int code;
        double p = 0;
        if (cf instanceof ClosedForm.Identity) {
            code = IDENTITY;
        } else if (cf instanceof ClosedForm.Relu r) {
            code = RELU;
            p = r.derivativeAtZero();
        } else if (cf instanceof ClosedForm.LeakyRelu l) {
            code = LEAKY_RELU;
            p = l.slope();
        } else if (cf instanceof ClosedForm.Softplus) {
            code = SOFTPLUS;
        } else if (cf instanceof ClosedForm.Sigmoid) {
            code = SIGMOID;
        } else if (cf instanceof ClosedForm.Tanh) {
            code = TANH;
        } else {
            return new Recognition(Optional.empty(), "the cuda backend has no kernel for its closed form " + cf);
        }
        for (double x : CHECK_POINTS) {
            if (!close(sigma.value(x), cf.value(x)) || !close(sigma.derivative(x), cf.derivative(x))) {
                return new Recognition(Optional.empty(), String.format(Locale.ROOT,
                        "it declares the closed form %s, but its own σ or σ' differ from it at x = %s", cf, x));
            }
        }
        // ClosedForm declares σ and σ' only; the kernel's σ'' (0 for the piecewise linear ones, even at
        // the kink) is used where the activation's own agrees, else σ'' is evaluated on the host
        boolean second = true;
        for (double x : CHECK_POINTS) {
            second &= close(sigma.secondDerivative(x), secondDerivative(code, p, x));
        }
        return new Recognition(Optional.of(new DeviceActivation(code, p, second)), "");
    }

    private static boolean close(double got, double reference) {
        if (Double.isNaN(got) || Double.isNaN(reference)) {
            return Double.isNaN(got) && Double.isNaN(reference);
        }
        return Math.abs(got - reference) <= CHECK_TOLERANCE * (1 + Math.abs(reference));
    }

    /** σ'' as the kernel computes it ({@code act_second}), in double. */
    static double secondDerivative(int code, double p, double x) {
        switch (code) {
            case SOFTPLUS: {
                double u = Math.exp(-Math.abs(x));
                double w = 1 + u;
                return u / (w * w);
            }
            case SIGMOID: {
                double u = Math.exp(-Math.abs(x));
                double w = 1 + u;
                return -(u / (w * w)) * Math.tanh(x / 2);
            }
            case TANH: {
                double u = Math.exp(-2 * Math.abs(x));
                double w = 1 + u;
                return -2 * Math.tanh(x) * (4 * u / (w * w));
            }
            default:
                return Double.isNaN(x) ? x : 0;
        }
    }
}
