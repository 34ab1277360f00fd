package org.gdcert.core.cert;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.ValidatedParams;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.LossReduction;

/**
 * Everything a checker may read about the instance: the architecture, the concrete θ0 (in Java
 * memory, and as a {@link Network} on the run's backend for matrix-free products), the data, the
 * initializers that produced θ0, and the optimizer with its parameters.
 *
 * @param spec the architecture
 * @param network the network at θ0 on the run's backend; checkers must not change its parameters
 * @param inputs X (N × d)
 * @param targets Y (N × n_L)
 * @param weights W_1..W_L at θ0
 * @param biases b_1..b_L at θ0 (null entries where a layer has none)
 * @param initializers the initializer of each layer, 1..L
 * @param optimizer the optimizer's name ({@code gd}, {@code sgd}, {@code flow}, {@code clarke})
 * @param optimizerParams its validated parameters (a step size may still be the word
 *     {@code auto} or {@code certified})
 * @param axis step or time
 * @param stepSize the numeric step size when already known
 * @param reduction the loss reduction of training
 * @param seed the run's seed
 */
public record CertificateContext(
        NetworkSpec spec,
        Network network,
        HostMatrix inputs,
        HostMatrix targets,
        List<HostMatrix> weights,
        List<HostMatrix> biases,
        List<Configured<Initializer>> initializers,
        String optimizer,
        ValidatedParams optimizerParams,
        Axis axis,
        OptionalDouble stepSize,
        LossReduction reduction,
        long seed) {

    public CertificateContext {
        Objects.requireNonNull(spec);
        Objects.requireNonNull(network);
        Objects.requireNonNull(inputs);
        Objects.requireNonNull(targets);
        weights = List.copyOf(weights);
        biases = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(biases));
        initializers = List.copyOf(initializers);
        Objects.requireNonNull(optimizer);
        Objects.requireNonNull(optimizerParams);
        Objects.requireNonNull(axis);
        Objects.requireNonNull(stepSize);
        Objects.requireNonNull(reduction);
    }

    /** N. */
    public int samples() {
        return inputs.rows();
    }

    /** W_l at θ0, 1-based. */
    public HostMatrix weight(int l) {
        return weights.get(l - 1);
    }

    /** The initializer of layer l, 1-based. */
    public Optional<Configured<Initializer>> initializer(int l) {
        return l - 1 < initializers.size() ? Optional.of(initializers.get(l - 1)) : Optional.empty();
    }
}
