package org.gdcert.backend.vector;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ClosedForm;

/**
 * σ and σ' on the Vector API for activations that declare a {@link ClosedForm}: softplus, sigmoid
 * and tanh through {@link VectorMath}'s exp, expm1 and log1p (reproducible in every JIT mode), the
 * piecewise-linear ones through compares and blends; an order of magnitude faster than the scalar
 * {@code Math.exp}/{@code Math.log} loops of the bulk kernels. Float computes in float vectors.
 *
 * <p>A declaration is used only after it has been checked once per activation instance against the
 * activation's own {@code value} and {@code derivative} on a few points ({@link #usable}); an
 * activation that declares nothing, or a form that disagrees, goes through its bulk methods.
 */
final class VectorActivations {
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    /** Where a declared form is compared with the activation's scalar methods. */
    private static final double[] PROBES = {-40, -9.5, -3, -1, -0.3, -1e-3, 0, 1e-3, 0.3, 1, 3, 9.5, 40};
    /** Relative tolerance of that comparison. */
    private static final double PROBE_TOL = 1e-12;
    /** Entries per block when one of the outputs is missing and goes to scratch space. */
    private static final int BLOCK = 2048;

    private static final Map<Activation, Optional<ClosedForm>> CHECKED =
            Collections.synchronizedMap(new WeakHashMap<>());

    private VectorActivations() {
    }

    /** The activation's declared closed form if it agrees with its scalar methods; empty otherwise. */
    static Optional<ClosedForm> usable(Activation sigma) {
        Optional<ClosedForm> known = CHECKED.get(sigma);
        if (known != null) {
            return known;
        }
        Optional<ClosedForm> f = sigma.closedForm().filter(form -> agrees(sigma, form));
        CHECKED.put(sigma, f);
        return f;
    }

