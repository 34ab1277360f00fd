package org.gdcert.optimizers.monitors;

import java.util.ArrayList;
import java.util.List;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.train.Iterate;

/** The preactivations of the hidden layers with an activation, downloaded from an iterate. */
final class Hidden {
    private Hidden() {
    }

    /** The indices l of hidden layers with an activation. */
    static List<Integer> layers(NetworkSpec spec) {
        List<Integer> ls = new ArrayList<>();
        for (int l = 1; l < spec.depth(); l++) {
            if (spec.layer(l).activation().isPresent()) {
                ls.add(l);
            }
        }
        return ls;
    }

    /** G_l (N × n_l) at the iterate. */
    static HostMatrix preactivation(Iterate it, int l) {
        return it.network().backend().download(it.forward().preactivation(l));
    }

    /**
     * ‖(α_l w_j, b_j)‖ for each unit j of layer l: the scale of the preactivation G_l[:, j] per unit
     * input norm (α_l the layer's weight scale, b_j its bias if any).
     */
    static double[] unitNorms(Iterate it, int l) {
        ParameterSet p = it.network().parameters();
        Backend b = it.network().backend();
        LayerSpec ls = it.network().spec().layer(l);
        HostMatrix w = b.download(p.weight(l));
        double[] norms = new double[w.cols()];
        double a2 = ls.weightScale() * ls.weightScale();
        for (int r = 0; r < w.rows(); r++) {
            for (int j = 0; j < w.cols(); j++) {
                double v = w.get(r, j);
                norms[j] += a2 * v * v;
            }
        }
        if (ls.bias()) {
            HostMatrix bias = b.download(p.bias(l));
            for (int j = 0; j < w.cols(); j++) {
                norms[j] += bias.get(0, j) * bias.get(0, j);
            }
        }
        for (int j = 0; j < norms.length; j++) {
            norms[j] = Math.sqrt(norms[j]);
        }
        return norms;
    }
}
