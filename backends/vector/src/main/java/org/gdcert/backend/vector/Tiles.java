package org.gdcert.backend.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Write-back of a micro-kernel's tile into C: C[r, j] := α · tile[r·stride + j] + β · C[r, j] for
 * r &lt; rows, j &lt; cols, where C[r, j] is {@code c[off + r·rs + j·cs]}. With β == 0 the old C is
 * not read (NaN there does not propagate). Rows of C that are contiguous ({@code cs == 1}) are
 * written with vectors; a transposed C ({@code rs == 1}) row by row of the tile's columns.
 */
final class Tiles {
    private static final VectorSpecies<Double> DS = VectorDoubleKernel.S;
    private static final VectorSpecies<Float> FS = VectorFloatKernel.S;

    private Tiles() {
    }

    static void store(double[] tile, int stride, int rows, int cols, double alpha, double beta, double[] c, int off,
            int rs, int cs) {
        if (cs == 1) {
            int vecEnd = DS.loopBound(cols);
            DoubleVector av = DoubleVector.broadcast(DS, alpha);
            for (int r = 0; r < rows; r++) {
                int t = r * stride;
                int o = off + r * rs;
                int j = 0;
                if (beta == 0) {
                    for (; j < vecEnd; j += DS.length()) {
                        DoubleVector.fromArray(DS, tile, t + j).mul(alpha).intoArray(c, o + j);
                    }
                    for (; j < cols; j++) {
                        c[o + j] = alpha * tile[t + j];
                    }
                } else if (beta == 1) {
                    for (; j < vecEnd; j += DS.length()) {
                        DoubleVector.fromArray(DS, tile, t + j).fma(av, DoubleVector.fromArray(DS, c, o + j))
                                .intoArray(c, o + j);
                    }
                    for (; j < cols; j++) {
                        c[o + j] = Math.fma(alpha, tile[t + j], c[o + j]);
                    }
                } else {
                    for (; j < vecEnd; j += DS.length()) {
                        DoubleVector old = DoubleVector.fromArray(DS, c, o + j).mul(beta);
                        DoubleVector.fromArray(DS, tile, t + j).fma(av, old).intoArray(c, o + j);
                    }
                    for (; j < cols; j++) {
                        c[o + j] = Math.fma(alpha, tile[t + j], beta * c[o + j]);
                    }
                }
            }
        } else {
            for (int j = 0; j < cols; j++) {
                int o = off + j * cs;
                if (beta == 0) {
                    for (int r = 0; r < rows; r++) {
                        c[o + r * rs] = alpha * tile[r * stride + j];
                    }
                } else {
                    for (int r = 0; r < rows; r++) {
                        c[o + r * rs] = Math.fma(alpha, tile[r * stride + j], beta * c[o + r * rs]);
                    }
                }
            }
        }
    }

    static void store(float[] tile, int stride, int rows, int cols, float alpha, float beta, float[] c, int off,
            int rs, int cs) {
        if (cs == 1) {
            int vecEnd = FS.loopBound(cols);
            FloatVector av = FloatVector.broadcast(FS, alpha);
            for (int r = 0; r < rows; r++) {
                int t = r * stride;
                int o = off + r * rs;
                int j = 0;
                if (beta == 0) {
                    for (; j < vecEnd; j += FS.length()) {
                        FloatVector.fromArray(FS, tile, t + j).mul(alpha).intoArray(c, o + j);
                    }
                    for (; j < cols; j++) {
                        c[o + j] = alpha * tile[t + j];
                    }
                } else if (beta == 1) {
                    for (; j < vecEnd; j += FS.length()) {
                        FloatVector.fromArray(FS, tile, t + j).fma(av, FloatVector.fromArray(FS, c, o + j))
                                .intoArray(c, o + j);
                    }
                    for (; j < cols; j++) {
                        c[o + j] = Math.fma(alpha, tile[t + j], c[o + j]);
                    }
                } else {
                    for (; j < vecEnd; j += FS.length()) {
                        FloatVector old = FloatVector.fromArray(FS, c, o + j).mul(beta);
                        FloatVector.fromArray(FS, tile, t + j).fma(av, old).intoArray(c, o + j);
                    }
                    for (; j < cols; j++) {
                        c[o + j] = Math.fma(alpha, tile[t + j], beta * c[o + j]);
                    }
                }
            }
        } else {
            for (int j = 0; j < cols; j++) {
                int o = off + j * cs;
                if (beta == 0) {
                    for (int r = 0; r < rows; r++) {
                        c[o + r * rs] = alpha * tile[r * stride + j];
                    }
                } else {
                    for (int r = 0; r < rows; r++) {
                        c[o + r * rs] = Math.fma(alpha, tile[r * stride + j], beta * c[o + r * rs]);
                    }
                }
            }
        }
    }
}
