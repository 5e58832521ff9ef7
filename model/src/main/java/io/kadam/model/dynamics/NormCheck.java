package io.kadam.model.dynamics;

import io.kadam.model.data.TokenSplit;
import io.kadam.optimizer.ode.ContinuousAdamConfig;
import io.kadam.optimizer.ode.DiscreteAdamW;
import io.kadam.optimizer.ode.EulerSolver;
import io.kadam.optimizer.ode.GradientPath;
import io.kadam.optimizer.ode.NormApproximation;
import io.kadam.optimizer.ode.Trajectory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Fig. 5 / Theorem 2: the true ‖W_n‖² of every query and key head matrix ({@link HeadMatrix}:
 * the d_h × d rows of one head, the paper's W_Q, W_K ∈ R^{d_h × d}) of a qk-normed nanoGPT
 * trained with AdamW, against Eq. 8,
 * ‖W(t)‖² ≈ ‖W(0)‖² e^{−2λt} + η ∫₀ᵗ e^{−2λ(t−τ)} ‖u_W(τ)‖² dτ, evaluated two ways: with the
 * continuous u(t) of the Euler solver on the recorded gradients (the paper: "computed via the
 * method described in Appendix I") and with the discrete u_n.
 *
 * <p>A third reading of "computed via Appendix I": ‖W(t_n)‖² of the Euler solution itself (every
 * entry of W replayed, as in Fig. 1), which is not Eq. 8 but tests the ODE on whole matrices.
 *
 * <p>The growth Eq. 8 misses has a closed form when the normalized gradients are uncorrelated
 * from step to step (pure noise): the true growth is (1 + γ)/(1 − γ) times Eq. 8's (derived and
 * tested in the optimizer module's {@code NormApproximationTest}). Each row also carries Eq. 8
 * with its growth term scaled by that factor ("corrected"); this is not in the paper.
 *
 * <p>The discrete step obeys exactly ‖W_{n+1}‖² = (1−λη)²‖W_n‖² + η²‖u_n‖² − 2η(1−λη)⟨W_n, u_n⟩;
 * Eq. 8 keeps the first two. Each row carries both kept and dropped terms, so the source of any
 * disagreement is visible: with momentum the dropped ⟨W_n, u_n⟩ is not negligible in general
 * (see {@code NormApproximationTest} in the optimizer module: (1+γ)/(1−γ) on pure noise).
 */
public final class NormCheck {

    /** @param substeps K for the continuous u(t) */
    public record Config(AdamWSetup setup, int substeps) {

        /** The paper's Fig. 5: qk-norm on, (β, γ) = (0.999, 0.9), 100 iterations, K = 100. */
        public static Config fig5(AdamWSetup setup) {
            return new Config(setup.withQkNorm(true).withIterations(100), 100);
        }
    }

    /**
     * One head matrix at iteration n.
     *
     * @param eq8Corrected   ‖W(0)‖² e^{−2λt} + (1+γ)/(1−γ) η ∫ e^{−2λ(t−τ)} ‖u_W‖² (continuous u)
     * @param odeSquaredNorm ‖W(t_n)‖² of the Euler solution on the recorded gradients
     * @param updateTerm     η²‖u_n‖² (kept by Eq. 8; NaN at n = N)
     * @param crossTerm      −2η(1−λη)⟨W_n, u_n⟩ (dropped by Eq. 8; NaN at n = N)
     */
    public record Row(int iteration, String matrix, int layer, char kind, int head, double trueSquaredNorm,
                      double eq8Continuous, double eq8Discrete, double eq8Corrected, double odeSquaredNorm, double updateTerm,
                      double crossTerm) {}

    /**
     * One head matrix over the run.
     *
     * @param maxRelativeError         max over n of |Eq. 8 (continuous u) / true − 1|
     * @param maxRelativeErrorDiscrete the same with the discrete u_n
     * @param growthRatio              true growth over Eq. 8's (continuous), growth being
     *                                 ‖W_N‖² − ‖W_0‖² e^{−2λt_N}: 1 when Eq. 8 is exact
     * @param crossShare               Σ crossTerm / Σ (updateTerm + crossTerm): the part of the
     *                                 change Eq. 8 leaves out
     * @param maxCorrectedRelativeError max over n of |corrected Eq. 8 / true − 1|
     * @param maxOdeRelativeError      max over n of |‖W(t_n)‖² of the Euler solution / true − 1|
     * @param maxSameTimeCosine        max over n of |cos(W_n, g_n)|: 0 for a scale-invariant W (Lemma 2)
     * @param zeroGradientIterations   iterations whose recorded g_W was exactly 0 (left out of the
     *                                 cosine; a symptom of a lost gradient, see the package doc)
     */
    public record MatrixSummary(String matrix, double initial, double finalTrue, double finalEq8Continuous,
                                double finalEq8Discrete, double maxRelativeError, double maxRelativeErrorDiscrete,
                                double growthRatio, double crossShare, double maxCorrectedRelativeError, double maxOdeRelativeError,
                                double maxSameTimeCosine,
                                int zeroGradientIterations) {}

    /** @param losses training loss of batch n, n = 0..N−1 */
    public record Result(Config config, List<Row> rows, List<MatrixSummary> matrices, double worstRelativeError,
                         double medianGrowthRatio, double[] losses, double trainSeconds, double solveSeconds) {}

    private NormCheck() {}

    public static Result run(Config config, TokenSplit data) {
        AdamWSetup setup = config.setup();
        Recording.OfHeads recorded = Recording.headMatrices(setup, data);
        List<HeadMatrix> heads = recorded.heads();
        Recording rec = recorded.recording();
        long start = System.nanoTime();
        int n = rec.iterations();
        int width = rec.coordinates().size();
        int[] groupOf = new int[width];
        int[] first = new int[heads.size() + 1]; // head h owns columns first[h] .. first[h+1]−1
        for (int h = 0; h < heads.size(); h++) {
            first[h + 1] = first[h] + heads.get(h).length();
            Arrays.fill(groupOf, first[h], first[h + 1], h);
        }
        double[][] trueNorm = new double[n + 1][heads.size()];
        for (int i = 0; i <= n; i++) {
            trueNorm[i] = groupSums(rec.theta()[i], rec.theta()[i], first);
        }
        ContinuousAdamConfig ode = setup.continuous(config.substeps());
        // the discrete u_n, exactly as float32 training made them, from a float64 replay of the recorded gradients
        Trajectory discrete = DiscreteAdamW.replay(ode, rec.theta()[0], rec.gradients());
        double[][] updateSquared = new double[n][];
        double[][] cross = new double[n][];
        for (int i = 0; i < n; i++) {
            updateSquared[i] = groupSums(discrete.update()[i], discrete.update()[i], first);
            cross[i] = groupSums(rec.theta()[i], discrete.update()[i], first);
        }
        double[][] eq8Discrete = NormApproximation.fromDiscreteUpdates(ode, trueNorm[0], updateSquared);
        NormApproximation eq8 = new NormApproximation(ode, groupOf, trueNorm[0], n);
        Trajectory solved = new EulerSolver(ode).solve(rec.theta()[0], new double[width], GradientPath.held(rec.gradients()), n, eq8);
        double[][] eq8Continuous = eq8.predicted();
        double[][] odeNorm = new double[n + 1][];
        for (int i = 0; i <= n; i++) {
            odeNorm[i] = groupSums(solved.theta()[i], solved.theta()[i], first);
        }
        double solveSeconds = (System.nanoTime() - start) / 1e9;

        double eta = setup.lr();
        double lambda = setup.weightDecay();
        List<Row> rows = new ArrayList<>();
        List<MatrixSummary> matrices = new ArrayList<>();
        double momentum = (1 + setup.gamma()) / (1 - setup.gamma());
        for (int h = 0; h < heads.size(); h++) {
            HeadMatrix m = heads.get(h);
            double worst = 0;
            double worstCorrected = 0;
            double worstDiscrete = 0;
            double keptSum = 0;
            double droppedSum = 0;
            double worstOde = 0;
            double maxCos = 0;
            int zeroGradients = 0;
            for (int i = 0; i <= n; i++) {
                double kept = i < n ? eta * eta * updateSquared[i][h] : Double.NaN;
                double dropped = i < n ? -2 * eta * (1 - lambda * eta) * cross[i][h] : Double.NaN;
                double decayedAtI = trueNorm[0][h] * Math.exp(-2 * lambda * eta * i);
                double corrected = decayedAtI + momentum * (eq8Continuous[i][h] - decayedAtI);
                rows.add(new Row(i, m.label(), m.layer(), m.kind(), m.head(), trueNorm[i][h], eq8Continuous[i][h],
                        eq8Discrete[i][h], corrected, odeNorm[i][h], kept, dropped));
                worstCorrected = Math.max(worstCorrected, Math.abs(corrected / trueNorm[i][h] - 1));
                worst = Math.max(worst, Math.abs(eq8Continuous[i][h] / trueNorm[i][h] - 1));
                worstDiscrete = Math.max(worstDiscrete, Math.abs(eq8Discrete[i][h] / trueNorm[i][h] - 1));
                worstOde = Math.max(worstOde, Math.abs(odeNorm[i][h] / trueNorm[i][h] - 1));
                if (i < n) {
                    keptSum += kept;
                    droppedSum += dropped;
                    double wg = Recording.dot(rec.theta()[i], rec.gradients()[i], first[h], first[h + 1]);
                    double gg = Recording.dot(rec.gradients()[i], rec.gradients()[i], first[h], first[h + 1]);
                    if (gg == 0) {
                        zeroGradients++;
                    } else {
                        maxCos = Math.max(maxCos, Math.abs(wg) / Math.sqrt(trueNorm[i][h] * gg));
                    }
                }
            }
            double decayed = trueNorm[0][h] * Math.exp(-2 * lambda * eta * n);
            matrices.add(new MatrixSummary(m.label(), trueNorm[0][h], trueNorm[n][h], eq8Continuous[n][h], eq8Discrete[n][h],
                    worst, worstDiscrete, (trueNorm[n][h] - decayed) / (eq8Continuous[n][h] - decayed),
                    droppedSum / (keptSum + droppedSum), worstCorrected, worstOde, maxCos, zeroGradients));
        }
        double[] ratios = matrices.stream().mapToDouble(MatrixSummary::growthRatio).sorted().toArray();
        return new Result(config, List.copyOf(rows), List.copyOf(matrices),
                matrices.stream().mapToDouble(MatrixSummary::maxRelativeError).max().orElse(Double.NaN),
                ratios[ratios.length / 2], rec.losses(), rec.seconds(), solveSeconds);
    }

    /** Σ a_c b_c over each group's columns. */
    private static double[] groupSums(double[] a, double[] b, int[] first) {
        double[] out = new double[first.length - 1];
        for (int h = 0; h < out.length; h++) {
            out[h] = Recording.dot(a, b, first[h], first[h + 1]);
        }
        return out;
    }

    public static String format(Result r) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-12s %9s %9s %9s %9s %9s %9s %8s %8s %9s %8s %9s %5s%n",
                "matrix", "|W0|^2", "|WN|^2", "Eq8 cont", "Eq8 disc", "max err", "err disc", "growth x", "dropped", "corr err",
                "ODE err", "cos(W,g)", "g=0"));
        for (MatrixSummary m : r.matrices()) {
            out.append(String.format(Locale.ROOT, "%-12s %9.5f %9.5f %9.5f %9.5f %8.2f%% %8.2f%% %8.2f %7.0f%% %8.2f%% %7.2f%% %9.1e %5d%n",
                    m.matrix(), m.initial(), m.finalTrue(), m.finalEq8Continuous(), m.finalEq8Discrete(), 100 * m.maxRelativeError(),
                    100 * m.maxRelativeErrorDiscrete(), m.growthRatio(), 100 * m.crossShare(), 100 * m.maxCorrectedRelativeError(),
                    100 * m.maxOdeRelativeError(), m.maxSameTimeCosine(), m.zeroGradientIterations()));
        }
        double gamma = r.config().setup().gamma();
        out.append(String.format(Locale.ROOT, "worst relative error of Eq. 8 (continuous u): %.2f%%; median true growth / Eq. 8 growth %.2f "
                        + "((1+gamma)/(1-gamma) = %.1f for pure gradient noise); train %.1f s, solve %.1f s%n", 100 * r.worstRelativeError(),
                r.medianGrowthRatio(), (1 + gamma) / (1 - gamma), r.trainSeconds(), r.solveSeconds()));
        return out.toString();
    }

    /** {@code NormCheck [iterations=100,1000] [text file]}: Fig. 5 at CPU size. */
    public static void main(String[] args) {
        int[] lengths = Arrays.stream((args.length > 0 ? args[0] : "100,1000").split(",")).mapToInt(Integer::parseInt).toArray();
        TokenSplit data = DynamicsData.bytes(args, 1);
        for (int iterations : lengths) {
            Config config = new Config(AdamWSetup.tinyByteGpt().withQkNorm(true).withIterations(iterations), 100);
            System.out.println("Fig. 5 norm approximation: " + config.setup().describe() + "; " + data.description());
            System.out.print(format(run(config, data)));
        }
    }
}
