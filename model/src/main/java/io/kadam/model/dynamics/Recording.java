package io.kadam.model.dynamics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A training run observed at a fixed list of coordinates: θ_n for n = 0..N, the gradient g_n that
 * update n used, and the loss of each batch. Values are float32 from the model, widened.
 *
 * @param theta     {@code [n][coordinate]}, n = 0..N
 * @param gradients {@code [n][coordinate]}, n = 0..N−1
 * @param losses    training loss of batch n, n = 0..N−1
 * @param lostGradients iterations n at which a recorded parameter's whole gradient was exactly 0:
 *                  on CPU this is what a lost gradient looks like (DJL returns zeros when a
 *                  parameter has no .grad; see the package doc for the cause seen in nanoGPT)
 * @param seconds   wall time of the training loop
 */
public record Recording(List<Coordinate> coordinates, double[][] theta, double[][] gradients, double[] losses,
                        List<Integer> lostGradients, double seconds) {

    public int iterations() {
        return gradients.length;
    }

    /** A run of the setup's AdamW that recorded every entry of every query/key head matrix. */
    public record OfHeads(List<HeadMatrix> heads, Recording recording) {
    }

    /** Trains {@code setup} on {@code data}, recording all q/k head-matrix entries (Figs. 5 and 8). */
    public static OfHeads headMatrices(AdamWSetup setup, io.kadam.model.data.TokenSplit data) {
        try (GptRun run = setup.start(data)) {
            List<HeadMatrix> heads = HeadMatrix.all(setup.model(), run.parameters().keys());
            return new OfHeads(heads, train(run, setup.newOptimizer()::step, setup.iterations(), entriesOf(heads)));
        }
    }

    /** Trains {@code run} for {@code iterations} updates with {@code update}, recording the coordinates. */
    public static Recording train(GptRun run, GptRun.Update update, int iterations, List<Coordinate> coordinates) {
        long start = System.nanoTime();
        Map<String, List<int[]>> byParameter = new LinkedHashMap<>(); // parameter → (flat index, column)
        for (int c = 0; c < coordinates.size(); c++) {
            Coordinate coordinate = coordinates.get(c);
            byParameter.computeIfAbsent(coordinate.parameter(), k -> new ArrayList<>()).add(new int[]{coordinate.index(), c});
        }
        int width = coordinates.size();
        double[][] theta = new double[iterations + 1][];
        double[][] gradients = new double[iterations][];
        double[] losses = new double[iterations];
        List<Integer> lost = new ArrayList<>();
        boolean[] allZero = new boolean[1];
        for (int n = 0; n < iterations; n++) {
            theta[n] = read(byParameter, run::values, width, null);
            losses[n] = run.forwardBackward();
            allZero[0] = false;
            gradients[n] = read(byParameter, run::gradient, width, allZero);
            if (allZero[0]) {
                lost.add(n);
            }
            run.update(update);
        }
        theta[iterations] = read(byParameter, run::values, width, null);
        return new Recording(List.copyOf(coordinates), theta, gradients, losses, List.copyOf(lost), (System.nanoTime() - start) / 1e9);
    }

    /** One read per parameter; sets anyAllZero[0] when some parameter's whole array is 0. */
    private static double[] read(Map<String, List<int[]>> byParameter, java.util.function.Function<String, float[]> source, int width,
                                 boolean[] anyAllZero) {
        double[] out = new double[width];
        for (Map.Entry<String, List<int[]>> e : byParameter.entrySet()) {
            float[] all = source.apply(e.getKey());
            for (int[] ic : e.getValue()) {
                out[ic[1]] = all[ic[0]];
            }
            if (anyAllZero != null) {
                boolean zero = true;
                for (float x : all) {
                    zero &= x == 0f;
                }
                anyAllZero[0] |= zero;
            }
        }
        return out;
    }

    /** Every entry of the given head matrices, in order (for checks that need whole matrices). */
    public static List<Coordinate> entriesOf(List<HeadMatrix> heads) {
        List<Coordinate> out = new ArrayList<>();
        for (HeadMatrix h : heads) {
            for (int i = h.offset(); i < h.offset() + h.length(); i++) {
                out.add(new Coordinate(h.parameter(), i));
            }
        }
        return out;
    }

    /**
     * Σ a_c b_c over columns [from, to) of two rows of a recording (θ_n or g_n), in column order:
     * an inner product over the entries of one head matrix, whose columns are contiguous.
     */
    public static double dot(double[] a, double[] b, int from, int to) {
        double s = 0;
        for (int c = from; c < to; c++) {
            s += a[c] * b[c];
        }
        return s;
    }

    /** θ of column c over n = 0..N. */
    public double[] column(int c) {
        double[] out = new double[theta.length];
        for (int n = 0; n < theta.length; n++) {
            out[n] = theta[n][c];
        }
        return out;
    }
}
