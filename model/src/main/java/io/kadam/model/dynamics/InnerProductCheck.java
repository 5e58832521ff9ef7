package io.kadam.model.dynamics;

import io.kadam.model.data.TokenSplit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fig. 8 / Assumption 1: |⟨W(t_N), g_W(t_n)⟩| for n < N, for every query and key head matrix
 * ({@link HeadMatrix}), in a run with qk-norm (W scale-invariant: Lemma 2 gives ⟨W_n, g_n⟩ = 0)
 * and the same run without. Raw inner products depend on the gradient scale, which qk-norm
 * itself changes (g_W ∝ 1/‖W‖), so each row also has the cosine |⟨W_N, g_n⟩| / (‖W_N‖ ‖g_n‖),
 * and the same-time cosine |cos(W_n, g_n)| that Lemma 2 sets to 0. (On the tiny GPT the raw
 * |⟨W_N, g_n⟩| is of the same order with and without qk-norm, the cosine 4× smaller with it.)
 *
 * <p>For Eq. 8 the relevant size is not |⟨W, g⟩| itself but 2η|⟨W_n, u_n⟩| against η²‖u_n‖²,
 * which {@link NormCheck} reports.
 */
public final class InnerProductCheck {

    /** One head matrix and one earlier iteration n of one run. */
    public record Row(boolean qkNorm, String matrix, int layer, char kind, int head, int iteration, double innerWithFinal,
                      double cosineWithFinal, double innerSameTime, double cosineSameTime) {}

    /**
     * One run, averaged over head matrices and iterations n < N (iterations with an exactly zero
     * g_W are left out and counted).
     *
     * @param meanAbsInnerWithFinal   mean |⟨W_N, g_n⟩|
     * @param meanAbsCosineWithFinal  mean |cos(W_N, g_n)|
     * @param lateAbsCosineWithFinal  the same over the last tenth of the n
     * @param meanAbsCosineSameTime   mean |cos(W_n, g_n)|
     * @param losses                  training loss of batch n, n = 0..N−1
     */
    public record Summary(boolean qkNorm, double meanAbsInnerWithFinal, double meanAbsCosineWithFinal,
                          double lateAbsCosineWithFinal, double meanAbsCosineSameTime, int zeroGradientIterations,
                          double[] losses, double seconds) {

        public double finalLoss() {
            return losses[losses.length - 1];
        }
    }

    public record Result(AdamWSetup setup, List<Row> rows, Summary withQkNorm, Summary withoutQkNorm) {}

    private InnerProductCheck() {}

    /** The setup's run with qk-norm on and off (same seed, data order and initial W). */
    public static Result run(AdamWSetup setup, TokenSplit data) {
        List<Row> rows = new ArrayList<>();
        Summary with = runOne(setup.withQkNorm(true), data, rows);
        Summary without = runOne(setup.withQkNorm(false), data, rows);
        return new Result(setup, List.copyOf(rows), with, without);
    }

    private static Summary runOne(AdamWSetup setup, TokenSplit data, List<Row> rows) {
        Recording.OfHeads recorded = Recording.headMatrices(setup, data);
        List<HeadMatrix> heads = recorded.heads();
        Recording rec = recorded.recording();
        int n = rec.iterations();
        int late = n - Math.max(1, n / 10);
        double sumInner = 0;
        double sumCos = 0;
        double sumLate = 0;
        double sumSame = 0;
        int count = 0;
        int lateCount = 0;
        int zeros = 0;
        int column = 0;
        double[] wFinal = rec.theta()[n];
        for (HeadMatrix m : heads) {
            int from = column;
            int to = column + m.length();
            column = to;
            double finalNorm = Math.sqrt(Recording.dot(wFinal, wFinal, from, to));
            for (int i = 0; i < n; i++) {
                double[] g = rec.gradients()[i];
                double[] w = rec.theta()[i];
                double gNorm = Math.sqrt(Recording.dot(g, g, from, to));
                if (gNorm == 0) {
                    zeros++;
                    continue;
                }
                double inner = Recording.dot(wFinal, g, from, to);
                double same = Recording.dot(w, g, from, to);
                double cos = Math.abs(inner) / (finalNorm * gNorm);
                double cosSame = Math.abs(same) / (Math.sqrt(Recording.dot(w, w, from, to)) * gNorm);
                rows.add(new Row(setup.model().qkNorm(), m.label(), m.layer(), m.kind(), m.head(), i, inner, cos, same, cosSame));
                sumInner += Math.abs(inner);
                sumCos += cos;
                sumSame += cosSame;
                count++;
                if (i >= late) {
                    sumLate += cos;
                    lateCount++;
                }
            }
        }
        return new Summary(setup.model().qkNorm(), sumInner / count, sumCos / count, sumLate / lateCount, sumSame / count, zeros,
                rec.losses(), rec.seconds());
    }

    public static String format(Result r) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-8s %14s %14s %14s %14s %5s %8s%n", "qk-norm",
                "|<W_N,g_n>|", "|cos(W_N,g_n)|", "late |cos|", "|cos(W_n,g_n)|", "g=0", "loss"));
        for (Summary s : List.of(r.withQkNorm(), r.withoutQkNorm())) {
            out.append(String.format(Locale.ROOT, "%-8s %14.3e %14.3e %14.3e %14.3e %5d %8.3f%n", s.qkNorm() ? "on" : "off",
                    s.meanAbsInnerWithFinal(), s.meanAbsCosineWithFinal(), s.lateAbsCosineWithFinal(), s.meanAbsCosineSameTime(),
                    s.zeroGradientIterations(), s.finalLoss()));
        }
        out.append(String.format(Locale.ROOT, "off / on: |<W_N,g_n>| %.1fx, |cos(W_N,g_n)| %.1fx, |cos(W_n,g_n)| %.0fx%n",
                r.withoutQkNorm().meanAbsInnerWithFinal() / r.withQkNorm().meanAbsInnerWithFinal(),
                r.withoutQkNorm().meanAbsCosineWithFinal() / r.withQkNorm().meanAbsCosineWithFinal(),
                r.withoutQkNorm().meanAbsCosineSameTime() / r.withQkNorm().meanAbsCosineSameTime()));
        return out.toString();
    }

    /** {@code InnerProductCheck [iterations=1000] [text file]}: Fig. 8 at CPU size. */
    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        TokenSplit data = DynamicsData.bytes(args, 1);
        AdamWSetup setup = AdamWSetup.tinyByteGpt().withIterations(iterations);
        System.out.println("Fig. 8 inner products: " + setup.describe() + ", qk-norm on and off; " + data.description());
        System.out.print(format(run(setup, data)));
    }
}
