package io.kadam.model.dynamics;

import io.kadam.model.SeededRandom;
import io.kadam.model.data.TokenSplit;
import io.kadam.optimizer.KAdam;
import io.kadam.optimizer.ode.ContinuousAdamConfig;
import io.kadam.optimizer.ode.DiscreteAdamW;
import io.kadam.optimizer.ode.EulerSolver;
import io.kadam.optimizer.ode.GradientPath;
import io.kadam.optimizer.ode.Trajectory;
import io.kadam.optimizer.ode.TrajectoryGap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Fig. 1: a real AdamW run against its continuous-time model. Train nanoGPT with k-Adam (k = 1,
 * decoupled decay; float32), record θ_n and g_n of a few random coordinates, replay the recorded
 * gradients through Appendix I's Euler solver (float64) and compare θ(t_n) with θ_n. With
 * replayed gradients each coordinate's ODE is independent of the others, so the chosen
 * coordinates are all that needs solving.
 *
 * <p>The error of a coordinate is its gap to the discrete run in units of its range over the run
 * ({@link TrajectoryGap}); the float64 discrete recursion replayed on the same gradients gives the
 * floor (what float32 training alone contributes).
 */
public final class ReplayCheck {

    /** How g(t) is taken between iterations (see {@link GradientPath}). */
    public enum Interpolation { HELD, LINEAR }

    /**
     * @param tensors        parameters to draw coordinates from (empty: every 2-D weight of the blocks)
     * @param coordinates    how many (Fig. 1: 16)
     * @param coordinateSeed which ones
     * @param substeps       K (Fig. 1: 100)
     */
    public record Config(AdamWSetup setup, List<String> tensors, int coordinates, long coordinateSeed, int substeps,
                         Interpolation interpolation) {

        public Config {
            tensors = List.copyOf(tensors);
            if (coordinates < 1) {
                throw new IllegalArgumentException("coordinates must be >= 1, got " + coordinates);
            }
        }

        /** 16 coordinates of the blocks' weights, K = 100, gradients held over each iteration. */
        public static Config fig1(AdamWSetup setup) {
            return new Config(setup, List.of(), 16, 7, 100, Interpolation.HELD);
        }

        public Config withInterpolation(Interpolation i) {
            return new Config(setup, tensors, coordinates, coordinateSeed, substeps, i);
        }
    }

    /** One coordinate at one iteration: the training run's value, the ODE's, and the float64 discrete replay's. */
    public record Row(int iteration, int coordinate, String parameter, int index, double discrete, double continuous,
                      double discrete64, double gradient) {}

    /** One coordinate over the run: the ODE's gap and the float64 replay's gap to the training run. */
    public record CoordinateError(int coordinate, String parameter, int index, double range, double maxGap, double meanGap,
                                  double relativeMax, double relativeMean, double maxGapInLrSteps, double float64RelativeMax) {}

    /**
     * @param medianRelativeMean median over coordinates of mean gap / range (the headline number)
     * @param meanRelativeMean   mean over coordinates of mean gap / range
     * @param meanRelativeMax    mean over coordinates of max gap / range
     * @param worstRelativeMax   largest max gap / range
     * @param float64Floor       largest max gap / range of the float64 discrete replay
     * @param lostGradients      iterations with a lost gradient ({@link Recording})
     */
    public record Result(Config config, List<Row> rows, List<CoordinateError> errors, double[] losses,
                         double medianRelativeMean, double meanRelativeMean, double meanRelativeMax, double worstRelativeMax,
                         double float64Floor, List<Integer> lostGradients, double trainSeconds, double solveSeconds) {}

    private ReplayCheck() {}

