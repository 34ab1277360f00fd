package org.gdcert.optimizers;

import java.util.List;
import java.util.Locale;
import org.gdcert.core.spi.Optimizer;
import org.gdcert.core.spi.OptimizerProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code sgd(eta, batch, momentum, nesterov, sampler, reshuffle, drop_last, scale)}: minibatch SGD
 * with heavy-ball or Nesterov momentum; see {@link StochasticGradientDescent} for the exact update
 * and what η means for a minibatch.
 */
public final class StochasticGradientDescentProvider implements OptimizerProvider {
    static final ParameterSpec BATCH = ParameterSpec.integer("batch", 32,
            "rows per minibatch b (capped at N; b = N with momentum 0 is gd)").withRange(1, Integer.MAX_VALUE);
    static final ParameterSpec MOMENTUM = ParameterSpec.real("momentum", 0,
            "heavy-ball momentum μ (PyTorch semantics: buf = μ·buf + g, θ -= η·buf); seed 004 uses 0.9")
            .withRange(0, true, 1, false);
    static final ParameterSpec NESTEROV = ParameterSpec.bool("nesterov", false,
            "Nesterov momentum: θ -= η·(g + μ·buf); needs momentum > 0");
    static final ParameterSpec SAMPLER = ParameterSpec.choice("sampler", "shuffle",
            List.of("shuffle", "cyclic", "subset", "replacement"),
            "shuffle: a permutation per epoch, cut into batches (PyTorch); cyclic: stored order; subset: a fresh"
                    + " uniform b-subset every step (seed 004's theorems); replacement: b indices drawn with"
                    + " replacement");
    static final ParameterSpec RESHUFFLE = ParameterSpec.bool("reshuffle", true,
            "sampler shuffle: draw a new permutation every epoch (false: shuffle once, keep the order)");
    static final ParameterSpec DROP_LAST = ParameterSpec.bool("drop_last", false,
            "epoch samplers: skip the last batch of an epoch when it has fewer than b rows");
    static final ParameterSpec SCALE = ParameterSpec.choice("scale", "sum", List.of("sum", "mean", "unbiased"),
            "minibatch gradient: sum = ∇ of ½Σ_{i∈batch} (seed 004), mean = divided by the batch size,"
                    + " unbiased = times N/b (expected step = gd's)");

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    public String description() {
        return "minibatch stochastic gradient descent with heavy-ball or Nesterov momentum, seeded sampling";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.of(GradientDescentProvider.ETA, BATCH, MOMENTUM, NESTEROV, SAMPLER, RESHUFFLE,
                DROP_LAST, SCALE);
    }

    @Override
    public Optimizer create(ValidatedParams params) {
        if (params.symbol("eta").isPresent()) {
            throw new IllegalArgumentException("sgd: eta=" + params.symbol("eta").get()
                    + " must be resolved to a number by the run engine before training");
        }
        return new StochasticGradientDescent(new StochasticGradientDescent.Settings(params.getDouble("eta"),
                params.getInt("batch"), params.getString("sampler"), params.getBoolean("reshuffle"),
                params.getBoolean("drop_last"), params.getDouble("momentum"), params.getBoolean("nesterov"),
                StochasticGradientDescent.Scale.valueOf(params.getString("scale").toUpperCase(Locale.ROOT))));
    }
}