    private static boolean agrees(Activation sigma, ClosedForm form) {
        for (double x : PROBES) {
            double v = form.value(x);
            double d = form.derivative(x);
            if (!(Math.abs(sigma.value(x) - v) <= PROBE_TOL * Math.max(1, Math.abs(v)))
                    || !(Math.abs(sigma.derivative(x) - d) <= PROBE_TOL * Math.max(1, Math.abs(d)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * v[i] := σ(x[i]) and d[i] := σ'(x[i]) for i in [from, to); either output may be null (not
     * wanted); v may be x.
     */
    static void apply(ClosedForm f, double[] x, double[] v, double[] d, int from, int to) {
        if (v != null && d != null) {
            kernel(f, x, from, v, from, d, from, to - from);
            return;
        }
        double[] scratch = new double[Math.min(BLOCK, to - from)];
        for (int b = from; b < to; b += BLOCK) {
            int len = Math.min(BLOCK, to - b);
            kernel(f, x, b, v != null ? v : scratch, v != null ? b : 0, d != null ? d : scratch, d != null ? b : 0,
                    len);
        }
    }

    /** Float version of {@link #apply(ClosedForm, double[], double[], double[], int, int)}. */
    static void apply(ClosedForm f, float[] x, float[] v, float[] d, int from, int to) {
        if (v != null && d != null) {
            kernel(f, x, from, v, from, d, from, to - from);
            return;
        }
        float[] scratch = new float[Math.min(BLOCK, to - from)];
        for (int b = from; b < to; b += BLOCK) {
            int len = Math.min(BLOCK, to - b);
            kernel(f, x, b, v != null ? v : scratch, v != null ? b : 0, d != null ? d : scratch, d != null ? b : 0,
                    len);
        }
    }

    /**
     * v[vo + i] := σ(x[xo + i]), d[dOff + i] := σ'(x[xo + i]) for i &lt; len. The last len mod L
     * entries go through the same vector code on a padded copy, so every entry is computed the same
     * way wherever the range starts and ends (results do not depend on the number of threads).
     */
    private static void kernel(ClosedForm f, double[] x, int xo, double[] v, int vo, double[] d, int dOff, int len) {
        int lanes = DS.length();
        int end = len / lanes * lanes;
        vectors(f, x, xo, v, vo, d, dOff, end);
        int rest = len - end;
        if (rest > 0) {
            double[] tx = new double[lanes];
            double[] tv = new double[lanes];
            double[] td = new double[lanes];
            System.arraycopy(x, xo + end, tx, 0, rest);
            vectors(f, tx, 0, tv, 0, td, 0, lanes);
            System.arraycopy(td, 0, d, dOff + end, rest);
            System.arraycopy(tv, 0, v, vo + end, rest);
        }
    }

    private static void kernel(ClosedForm f, float[] x, int xo, float[] v, int vo, float[] d, int dOff, int len) {
        int lanes = FS.length();
        int end = len / lanes * lanes;
        vectors(f, x, xo, v, vo, d, dOff, end);
        int rest = len - end;
        if (rest > 0) {
            float[] tx = new float[lanes];
            float[] tv = new float[lanes];
            float[] td = new float[lanes];
            System.arraycopy(x, xo + end, tx, 0, rest);
            vectors(f, tx, 0, tv, 0, td, 0, lanes);
            System.arraycopy(td, 0, d, dOff + end, rest);
            System.arraycopy(tv, 0, v, vo + end, rest);
        }
    }

    /** The vector loops over [0, end), end a multiple of the lane count. */
    private static void vectors(ClosedForm f, double[] x, int xo, double[] v, int vo, double[] d, int dOff,
            int end) {
        if (f instanceof ClosedForm.Softplus) {
            softplus(x, xo, v, vo, d, dOff, end);
        } else if (f instanceof ClosedForm.Sigmoid) {
            sigmoid(x, xo, v, vo, d, dOff, end);
        } else if (f instanceof ClosedForm.Tanh) {
            tanh(x, xo, v, vo, d, dOff, end);
        } else if (f instanceof ClosedForm.Relu r) {
            relu(r.derivativeAtZero(), x, xo, v, vo, d, dOff, end);
        } else if (f instanceof ClosedForm.LeakyRelu l) {
            leaky(l.slope(), x, xo, v, vo, d, dOff, end);
        } else if (f instanceof ClosedForm.Identity) {
            leaky(1.0, x, xo, v, vo, d, dOff, end);
        } else {
            throw new IllegalStateException("no vector kernel for " + f);
        }
    }

    private static void vectors(ClosedForm f, float[] x, int xo, float[] v, int vo, float[] d, int dOff, int end) {
        if (f instanceof ClosedForm.Softplus) {
            softplus(x, xo, v, vo, d, dOff, end);
        } else if (f instanceof ClosedForm.Sigmoid) {
            sigmoid(x, xo, v, vo, d, dOff, end);
        } else if (f instanceof ClosedForm.Tanh) {
            tanh(x, xo, v, vo, d, dOff, end);
        } else if (f instanceof ClosedForm.Relu r) {
            relu((float) r.derivativeAtZero(), x, xo, v, vo, d, dOff, end);
        } else if (f instanceof ClosedForm.LeakyRelu l) {
            leaky((float) l.slope(), x, xo, v, vo, d, dOff, end);
        } else if (f instanceof ClosedForm.Identity) {
            leaky(1f, x, xo, v, vo, d, dOff, end);
        } else {
            throw new IllegalStateException("no vector kernel for " + f);
        }
    }

    // ---------------------------------------------------------------- double

    /** u = e^{−|x|}, w = 1/(1 + u): σ = max(x, 0) + log1p(u); σ' = w for x ≥ 0 and u·w below. */
    private static void softplus(double[] x, int xo, double[] v, int vo, double[] d, int dOff, int end) {
        DoubleVector one = DoubleVector.broadcast(DS, 1.0);
        for (int i = 0; i < end; i += DS.length()) {
            DoubleVector xv = DoubleVector.fromArray(DS, x, xo + i);
            DoubleVector u = VectorMath.expNonPositive(xv.abs().neg());
            DoubleVector w = one.div(u.add(one));
            u.mul(w).blend(w, xv.compare(VectorOperators.GE, 0.0)).intoArray(d, dOff + i);
            xv.max(0.0).add(VectorMath.log1pUnit(u)).intoArray(v, vo + i);
        }
    }

    /** σ = w for x ≥ 0 and u·w below, σ' = u·w², with u = e^{−|x|}, w = 1/(1 + u). */
    private static void sigmoid(double[] x, int xo, double[] v, int vo, double[] d, int dOff, int end) {
        DoubleVector one = DoubleVector.broadcast(DS, 1.0);
        for (int i = 0; i < end; i += DS.length()) {
            DoubleVector xv = DoubleVector.fromArray(DS, x, xo + i);
            DoubleVector u = VectorMath.expNonPositive(xv.abs().neg());
            DoubleVector w = one.div(u.add(one));
            DoubleVector uw = u.mul(w);
            uw.mul(w).intoArray(d, dOff + i);
            uw.blend(w, xv.compare(VectorOperators.GE, 0.0)).intoArray(v, vo + i);
        }
    }

    /** e = expm1(−2|x|), s = 2 + e: |tanh x| = −e/s with the sign of x, σ' = 1 − tanh² = 4(1 + e)/s². */
    private static void tanh(double[] x, int xo, double[] v, int vo, double[] d, int dOff, int end) {
        for (int i = 0; i < end; i += DS.length()) {
            DoubleVector xv = DoubleVector.fromArray(DS, x, xo + i);
            DoubleVector e = VectorMath.expm1NonPositive(xv.abs().mul(-2.0));
            DoubleVector s = e.add(2.0);
            e.add(1.0).mul(4.0).div(s.mul(s)).intoArray(d, dOff + i);
            DoubleVector t = e.neg().div(s);
            t.blend(t.neg(), xv.compare(VectorOperators.LT, 0.0)).intoArray(v, vo + i);
        }
    }

    private static void relu(double atZero, double[] x, int xo, double[] v, int vo, double[] d, int dOff, int end) {
        DoubleVector zero = DoubleVector.zero(DS);
        DoubleVector one = DoubleVector.broadcast(DS, 1.0);
        DoubleVector z = DoubleVector.broadcast(DS, atZero);
        for (int i = 0; i < end; i += DS.length()) {
            DoubleVector xv = DoubleVector.fromArray(DS, x, xo + i);
            z.blend(one, xv.compare(VectorOperators.GT, zero)).blend(zero, xv.compare(VectorOperators.LT, zero))
                    .intoArray(d, dOff + i);
            xv.max(zero).intoArray(v, vo + i);
        }
    }

    private static void leaky(double a, double[] x, int xo, double[] v, int vo, double[] d, int dOff, int end) {
        DoubleVector zero = DoubleVector.zero(DS);
        DoubleVector one = DoubleVector.broadcast(DS, 1.0);
        DoubleVector slope = DoubleVector.broadcast(DS, a);
        for (int i = 0; i < end; i += DS.length()) {
            DoubleVector xv = DoubleVector.fromArray(DS, x, xo + i);
            slope.blend(one, xv.compare(VectorOperators.GT, zero)).intoArray(d, dOff + i);
            xv.max(xv.mul(slope)).intoArray(v, vo + i);
        }
    }

    // ---------------------------------------------------------------- float

    private static void softplus(float[] x, int xo, float[] v, int vo, float[] d, int dOff, int end) {
        FloatVector one = FloatVector.broadcast(FS, 1f);
        for (int i = 0; i < end; i += FS.length()) {
            FloatVector xv = FloatVector.fromArray(FS, x, xo + i);
            FloatVector u = VectorMath.expNonPositive(xv.abs().neg());
            FloatVector w = one.div(u.add(one));
            u.mul(w).blend(w, xv.compare(VectorOperators.GE, 0f)).intoArray(d, dOff + i);
            xv.max(0f).add(VectorMath.log1pUnit(u)).intoArray(v, vo + i);
        }
    }

    private static void sigmoid(float[] x, int xo, float[] v, int vo, float[] d, int dOff, int end) {
        FloatVector one = FloatVector.broadcast(FS, 1f);
        for (int i = 0; i < end; i += FS.length()) {
            FloatVector xv = FloatVector.fromArray(FS, x, xo + i);
            FloatVector u = VectorMath.expNonPositive(xv.abs().neg());
            FloatVector w = one.div(u.add(one));
            FloatVector uw = u.mul(w);
            uw.mul(w).intoArray(d, dOff + i);
            uw.blend(w, xv.compare(VectorOperators.GE, 0f)).intoArray(v, vo + i);
        }
    }

    private static void tanh(float[] x, int xo, float[] v, int vo, float[] d, int dOff, int end) {
        for (int i = 0; i < end; i += FS.length()) {
            FloatVector xv = FloatVector.fromArray(FS, x, xo + i);
            FloatVector e = VectorMath.expm1NonPositive(xv.abs().mul(-2f));
            FloatVector s = e.add(2f);
            e.add(1f).mul(4f).div(s.mul(s)).intoArray(d, dOff + i);
            FloatVector t = e.neg().div(s);
            t.blend(t.neg(), xv.compare(VectorOperators.LT, 0f)).intoArray(v, vo + i);
        }
    }

    private static void relu(float atZero, float[] x, int xo, float[] v, int vo, float[] d, int dOff, int end) {
        FloatVector zero = FloatVector.zero(FS);
        FloatVector one = FloatVector.broadcast(FS, 1f);
        FloatVector z = FloatVector.broadcast(FS, atZero);
        for (int i = 0; i < end; i += FS.length()) {
            FloatVector xv = FloatVector.fromArray(FS, x, xo + i);
            z.blend(one, xv.compare(VectorOperators.GT, zero)).blend(zero, xv.compare(VectorOperators.LT, zero))
                    .intoArray(d, dOff + i);
            xv.max(zero).intoArray(v, vo + i);
        }
    }

    private static void leaky(float a, float[] x, int xo, float[] v, int vo, float[] d, int dOff, int end) {
        FloatVector zero = FloatVector.zero(FS);
        FloatVector one = FloatVector.broadcast(FS, 1f);
        FloatVector slope = FloatVector.broadcast(FS, a);
        for (int i = 0; i < end; i += FS.length()) {
            FloatVector xv = FloatVector.fromArray(FS, x, xo + i);
            slope.blend(one, xv.compare(VectorOperators.GT, zero)).intoArray(d, dOff + i);
            xv.max(xv.mul(slope)).intoArray(v, vo + i);
        }
    }
}
