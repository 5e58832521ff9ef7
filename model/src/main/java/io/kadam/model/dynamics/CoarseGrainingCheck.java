package io.kadam.model.dynamics;

import io.kadam.model.SeededRandom;
import io.kadam.model.data.TokenSplit;
import io.kadam.optimizer.ode.TrajectoryGap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fig. 9 / Assumption 2: the same training run (seed, data order, initial weights) with AdamW's
 * true elementwise v and with the coarse-grained ṽ on every query and key head matrix
 * ({@link CoarseGrainedAdamW}), compared on the loss curve and on random entries of the head
 * matrices. Both runs use the same Java AdamW, so only the coarse-graining differs.
 *
 * Each head matrix is also compared as a whole: the angle between its two versions (the loss
 * sees only the direction of a qk-normed W) and their squared norms.
 *
 * <p>Small models train chaotically: any perturbation grows. To read the gap, the check also runs
 * a reference perturbation, the true-v run with the learning rate scaled by
 * {@code 1 + perturbation}: a gap of that size says nothing about Assumption 2.
 */
public final class CoarseGrainingCheck {

    /**
     * @param coordinates    random head-matrix entries to follow (Fig. 9: 16)
     * @param coordinateSeed which ones
     * @param perturbation   relative learning-rate change of the reference run (0: no reference run)
     */
    public record Config(AdamWSetup setup, int coordinates, long coordinateSeed, double perturbation) {

        /** qk-norm on (the paper's scale-invariant case), 16 coordinates, reference at lr × 1.001. */
        public static Config fig9(AdamWSetup setup) {
            return new Config(setup.withQkNorm(true), 16, 11, 1e-3);
        }
    }

    /** One coordinate at one iteration in the three runs (perturbed: NaN without a reference run). */
    public record Row(int iteration, int coordinate, String parameter, int index, double trueV, double coarseV, double perturbed) {}

    /**
     * One head matrix over the run: the largest 1 − cos(W_true, W_other) and the largest
     * |‖W_other‖²/‖W_true‖² − 1| over n, for the coarse run and the reference run.
     */
    public record MatrixGap(String matrix, double coarseMaxOneMinusCos, double coarseMaxNormRatio, double perturbedMaxOneMinusCos,
                            double perturbedMaxNormRatio) {}

    /** Training losses at one iteration. */
    public record LossRow(int iteration, double trueV, double coarseV, double perturbed) {}

    /** One coordinate: the coarse run's and the reference run's gap to the true-v run, over its range. */
    public record CoordinateGap(int coordinate, String parameter, int index, double range, double coarseRelativeMax,
                                double coarseRelativeMean, double perturbedRelativeMax, double perturbedRelativeMean) {}

    /**
     * @param meanCoarseRelativeMean    mean over coordinates of the coarse run's mean gap / range
     * @param meanPerturbedRelativeMean the same for the reference run
     * @param lossGapCoarse             mean over n of |loss_coarse − loss_true|
     * @param lossGapPerturbed          the same for the reference run
     * @param lostGradients             iterations with a lost q/k gradient ({@link Recording}), per run:
     *                                  true v, coarse, reference
     */
    public record Result(Config config, List<Row> rows, List<LossRow> losses, List<CoordinateGap> gaps, List<MatrixGap> matrices,
                         double meanCoarseRelativeMean, double meanPerturbedRelativeMean, double lossGapCoarse,
                         double lossGapPerturbed, double finalLossTrue, double finalLossCoarse, List<List<Integer>> lostGradients,
                         double seconds) {}

    private CoarseGrainingCheck() {}

