package org.gdcert.optimizers;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.spi.Optimizer;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.Decision;
import org.gdcert.core.train.Objective;
import org.gdcert.core.train.TrainingControl;
import org.gdcert.core.train.TrainingProblem;
import org.gdcert.core.train.TrainingResult;

/**
 * Minibatch stochastic gradient descent with optional heavy-ball or Nesterov momentum, with
 * PyTorch's {@code torch.optim.SGD} semantics (dampening 0, no weight decay):
 * <pre>
 *   g_k   = c · ∇ L^b(θ_k, A_k)            (A_k the k-th batch, c the {@link Scale} factor)
 *   buf_0 = g_0,  buf_k = μ buf_{k−1} + g_k
 *   θ_{k+1} = θ_k − η buf_k                 (heavy ball; μ = 0 is plain SGD)
 *   θ_{k+1} = θ_k − η (g_k + μ buf_k)       (Nesterov)
 * </pre>
 *
 * <p><b>What η means.</b> L^b is the run's loss reduction over the batch rows: with the default
 * ½Σ it is seed 004's L^b(θ, A) = ½ Σ_{i∈A} ‖Ŷ_i − Y_i‖² (a sum, so E L^b = (b/N) L), and
 * {@link Scale#SUM} (the default) steps along its gradient. {@link Scale#MEAN} divides that
 * gradient by the batch size (η is then a step on ½·mean), {@link Scale#UNBIASED} multiplies it
 * by N/b, so that the expected step is the full-batch gd step η∇L.
 *
 * <p><b>Time axis.</b> Steps report t_k = k · η · c · b / N (seed 004's scaling from the proof of
 * Theorem 5.6; k·η for a full batch with the sum, as in gd); momentum is not folded in.
 *
 * <p><b>Full batch.</b> With b ≥ N and a sampler other than {@code replacement} every step uses
 * the whole training set in stored order through the same code path as gd: with μ = 0 and the
 * sum scale the iterates equal gd's bit for bit.
 */
public final class StochasticGradientDescent implements Optimizer {

    /** How the minibatch gradient is scaled before the step. */
    public enum Scale {
        /** ∇ of the (reduced) batch loss as is: seed 004's ½Σ_{i∈A}. */
        SUM,
        /** Divided by the number of rows in the batch. */
        MEAN,
        /** Multiplied by N / (rows in the batch): an unbiased estimate of the full gradient. */
        UNBIASED
    }

    /**
     * The settings.
     *
     * @param eta step size η &gt; 0
     * @param batch rows per batch (capped at N)
     * @param sampler how batches are drawn
     * @param reshuffle a new permutation every epoch (sampler shuffle)
     * @param dropLast skip the short last batch of an epoch
     * @param momentum μ in [0, 1)
     * @param nesterov Nesterov momentum (needs μ &gt; 0)
     * @param scale gradient scaling
     */
    public record Settings(double eta, int batch, String sampler, boolean reshuffle, boolean dropLast,
            double momentum, boolean nesterov, Scale scale) {
        public Settings {
            Objects.requireNonNull(sampler);
            Objects.requireNonNull(scale);
            if (!(eta > 0) || Double.isInfinite(eta)) {
                throw new IllegalArgumentException("sgd: step size eta must be positive and finite, got " + eta);
            }
            if (batch < 1) {
                throw new IllegalArgumentException("sgd: batch must be >= 1, got " + batch);
            }
            if (!(momentum >= 0 && momentum < 1)) {
                throw new IllegalArgumentException("sgd: momentum must be in [0, 1), got " + momentum);
            }
            if (nesterov && momentum == 0) {
                throw new IllegalArgumentException("sgd: nesterov=true needs momentum > 0");
            }
            sampler(sampler);
        }

        static Minibatches.Sampler sampler(String name) {
            return switch (name) {
                case "shuffle" -> Minibatches.Sampler.SHUFFLE;
                case "cyclic" -> Minibatches.Sampler.CYCLIC;
                case "subset" -> Minibatches.Sampler.SUBSET;
                case "replacement" -> Minibatches.Sampler.REPLACEMENT;
                default -> throw new IllegalArgumentException("sgd: unknown sampler '" + name
                        + "' (shuffle, cyclic, subset, replacement)");
            };
        }
    }

    private final Settings s;

    public StochasticGradientDescent(Settings settings) {
        this.s = Objects.requireNonNull(settings);
    }

    public Settings settings() {
        return s;
    }

    @Override
    public Axis axis() {
        return Axis.STEP;
    }

    @Override
    public OptionalDouble stepSize() {
        return OptionalDouble.of(s.eta());
    }

    private static double factor(Scale scale, int rows, int n) {
        return switch (scale) {
            case SUM -> 1.0;
            case MEAN -> 1.0 / rows;
            case UNBIASED -> (double) n / rows;
        };
    }

    @Override
    public TrainingResult train(TrainingProblem problem, TrainingControl control) {
        int n = problem.samples();
        Minibatches.Sampler sampler = Settings.sampler(s.sampler());
        int b = Math.min(s.batch(), n);
        if (s.batch() > n) {
            control.note("sgd: batch " + s.batch() + " > N = " + n + ", using the full batch");
        }
        boolean fullBatch = b == n && sampler != Minibatches.Sampler.REPLACEMENT;
        double dt = s.eta() * (factor(s.scale(), b, n) * b / n); // exactly η for a full batch with the sum
        ParameterSet theta = problem.network().parameters();
        Minibatches batches = fullBatch ? null
                : new Minibatches(n, b, sampler, s.reshuffle(), s.dropLast(), problem.rng());
        double mu = s.momentum();
        try (Objective objective = new Objective(problem); ParameterSet grad = theta.zerosLike();
                ParameterSet buf = mu > 0 ? theta.zerosLike() : null) {
            long k = 0;
            while (true) {
                double time = k * dt;
                double reported;
                int rows;
                if (fullBatch) {
                    reported = objective.loss();
                    rows = n;
                } else {
                    int[] batch = batches.next();
                    rows = batch.length;
                    double batchLoss = objective.batchLossAndGradient(batch, grad);
                    // a non-finite batch loss means θ_k blew up: hand the control the full loss so it stops
                    reported = Double.isFinite(batchLoss) ? Double.NaN : objective.loss();
                }
                Decision d = control.observe(k, time, reported, false);
                if (d.shouldStop()) {
                    double last = fullBatch || !Double.isNaN(reported) ? reported : objective.loss();
                    return new TrainingResult(d.stop().orElseThrow(), d.message(), k, time, last,
                            objective.gradientEvaluations(), counters(batches, k));
                }
                if (fullBatch) {
                    objective.gradientAtLastLoss(grad);
                }
                double c = factor(s.scale(), rows, n);
                if (c != 1) {
                    grad.scaleInPlace(c);
                }
                if (buf == null) {
                    theta.axpyInPlace(-s.eta(), grad);
                } else {
                    if (k == 0) {
                        buf.copyFrom(grad);
                    } else {
                        buf.axpbyInPlace(1, grad, mu);
                    }
                    if (s.nesterov()) {
                        grad.axpyInPlace(mu, buf);
                        theta.axpyInPlace(-s.eta(), grad);
                    } else {
                        theta.axpyInPlace(-s.eta(), buf);
                    }
                }
                k++;
            }
        }
    }

    private static Map<String, Long> counters(Minibatches batches, long steps) {
        return batches == null ? Map.of("epochs", steps) : Map.of("epochs", batches.epochs());
    }
}
