package org.gdcert.optimizers;

import org.gdcert.core.random.Rng;

/**
 * Draws the rows of each minibatch. One instance per training run; not thread-safe.
 *
 * <ul>
 *   <li>{@link Sampler#SHUFFLE}: a permutation per epoch (PyTorch's {@code DataLoader(shuffle=True)}),
 *       cut into consecutive batches; with {@code reshuffle=false} the permutation drawn for the
 *       first epoch is kept for all of them ("shuffle once").</li>
 *   <li>{@link Sampler#CYCLIC}: the rows in stored order, cut into consecutive batches (no randomness).</li>
 *   <li>{@link Sampler#SUBSET}: a fresh uniformly random b-subset at every step, the paper's
 *       Unif([N]^(b)) of seed 004 Theorems 5.1 and 5.6.</li>
 *   <li>{@link Sampler#REPLACEMENT}: b indices drawn independently and uniformly (tuples with
 *       replacement; also E L^b = (b/N) L, spec §6 item 6).</li>
 * </ul>
 *
 * With epoch-based samplers the last batch of an epoch holds N mod b rows unless {@code dropLast}.
 */
final class Minibatches {
    /** How rows are sampled. */
    enum Sampler {
        SHUFFLE, CYCLIC, SUBSET, REPLACEMENT;

        boolean epochBased() {
            return this == SHUFFLE || this == CYCLIC;
        }
    }

    private final int n;
    private final int batch;
    private final Sampler sampler;
    private final boolean reshuffle;
    private final boolean dropLast;
    private final Rng rng;
    private final int[] order;
    private final int[] full;
    private final int[] tail;
    private int position;
    private long epochs;
    private boolean ordered;

    Minibatches(int n, int batch, Sampler sampler, boolean reshuffle, boolean dropLast, Rng rng) {
        if (batch < 1 || batch > n) {
            throw new IllegalArgumentException("batch must be in [1, " + n + "], got " + batch);
        }
        this.n = n;
        this.batch = batch;
        this.sampler = sampler;
        this.reshuffle = reshuffle;
        this.dropLast = dropLast;
        this.rng = rng;
        this.order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        this.full = new int[batch];
        int rest = n % batch;
        this.tail = rest == 0 || dropLast ? null : new int[rest];
        this.position = n; // forces a new epoch on the first call
    }

    /** Completed passes over the data (epoch-based samplers), or ⌊steps·b/N⌋ otherwise. */
    long epochs() {
        return epochs;
    }

    /**
     * The rows of the next batch. The returned array is reused by later calls (one array per batch
     * size), so copy it if it must outlive the step.
     */
    int[] next() {
        return switch (sampler) {
            case SHUFFLE, CYCLIC -> nextInEpoch();
            case SUBSET -> nextSubset();
            case REPLACEMENT -> nextWithReplacement();
        };
    }

    private int[] nextInEpoch() {
        int remaining = n - position;
        if (remaining == 0 || (dropLast && remaining < batch)) {
            if (ordered) {
                epochs++;
            }
            if (sampler == Sampler.SHUFFLE && (reshuffle || !ordered)) {
                rng.shuffle(order);
            }
            ordered = true;
            position = 0;
            remaining = n;
        }
        int[] out = remaining >= batch ? full : tail;
        System.arraycopy(order, position, out, 0, out.length);
        position += out.length;
        return out;
    }

    private int[] nextSubset() {
        // partial Fisher–Yates: the first b entries of a uniformly shuffled prefix are a uniform b-subset
        for (int i = 0; i < batch; i++) {
            int j = i + rng.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        System.arraycopy(order, 0, full, 0, batch);
        countSteps();
        return full;
    }

    private int[] nextWithReplacement() {
        for (int i = 0; i < batch; i++) {
            full[i] = rng.nextInt(n);
        }
        countSteps();
        return full;
    }

    private long drawn;

    private void countSteps() {
        drawn += batch;
        epochs = drawn / n;
    }
}