    public static Result run(Config config, TokenSplit data) {
        AdamWSetup setup = config.setup();
        Recording rec;
        try (GptRun run = setup.start(data)) {
            List<String> tensors = config.tensors().isEmpty() ? Coordinate.blockWeights(run.parameters()) : config.tensors();
            List<Coordinate> coordinates = Coordinate.sample(run.parameters(), tensors, config.coordinates(),
                    new SeededRandom(config.coordinateSeed()));
            KAdam adamW = setup.newOptimizer();
            rec = Recording.train(run, adamW::step, setup.iterations(), coordinates);
        }
        long start = System.nanoTime();
        ContinuousAdamConfig ode = setup.continuous(config.substeps());
        GradientPath path = config.interpolation() == Interpolation.HELD
                ? GradientPath.held(rec.gradients()) : GradientPath.linear(rec.gradients());
        Trajectory continuous = new EulerSolver(ode).solve(rec.theta()[0], path, rec.iterations());
        Trajectory discrete64 = DiscreteAdamW.replay(ode, rec.theta()[0], rec.gradients());
        double solveSeconds = (System.nanoTime() - start) / 1e9;

        List<Row> rows = new ArrayList<>();
        List<CoordinateError> errors = new ArrayList<>();
        for (int c = 0; c < rec.coordinates().size(); c++) {
            Coordinate coordinate = rec.coordinates().get(c);
            for (int n = 0; n <= rec.iterations(); n++) {
                rows.add(new Row(n, c, coordinate.parameter(), coordinate.index(), rec.theta()[n][c], continuous.theta()[n][c],
                        discrete64.theta()[n][c], n < rec.iterations() ? rec.gradients()[n][c] : Double.NaN));
            }
            TrajectoryGap gap = TrajectoryGap.of(rec.column(c), continuous.coordinate(c));
            TrajectoryGap floor = TrajectoryGap.of(rec.column(c), discrete64.coordinate(c));
            errors.add(new CoordinateError(c, coordinate.parameter(), coordinate.index(), gap.range(), gap.maxGap(), gap.meanGap(),
                    gap.relativeMax(), gap.relativeMean(), gap.maxGap() / setup.lr(), floor.relativeMax()));
        }
        double[] relMean = errors.stream().mapToDouble(CoordinateError::relativeMean).sorted().toArray();
        double median = relMean.length % 2 == 1 ? relMean[relMean.length / 2]
                : (relMean[relMean.length / 2 - 1] + relMean[relMean.length / 2]) / 2;
        return new Result(config, List.copyOf(rows), List.copyOf(errors), rec.losses(), median, Arrays.stream(relMean).average().orElse(Double.NaN),
                errors.stream().mapToDouble(CoordinateError::relativeMax).average().orElse(Double.NaN),
                errors.stream().mapToDouble(CoordinateError::relativeMax).max().orElse(Double.NaN),
                errors.stream().mapToDouble(CoordinateError::float64RelativeMax).max().orElse(Double.NaN),
                rec.lostGradients(), rec.seconds(), solveSeconds);
    }

    public static String format(Result r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-22s %6s %10s %10s %9s %9s %9s %10s%n", "parameter", "index", "range", "max gap",
                "max/rng", "mean/rng", "lr-steps", "f64 floor"));
        for (CoordinateError e : r.errors()) {
            out.append(String.format(Locale.ROOT, "%-22s %6d %10.5f %10.6f %8.2f%% %8.2f%% %9.2f %10.1e%n", Coordinate.shortName(e.parameter()), e.index(),
                    e.range(), e.maxGap(), 100 * e.relativeMax(), 100 * e.relativeMean(), e.maxGapInLrSteps(), e.float64RelativeMax()));
        }
        out.append(String.format(Locale.ROOT, "mean gap / range: median %.2f%%, mean %.2f%%; max gap / range: mean %.2f%%, worst %.2f%%; "
                        + "float64 discrete replay within %.1e of the float32 run; loss %.3f -> %.3f; lost gradients at %s; "
                        + "train %.1f s, solve %.1f s%n",
                100 * r.medianRelativeMean(), 100 * r.meanRelativeMean(), 100 * r.meanRelativeMax(), 100 * r.worstRelativeMax(),
                r.float64Floor(),
                r.losses()[0], r.losses()[r.losses().length - 1], r.lostGradients(), r.trainSeconds(), r.solveSeconds()));
        return out.toString();
    }

    /** {@code ReplayCheck [lr=1e-3] [iterations=1000] [text file]}: Fig. 1 at CPU size, held and linear g. */
    public static void main(String[] args) {
        double lr = args.length > 0 ? Double.parseDouble(args[0]) : 1e-3;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        TokenSplit data = DynamicsData.bytes(args, 2);
        AdamWSetup setup = AdamWSetup.tinyByteGpt().withLr(lr).withIterations(iterations);
        System.out.println("Fig. 1 replay: " + setup.describe() + "; " + data.description());
        for (Interpolation i : Interpolation.values()) {
            Result r = run(Config.fig1(setup).withInterpolation(i), data);
            System.out.println("g(t) " + i.name().toLowerCase(Locale.ROOT) + ", K = " + r.config().substeps() + ":");
            System.out.print(format(r));
        }
    }
}
