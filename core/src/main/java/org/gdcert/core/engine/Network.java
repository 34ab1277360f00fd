package org.gdcert.core.engine;

import java.util.Objects;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;

/**
 * The network engine, written once against {@link Backend}: forward pass, loss
 * Φ = ½‖F_L − Y‖²_F, gradients of every trainable layer (a vector-Jacobian product with the
 * residual), and Jacobian-vector products of the output, for every layer kind of
 * {@link LayerSpec} (biases, scales, residual blocks, frozen layers).
 *
 * <p>Conventions of the seeds: F_0 = X (N × d); G_l = α_l F_{l-1} W_l (+ 1 b_lᵀ); hidden
 * F_l = s_l σ(G_l) (+ F_{l-1} if residual); output F_L = G_L. The Jacobian J is that of vec(F_L)
 * with respect to the trainable parameters.
 */
public final class Network {
    private final NetworkSpec spec;
    private final ParameterSet params;
    private final Backend backend;

    public Network(ParameterSet params) {
        this.params = Objects.requireNonNull(params);
        this.spec = params.spec();
        this.backend = params.backend();
    }

    public NetworkSpec spec() {
        return spec;
    }

    /** θ, updated in place by optimizers. */
    public ParameterSet parameters() {
        return params;
    }

    public Backend backend() {
        return backend;
    }

    /** Buffers for forward and backward passes over {@code rows} samples. */
    public ForwardPass newForwardPass(int rows) {
        return new ForwardPass(spec, backend, rows);
    }

    /** Runs the forward pass of {@code x} (rows × d) at the current parameters into {@code fp}. */
    public void forward(Matrix x, ForwardPass fp) {
        if (x.rows() != fp.rows || x.cols() != spec.inputDim()) {
            throw new IllegalArgumentException("input is " + x.rows() + "x" + x.cols() + ", expected " + fp.rows
                    + "x" + spec.inputDim());
        }
        fp.input = x;
        Matrix prev = x;
        int depth = spec.depth();
        for (int l = 1; l <= depth; l++) {
            LayerSpec ls = spec.layer(l);
            Matrix g = fp.pre[l];
            backend.gemm(false, false, ls.weightScale(), prev, params.weight(l), 0, g);
            if (ls.bias()) {
                backend.addRowVector(params.bias(l), g);
            }
            if (l < depth) {
                Matrix f = fp.features[l];
                if (ls.activation().isPresent()) {
                    backend.activation(ls.activation().get().instance(), g, f, fp.deriv[l]);
                } else {
                    backend.copy(g, f);
                }
                if (ls.branchScale() != 1) {
                    backend.scale(ls.branchScale(), f);
                }
                if (ls.residual()) {
                    backend.axpy(1, prev, f);
                }
                prev = f;
            }
        }
        fp.valid = true;
    }

    /** Φ = ½‖F_L − Y‖²_F of the last forward pass; leaves F_L − Y in {@link ForwardPass#residual()}. */
    public double loss(ForwardPass fp, Matrix y) {
        requireValid(fp);
        backend.sub(fp.output(), y, fp.residual);
        return 0.5 * backend.sumOfSquares(fp.residual);
    }

    /** ∇Φ at the parameters of the last forward pass; call {@link #loss} first. */
    public void gradient(ForwardPass fp, ParameterSet grad) {
        vjp(fp, fp.residual, grad);
    }

    /**
     * grad := Jᵀ u, the vector-Jacobian product of the output with {@code u} (rows × n_L), for
     * every trainable layer. Frozen layers of {@code grad} are left untouched.
     */
    public void vjp(ForwardPass fp, Matrix u, ParameterSet grad) {
        requireValid(fp);
        if (u.rows() != fp.rows || u.cols() != spec.outputDim()) {
            throw new IllegalArgumentException("vjp vector is " + u.rows() + "x" + u.cols());
        }
        int depth = spec.depth();
        Matrix dF = u;
        for (int l = depth; l >= 1; l--) {
            LayerSpec ls = spec.layer(l);
            int n = spec.width(l);
            Matrix dG;
            if (l == depth || ls.activation().isEmpty()) {
                if (ls.branchScale() != 1 && l < depth) {
                    dG = fp.backG(l, n);
                    backend.axpby(ls.branchScale(), dF, 0, dG);
                } else {
                    dG = dF;
                }
            } else {
                dG = fp.backG(l, n);
                backend.hadamard(fp.deriv[l], dF, dG);
                if (ls.branchScale() != 1) {
                    backend.scale(ls.branchScale(), dG);
                }
            }
            Matrix prevF = fp.features(l - 1);
            if (ls.trainable()) {
                backend.gemm(true, false, ls.weightScale(), prevF, dG, 0, grad.weight(l));
                if (ls.bias()) {
                    backend.columnSums(dG, grad.bias(l));
                }
            }
            if (l > 1) {
                Matrix dPrev = fp.backF(l - 1, spec.width(l - 1));
                if (ls.residual()) {
                    backend.copy(dF, dPrev);
                    backend.gemm(false, true, ls.weightScale(), dG, params.weight(l), 1, dPrev);
                } else {
                    backend.gemm(false, true, ls.weightScale(), dG, params.weight(l), 0, dPrev);
                }
                dF = dPrev;
            }
        }
    }

    /**
     * out := J v, the Jacobian-vector product of the output (rows × n_L) with the direction
     * {@code v}; frozen layers of {@code v} are ignored.
     */
    public void jvp(ForwardPass fp, ParameterSet v, Matrix out) {
        requireValid(fp);
        if (out.rows() != fp.rows || out.cols() != spec.outputDim()) {
            throw new IllegalArgumentException("jvp output is " + out.rows() + "x" + out.cols());
        }
        int depth = spec.depth();
        Matrix tPrev = null; // tangent of F_{l-1}; null means zero
        for (int l = 1; l <= depth; l++) {
            LayerSpec ls = spec.layer(l);
            int n = spec.width(l);
            Matrix tG = l == depth ? out : fp.tanG(l, n);
            boolean any = false;
            if (ls.trainable()) {
                backend.gemm(false, false, ls.weightScale(), fp.features(l - 1), v.weight(l), 0, tG);
                any = true;
            }
            if (tPrev != null) {
                backend.gemm(false, false, ls.weightScale(), tPrev, params.weight(l), any ? 1 : 0, tG);
                any = true;
            }
            if (!any) {
                backend.fill(tG, 0);
            }
            if (ls.trainable() && ls.bias()) {
                backend.addRowVector(v.bias(l), tG);
            }
            if (l == depth) {
                break;
            }
            Matrix tF = fp.tanF(l, n);
            Activation sigma = ls.activation().map(c -> c.instance()).orElse(null);
            if (sigma != null) {
                backend.hadamard(fp.deriv[l], tG, tF);
            } else {
                backend.copy(tG, tF);
            }
            if (ls.branchScale() != 1) {
                backend.scale(ls.branchScale(), tF);
            }
            if (ls.residual() && tPrev != null) {
                backend.axpy(1, tPrev, tF);
            }
            tPrev = tF;
        }
    }

    private static void requireValid(ForwardPass fp) {
        if (!fp.valid) {
            throw new IllegalStateException("run forward() first");
        }
    }
}
