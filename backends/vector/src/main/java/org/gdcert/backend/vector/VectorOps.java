package org.gdcert.backend.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Elementwise kernels and reductions on the Vector API over index ranges [from, to) of row-major
 * arrays, with the preferred species and a scalar tail. Reductions accumulate in double, float input
 * included (each float vector is widened to doubles), in {@value #ACCUMULATORS} independent vector
 * accumulators so that consecutive FMAs do not wait for each other, and add the lanes in a fixed
 * order (results repeat exactly from run to run).
 */
final class VectorOps {
    static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    /** Floats as many as the doubles of one vector (half the bits), widened to {@link #DS} exactly. */
    static final VectorSpecies<Float> FHALF = FloatVector.SPECIES_PREFERRED.withShape(
            VectorShape.forBitSize(Math.max(64, DS.vectorBitSize() / 2)));
    static final int ACCUMULATORS = 4;

    private VectorOps() {
    }

    // ---------------------------------------------------------------- double

    /** o := x ∘ y. */
    static void hadamard(double[] x, double[] y, double[] o, int from, int to) {
        int i = from;
        for (int end = from + DS.loopBound(to - from); i < end; i += DS.length()) {
            DoubleVector.fromArray(DS, x, i).mul(DoubleVector.fromArray(DS, y, i)).intoArray(o, i);
        }
        for (; i < to; i++) {
            o[i] = x[i] * y[i];
        }
    }

    /** o := x − y. */
    static void sub(double[] x, double[] y, double[] o, int from, int to) {
        int i = from;
        for (int end = from + DS.loopBound(to - from); i < end; i += DS.length()) {
            DoubleVector.fromArray(DS, x, i).sub(DoubleVector.fromArray(DS, y, i)).intoArray(o, i);
        }
        for (; i < to; i++) {
            o[i] = x[i] - y[i];
        }
    }

    /** y := alpha·x + beta·y; with beta == 0 the old y is not read. */
    static void axpby(double alpha, double[] x, double beta, double[] y, int from, int to) {
        int i = from;
        int end = from + DS.loopBound(to - from);
        if (beta == 0) {
            for (; i < end; i += DS.length()) {
                DoubleVector.fromArray(DS, x, i).mul(alpha).intoArray(y, i);
            }
            for (; i < to; i++) {
                y[i] = alpha * x[i];
            }
        } else if (beta == 1) {
            DoubleVector a = DoubleVector.broadcast(DS, alpha);
            for (; i < end; i += DS.length()) {
                DoubleVector.fromArray(DS, x, i).fma(a, DoubleVector.fromArray(DS, y, i)).intoArray(y, i);
            }
            for (; i < to; i++) {
                y[i] = Math.fma(alpha, x[i], y[i]);
            }
        } else {
            DoubleVector a = DoubleVector.broadcast(DS, alpha);
            for (; i < end; i += DS.length()) {
                DoubleVector.fromArray(DS, x, i).fma(a, DoubleVector.fromArray(DS, y, i).mul(beta)).intoArray(y, i);
            }
            for (; i < to; i++) {
                y[i] = Math.fma(alpha, x[i], beta * y[i]);
            }
        }
    }

    /** Σ x_i y_i over the range. */
    static double dot(double[] x, double[] y, int from, int to) {
        int step = DS.length() * ACCUMULATORS;
        int i = from;
        DoubleVector s0 = DoubleVector.zero(DS);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        for (int end = from + (to - from) / step * step; i < end; i += step) {
            s0 = DoubleVector.fromArray(DS, x, i).fma(DoubleVector.fromArray(DS, y, i), s0);
            s1 = DoubleVector.fromArray(DS, x, i + DS.length()).fma(DoubleVector.fromArray(DS, y, i + DS.length()), s1);
            s2 = DoubleVector.fromArray(DS, x, i + 2 * DS.length())
                    .fma(DoubleVector.fromArray(DS, y, i + 2 * DS.length()), s2);
            s3 = DoubleVector.fromArray(DS, x, i + 3 * DS.length())
                    .fma(DoubleVector.fromArray(DS, y, i + 3 * DS.length()), s3);
        }
        for (int end = from + DS.loopBound(to - from); i < end; i += DS.length()) {
            s0 = DoubleVector.fromArray(DS, x, i).fma(DoubleVector.fromArray(DS, y, i), s0);
        }
        double s = sumLanes(s0.add(s1).add(s2.add(s3)));
        for (; i < to; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    /**
     * The lanes added in lane order: the Vector API leaves the order of a floating-point
     * {@code reduceLanes(ADD)} open, and it could differ between the interpreter and compiled code.
     */
    private static double sumLanes(DoubleVector v) {
        double[] lanes = new double[DS.length()];
        v.intoArray(lanes, 0);
        double s = 0;
        for (double x : lanes) {
            s += x;
        }
        return s;
    }

    // ---------------------------------------------------------------- float

    /** o := x ∘ y. */
    static void hadamard(float[] x, float[] y, float[] o, int from, int to) {
        int i = from;
        for (int end = from + FS.loopBound(to - from); i < end; i += FS.length()) {
            FloatVector.fromArray(FS, x, i).mul(FloatVector.fromArray(FS, y, i)).intoArray(o, i);
        }
        for (; i < to; i++) {
            o[i] = x[i] * y[i];
        }
    }

    /** o := x − y. */
    static void sub(float[] x, float[] y, float[] o, int from, int to) {
        int i = from;
        for (int end = from + FS.loopBound(to - from); i < end; i += FS.length()) {
            FloatVector.fromArray(FS, x, i).sub(FloatVector.fromArray(FS, y, i)).intoArray(o, i);
        }
        for (; i < to; i++) {
            o[i] = x[i] - y[i];
        }
    }

    /** y := alpha·x + beta·y; with beta == 0 the old y is not read. */
    static void axpby(float alpha, float[] x, float beta, float[] y, int from, int to) {
        int i = from;
        int end = from + FS.loopBound(to - from);
        if (beta == 0) {
            for (; i < end; i += FS.length()) {
                FloatVector.fromArray(FS, x, i).mul(alpha).intoArray(y, i);
            }
            for (; i < to; i++) {
                y[i] = alpha * x[i];
            }
        } else if (beta == 1) {
            FloatVector a = FloatVector.broadcast(FS, alpha);
            for (; i < end; i += FS.length()) {
                FloatVector.fromArray(FS, x, i).fma(a, FloatVector.fromArray(FS, y, i)).intoArray(y, i);
            }
            for (; i < to; i++) {
                y[i] = Math.fma(alpha, x[i], y[i]);
            }
        } else {
            FloatVector a = FloatVector.broadcast(FS, alpha);
            for (; i < end; i += FS.length()) {
                FloatVector.fromArray(FS, x, i).fma(a, FloatVector.fromArray(FS, y, i).mul(beta)).intoArray(y, i);
            }
            for (; i < to; i++) {
                y[i] = Math.fma(alpha, x[i], beta * y[i]);
            }
        }
    }

    /** Σ x_i y_i over the range, each product and sum in double. */
    static double dot(float[] x, float[] y, int from, int to) {
        int lanes = FHALF.length();
        if (lanes != DS.length()) { // a one-lane double species: no float species to widen from
            double s = 0;
            for (int i = from; i < to; i++) {
                s += (double) x[i] * y[i];
            }
            return s;
        }
        int step = lanes * 2;
        int i = from;
        DoubleVector s0 = DoubleVector.zero(DS);
        DoubleVector s1 = s0;
        for (int end = from + (to - from) / step * step; i < end; i += step) {
            s0 = widen(x, i).fma(widen(y, i), s0);
            s1 = widen(x, i + lanes).fma(widen(y, i + lanes), s1);
        }
        double s = sumLanes(s0.add(s1));
        for (; i < to; i++) {
            s += (double) x[i] * y[i];
        }
        return s;
    }

    /** The {@link #FHALF} floats at x[i..] as a vector of doubles. */
    private static DoubleVector widen(float[] x, int i) {
        return (DoubleVector) FloatVector.fromArray(FHALF, x, i).convertShape(VectorOperators.F2D, DS, 0);
    }
}
