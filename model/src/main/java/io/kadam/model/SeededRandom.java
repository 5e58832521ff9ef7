package io.kadam.model;

/**
 * A per-trial random source whose whole state is one long (SplitMix64), so a checkpoint can
 * store it and a resumed trial continues the same sequence. Torch's global RNG is shared by
 * every trial in a JVM (Spark runs several per executor), so data order and initial weights
 * come from here instead.
 */
public final class SeededRandom {

    private long state;

    public SeededRandom(long seed) {
        this.state = seed;
    }

    /** The state to checkpoint; {@code new SeededRandom(state())} continues identically. */
    public long state() {
        return state;
    }

    /** An independent stream for a named purpose (e.g. "init", "data"), derived from this seed. */
    public SeededRandom fork(String purpose) {
        return new SeededRandom(mix(state ^ mix(purpose.hashCode() * 0x9E3779B97F4A7C15L)));
    }

    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in [0, bound), without modulo bias. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be > 0, got " + bound);
        }
        long limit = (1L << 31) - ((1L << 31) % bound);
        while (true) {
            long r = nextLong() >>> 33; // 31 random bits
            if (r < limit) {
                return (int) (r % bound);
            }
        }
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Standard normal (Box–Muller; no cached spare, so the state stays one long). */
    public double nextGaussian() {
        double u = 1.0 - nextDouble(); // (0, 1]
        double v = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }

    /** A uniformly random permutation of 0..n−1 (Fisher–Yates). */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
