package io.kadam.jobs.bench;

/** STREAM's triad a = b + s·c on one core, in plain Java: the memory bandwidth a pass can reach. */
final class MemoryBandwidth {
    private MemoryBandwidth() {}

    /** Best of {@code repeats}, GB/s counting 12 bytes per element (two reads, one write), as STREAM. */
    static double triadGBs(int n, int repeats) {
        float[] a = new float[n];
        float[] b = new float[n];
        float[] c = new float[n];
        java.util.Arrays.fill(b, 1f);
        java.util.Arrays.fill(c, 2f);
        double best = Double.MAX_VALUE;
        for (int r = 0; r < repeats + 2; r++) { // two warmups for the JIT
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                a[i] = b[i] + 3f * c[i];
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
            float check = a[r % n];
            if (check != 7f) {
                throw new IllegalStateException("triad wrote " + check);
            }
        }
        return 12.0 * n / best / 1e9;
    }
}
