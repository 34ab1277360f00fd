package org.gdcert.certificates.nguyen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gdcert.certificates.kernels.Spectral;
import org.gdcert.certificates.testing.Acts;
import org.gdcert.certificates.testing.Ctx;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.testing.ReferenceBackend;
import org.junit.jupiter.api.Test;

/**
 * B1 of spec §4 on random instances: the bounds the proofs use hold for the engine's forward pass
 * and gradient — P0-(17) ‖F_l‖_F ≤ ‖X‖_F ∏_{p≤l} ‖W_p‖_2 (|σ(x)| ≤ |x|) and P0-(18) = P1-(4)
 * ‖∇_{W_l}Φ‖_F ≤ ‖X‖_F ∏_{p≠l} ‖W_p‖_2 ‖F_L − Y‖_F (|σ'| ≤ 1).
 */
class EngineBoundsTest {
    private static final double ROUNDING = 1 + 1e-12;

    @Test
    void forwardAndGradientBoundsHold() {
        ReferenceBackend b = new ReferenceBackend();
        List<Configured<Activation>> acts = List.of(Acts.smoothRelu(0.3, 2), Acts.relu(), Acts.leaky(0.2),
                Acts.tanh());
        long seed = 70;
        for (Configured<Activation> act : acts) {
            for (int trial = 0; trial < 3; trial++, seed++) {
                int[] widths = {9, 7, 5, 2};
                HostMatrix x = Ctx.sphere(6, 4, seed);
                HostMatrix y = Ctx.signs(6, seed);
                HostMatrix y2 = new HostMatrix(6, 2);
                for (int i = 0; i < 6; i++) {
                    y2.set(i, 0, y.get(i, 0));
                    y2.set(i, 1, -y.get(i, 0));
                }
                List<HostMatrix> ws = Ctx.lecun(4, widths, seed + 1000);
                ws.forEach(w -> w.scaleInPlace(1.7));
                NetworkSpec spec = Ctx.mlp(4, widths, act);
                Network net = Ctx.of(b, spec, x, y2, ws, java.util.OptionalDouble.empty()).network();
                double[] s = new double[5];
                for (int l = 1; l <= 4; l++) {
                    s[l] = Spectral.singularValues(ws.get(l - 1))[0];
                }
                double xf = x.frobeniusNorm();
                try (Matrix mx = b.upload(x); Matrix my = b.upload(y2); ForwardPass fp = net.newForwardPass(6);
                        ParameterSet g = net.parameters().zerosLike()) {
                    net.forward(mx, fp);
                    double phi = net.loss(fp, my);
                    net.gradient(fp, g);
                    double prod = 1;
                    for (int l = 1; l <= 4; l++) {
                        prod *= s[l];
                        double fl = Math.sqrt(b.sumOfSquares(fp.features(l)));
                        assertThat(fl).as("(17) %s l=%d", act, l).isLessThanOrEqualTo(xf * prod * ROUNDING);
                    }
                    for (int l = 1; l <= 4; l++) {
                        double others = prod / s[l];
                        double gl = Math.sqrt(b.sumOfSquares(g.weight(l)));
                        assertThat(gl).as("(18) %s l=%d", act, l)
                                .isLessThanOrEqualTo(xf * others * Math.sqrt(2 * phi) * ROUNDING);
                    }
                }
            }
        }
    }
}