    public static Result run(Config config, TokenSplit data) {
        long start = System.nanoTime();
        AdamWSetup setup = config.setup();
        Recording trueV;
        Recording coarse;
        Recording perturbed = null;
        List<HeadMatrix> heads;
        List<Coordinate> coordinates;
        try (GptRun run = setup.start(data)) {
            heads = HeadMatrix.all(setup.model(), run.parameters().keys());
            List<String> weights = heads.stream().map(HeadMatrix::parameter).distinct().toList();
            coordinates = Coordinate.sample(run.parameters(), weights, config.coordinates(), new SeededRandom(config.coordinateSeed()));
            // every head-matrix entry is recorded (for the whole-matrix comparison); the sampled ones are columns of it
            trueV = Recording.train(run, CoarseGrainedAdamW.of(setup, List.of()), setup.iterations(), Recording.entriesOf(heads));
        }
        try (GptRun run = setup.start(data)) {
            coarse = Recording.train(run, CoarseGrainedAdamW.of(setup, heads), setup.iterations(), Recording.entriesOf(heads));
        }
        if (config.perturbation() != 0) {
            AdamWSetup shifted = setup.withLr(setup.lr() * (1 + config.perturbation()));
            try (GptRun run = shifted.start(data)) {
                perturbed = Recording.train(run, CoarseGrainedAdamW.of(shifted, List.of()), setup.iterations(), Recording.entriesOf(heads));
            }
        }
        int n = setup.iterations();
        List<Coordinate> all = trueV.coordinates();
        List<Row> rows = new ArrayList<>();
        List<CoordinateGap> gaps = new ArrayList<>();
        for (int c = 0; c < coordinates.size(); c++) {
            Coordinate coordinate = coordinates.get(c);
            int col = all.indexOf(coordinate);
            for (int i = 0; i <= n; i++) {
                rows.add(new Row(i, c, coordinate.parameter(), coordinate.index(), trueV.theta()[i][col], coarse.theta()[i][col],
                        perturbed == null ? Double.NaN : perturbed.theta()[i][col]));
            }
            TrajectoryGap gap = TrajectoryGap.of(trueV.column(col), coarse.column(col));
            TrajectoryGap floor = perturbed == null ? null : TrajectoryGap.of(trueV.column(col), perturbed.column(col));
            gaps.add(new CoordinateGap(c, coordinate.parameter(), coordinate.index(), gap.range(), gap.relativeMax(), gap.relativeMean(),
                    floor == null ? Double.NaN : floor.relativeMax(), floor == null ? Double.NaN : floor.relativeMean()));
        }
        List<MatrixGap> matrices = new ArrayList<>();
        int from = 0;
        for (HeadMatrix h : heads) {
            double[] coarseGap = matrixGap(trueV, coarse, from, from + h.length());
            double[] floorGap = perturbed == null ? new double[]{Double.NaN, Double.NaN} : matrixGap(trueV, perturbed, from, from + h.length());
            matrices.add(new MatrixGap(h.label(), coarseGap[0], coarseGap[1], floorGap[0], floorGap[1]));
            from += h.length();
        }
        List<LossRow> losses = new ArrayList<>();
        double lossGap = 0;
        double lossGapPerturbed = 0;
        for (int i = 0; i < n; i++) {
            double p = perturbed == null ? Double.NaN : perturbed.losses()[i];
            losses.add(new LossRow(i, trueV.losses()[i], coarse.losses()[i], p));
            lossGap += Math.abs(coarse.losses()[i] - trueV.losses()[i]) / n;
            lossGapPerturbed += Math.abs(p - trueV.losses()[i]) / n;
        }
        return new Result(config, List.copyOf(rows), List.copyOf(losses), List.copyOf(gaps), List.copyOf(matrices),
                gaps.stream().mapToDouble(CoordinateGap::coarseRelativeMean).average().orElse(Double.NaN),
                gaps.stream().mapToDouble(CoordinateGap::perturbedRelativeMean).average().orElse(Double.NaN),
                lossGap, lossGapPerturbed, trueV.losses()[n - 1], coarse.losses()[n - 1],
                List.of(trueV.lostGradients(), coarse.lostGradients(), perturbed == null ? List.of() : perturbed.lostGradients()),
                (System.nanoTime() - start) / 1e9);
    }

    /** {max over n of 1 − cos(a_n, b_n), max over n of |‖b_n‖²/‖a_n‖² − 1|} over columns [from, to). */
    private static double[] matrixGap(Recording a, Recording b, int from, int to) {
        double worstAngle = 0;
        double worstNorm = 0;
        for (int i = 0; i < a.theta().length; i++) {
            double ab = Recording.dot(a.theta()[i], b.theta()[i], from, to);
            double aa = Recording.dot(a.theta()[i], a.theta()[i], from, to);
            double bb = Recording.dot(b.theta()[i], b.theta()[i], from, to);
            worstAngle = Math.max(worstAngle, 1 - ab / Math.sqrt(aa * bb));
            worstNorm = Math.max(worstNorm, Math.abs(bb / aa - 1));
        }
        return new double[]{worstAngle, worstNorm};
    }

    public static String format(Result r) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-22s %6s %9s %10s %10s %10s %10s%n", "parameter", "index",
                "range", "coarse max", "coarse avg", "ref max", "ref avg"));
        for (CoordinateGap g : r.gaps()) {
            out.append(String.format(Locale.ROOT, "%-22s %6d %9.5f %9.2f%% %9.2f%% %9.2f%% %9.2f%%%n", Coordinate.shortName(g.parameter()),
                    g.index(), g.range(), 100 * g.coarseRelativeMax(), 100 * g.coarseRelativeMean(), 100 * g.perturbedRelativeMax(),
                    100 * g.perturbedRelativeMean()));
        }
        out.append(String.format(Locale.ROOT, "%-12s %14s %14s %14s %14s%n", "matrix", "coarse 1-cos", "coarse |W|^2", "ref 1-cos",
                "ref |W|^2"));
        for (MatrixGap m : r.matrices()) {
            out.append(String.format(Locale.ROOT, "%-12s %14.2e %13.2f%% %14.2e %13.2f%%%n", m.matrix(), m.coarseMaxOneMinusCos(),
                    100 * m.coarseMaxNormRatio(), m.perturbedMaxOneMinusCos(), 100 * m.perturbedMaxNormRatio()));
        }
        out.append(String.format(Locale.ROOT, "mean gap / range: coarse-grained v %.2f%%, reference (lr x %.4f) %.2f%%; "
                        + "mean |loss gap|: coarse %.4f, reference %.4f; final loss true v %.3f, coarse %.3f; lost gradients at %s; %.1f s%n",
                100 * r.meanCoarseRelativeMean(), 1 + r.config().perturbation(), 100 * r.meanPerturbedRelativeMean(), r.lossGapCoarse(),
                r.lossGapPerturbed(), r.finalLossTrue(), r.finalLossCoarse(), r.lostGradients(), r.seconds()));
        return out.toString();
    }

    /** {@code CoarseGrainingCheck [iterations=1000] [text file]}: Fig. 9 at CPU size. */
    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        TokenSplit data = DynamicsData.bytes(args, 1);
        Config config = Config.fig9(AdamWSetup.tinyByteGpt().withIterations(iterations));
        System.out.println("Fig. 9 coarse-grained v on every q/k head matrix: " + config.setup().describe() + "; " + data.description());
        System.out.print(format(run(config, data)));
    }
}
