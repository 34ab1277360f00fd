package org.gdcert.core.spi;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An entrywise activation σ with its first and second derivatives, the properties certificates read,
 * and bulk kernels host backends call on contiguous ranges.
 *
 * <p>The bulk defaults loop over the scalar methods; implementations override them where a fused
 * or branch-free loop is faster. Bulk methods must give the same values as the scalar ones (the
 * backend contract suite checks it).
 */
public interface Activation {

    double value(double x);

    double derivative(double x);

    double secondDerivative(double x);

    /** What certificates may rely on. */
    ActivationProperties properties();

    /** out[o+i] := σ(in[i0+i]) for i in [0, len). */
    default void apply(double[] in, int inOffset, double[] out, int outOffset, int len) {
        for (int i = 0; i < len; i++) {
            out[outOffset + i] = value(in[inOffset + i]);
        }
    }

    /** out[o+i] := σ'(in[i0+i]). */
    default void applyDerivative(double[] in, int inOffset, double[] out, int outOffset, int len) {
        for (int i = 0; i < len; i++) {
            out[outOffset + i] = derivative(in[inOffset + i]);
        }
    }

    /** σ and σ' in one pass; {@code value} may alias {@code in} (it is read first). */
    default void applyWithDerivative(double[] in, int inOffset, double[] value, double[] deriv, int outOffset,
            int len) {
        for (int i = 0; i < len; i++) {
            double x = in[inOffset + i];
            deriv[outOffset + i] = derivative(x);
            value[outOffset + i] = value(x);
        }
    }

    /** Float version of {@link #apply(double[], int, double[], int, int)}; computes in double. */
    default void apply(float[] in, int inOffset, float[] out, int outOffset, int len) {
        for (int i = 0; i < len; i++) {
            out[outOffset + i] = (float) value(in[inOffset + i]);
        }
    }

    /** Float version of {@link #applyDerivative(double[], int, double[], int, int)}. */
    default void applyDerivative(float[] in, int inOffset, float[] out, int outOffset, int len) {
        for (int i = 0; i < len; i++) {
            out[outOffset + i] = (float) derivative(in[inOffset + i]);
        }
    }

    /** Float version of {@link #applyWithDerivative(double[], int, double[], double[], int, int)}. */
    default void applyWithDerivative(float[] in, int inOffset, float[] value, float[] deriv, int outOffset,
            int len) {
        for (int i = 0; i < len; i++) {
            double x = in[inOffset + i];
            deriv[outOffset + i] = (float) derivative(x);
            value[outOffset + i] = (float) value(x);
        }
    }

    /**
     * The standard function this activation is, if it is one, so that backends with their own
     * kernels (SIMD, GPU) may evaluate σ and σ' without the bulk methods; empty by default (the bulk
     * methods are used). Declaring one promises that {@link #value} and {@link #derivative} are that
     * function.
     */
    default Optional<ClosedForm> closedForm() {
        return Optional.empty();
    }

    /**
     * E[σ(u)σ(v)] for (u, v) ~ N(0, [[qa, c], [c, qb]]) in closed form, when the activation has one
     * (certificates fall back to quadrature otherwise).
     */
    default OptionalDouble gaussianPairExpectation(double qa, double qb, double c) {
        return OptionalDouble.empty();
    }

    /** E[σ'(u)σ'(v)] for the same pair, in closed form when available. */
    default OptionalDouble gaussianPairDerivativeExpectation(double qa, double qb, double c) {
        return OptionalDouble.empty();
    }
}
