package org.gdcert.core.random;

import java.nio.charset.StandardCharsets;

/**
 * The seeded random generator of gdcert: SplitMix64 for bits, the polar method for Gaussians. Its
 * output depends only on the seed (not on the JDK), so the same seed gives bit-identical weights
 * and data everywhere. Independent streams for data, initialization and sampling come from
 * {@link #stream(String)}.
 *
 * <p>Not thread-safe; give each thread its own stream.
 */
public final class Rng {
    private static final double DOUBLE_UNIT = 0x1.0p-53;
    private long state;
    private final long seed;
    private double spare;
    private boolean hasSpare;

    private Rng(long seed) {
        this.seed = seed;
        this.state = seed;
    }

    /** A generator for {@code seed}. */
    public static Rng of(long seed) {
        return new Rng(seed);
    }

    /** The seed this generator started from. */
    public long seed() {
        return seed;
    }

    /**
     * An independent generator for the named purpose ("data", "init", "sampler", "layer3", ...),
     * derived from this generator's seed only: the same seed and name always give the same stream,
     * whatever was drawn before.
     */
    public Rng stream(String purpose) {
        long h = 0xcbf29ce484222325L;
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return new Rng(mix64(seed ^ mix64(h)));
    }

    /** A stream for an integer index (a repeat number, a layer). */
    public Rng stream(String purpose, long index) {
        return stream(purpose + "#" + index);
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        state += 0x9e3779b97f4a7c15L;
        return mix64(state);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform in [lo, hi). */
    public double nextDouble(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Uniform in [0, bound) without modulo bias. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long r = nextLong() >>> 33;
        long m = bound;
        long limit = (1L << 31) - ((1L << 31) % m);
        while (r >= limit) {
            r = nextLong() >>> 33;
        }
        return (int) (r % m);
    }

    public boolean nextBoolean() {
        return nextLong() < 0;
    }

    /** Standard normal N(0, 1) (Marsaglia's polar method). */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * Math.log(s) / s);
        spare = v * f;
        hasSpare = true;
        return u * f;
    }

    /** Fills {@code out} with N(0, std²) draws. */
    public void fillGaussian(double[] out, double std) {
        for (int i = 0; i < out.length; i++) {
            out[i] = std * nextGaussian();
        }
    }

    /** A uniformly random permutation of 0..n-1 (Fisher–Yates). */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p);
        return p;
    }

    /** Shuffles in place (Fisher–Yates). */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
