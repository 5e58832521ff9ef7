package io.kadam.jobs.spec;

import io.kadam.jobs.spec.Grid.CurveGrid;
import io.kadam.jobs.spec.Grid.PointsGrid;
import io.kadam.jobs.spec.Grid.ProductGrid;
import io.kadam.model.train.TrialConfig;
import io.kadam.optimizer.AdaptiveNormalization;
import io.kadam.optimizer.KAdamConfig;
import io.kadam.optimizer.LevelStrategy;
import io.kadam.optimizer.WeightDecay;
import io.kadam.optimizer.theory.AdamPoint;
import io.kadam.optimizer.theory.CurvePoint;
import io.kadam.optimizer.theory.Region;
import io.kadam.optimizer.theory.Stability;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a sweep spec into its trials, always in the same order, which is each trial's index:
 *
 * <ul>
 *   <li>curve and b0 grids: points in order of increasing β (increasing arc position s), and for
 *       each point every seed; Adam (k = 1) at the point, strategy "adam";
 *   <li>points grids: the points in the order listed, then seeds; arc position NaN;
 *   <li>product grids: k, then strategy, lr, weight decay, coupling, seed, the last varying
 *       fastest; arc position NaN; strategy the {@code LevelStrategy} label. At k = 1 every
 *       strategy is Adam at the base point, so k = 1 runs once per lr, weight decay, coupling and
 *       seed, labelled "adam" (as when the grid names no strategy, which it may only when every k
 *       is 1); the tables count that trial for every strategy of its sweep.
 * </ul>
 *
 * A trial's (β, γ), C and region are level 1's. Region: |C| ≤ {@link #B0_TOLERANCE} is "B0", so
 * that points computed on the C = 0 curve, whose C is round-off of either sign, read B0.
 *
 * <p>Computed β and γ (curve points, strategy levels; not the points a spec lists) are rounded to
 * {@link #DIGITS} significant digits before use. They come from cbrt, pow and the like, which Java
 * lets differ by an ulp between JVMs and CPUs; unrounded, the same trial could get another id on
 * another machine.
 */
public final class SweepExpander {

    /** |C| at or below which a point counts as B0. */
    public static final double B0_TOLERANCE = 1e-9;
    /** The strategy label of Adam itself: curve and point grids, and product grids without strategies. */
    public static final String ADAM = "adam";
    /** Significant digits kept of a computed β or γ: far below any effect, far above an ulp. */
    public static final int DIGITS = 12;

    private SweepExpander() {}

    public static List<TrialSpec> expand(SweepSpec spec) {
        List<TrialSpec> trials = new ArrayList<>(spec.trialCount());
        Grid grid = spec.grid();
        if (grid instanceof CurveGrid curve) {
            for (CurvePoint p : curve.section().points(curve.count())) {
                adam(spec, new AdamPoint(round(p.point().beta()), round(p.point().gamma())), p.s(), trials);
            }
        } else if (grid instanceof PointsGrid points) {
            for (AdamPoint p : points.points()) {
                adam(spec, p, Double.NaN, trials);
            }
        } else {
            product(spec, (ProductGrid) grid, trials);
        }
        return trials;
    }

    private static void adam(SweepSpec spec, AdamPoint point, double arcPosition, List<TrialSpec> trials) {
        KAdamConfig base = spec.optimizer();
        KAdamConfig optimizer = new KAdamConfig(List.of(new AdaptiveNormalization(point.beta(), point.gamma())),
                base.weightDecay(), base.decay(), base.eps());
        for (long seed : spec.seeds()) {
            add(spec, optimizer, ADAM, spec.training().schedule().lr(), seed, arcPosition, trials);
        }
    }

    private static void product(SweepSpec spec, ProductGrid grid, List<TrialSpec> trials) {
        AdaptiveNormalization base = spec.optimizer().levels().get(0);
        List<String> labels = grid.strategies().isEmpty() ? List.of(ADAM)
                : grid.strategies().stream().map(LevelStrategy::label).toList();
        for (int k : grid.k()) {
            for (String label : k == 1 ? List.of(ADAM) : labels) {
                // k = 1, and a grid without strategies (every k is 1, the parser made sure): Adam at the base point
                List<AdaptiveNormalization> levels = label.equals(ADAM) ? List.of(base)
                        : portable(LevelStrategy.parse(label).levels(k, base.beta(), base.gamma()));
                for (double lr : grid.lr()) {
                    for (double weightDecay : grid.weightDecay()) {
                        for (WeightDecay coupling : grid.coupling()) {
                            KAdamConfig optimizer = new KAdamConfig(levels, weightDecay, coupling, spec.optimizer().eps());
                            for (long seed : spec.seeds()) {
                                add(spec, optimizer, label, lr, seed, Double.NaN, trials);
                            }
                        }
                    }
                }
            }
        }
    }

    /** The levels with β and γ rounded to {@link #DIGITS} significant digits. */
    private static List<AdaptiveNormalization> portable(List<AdaptiveNormalization> levels) {
        List<AdaptiveNormalization> rounded = new ArrayList<>(levels.size());
        for (AdaptiveNormalization level : levels) {
            rounded.add(new AdaptiveNormalization(round(level.beta()), round(level.gamma())));
        }
        return rounded;
    }

    /** x to {@link #DIGITS} significant digits, unless that would reach 0 or 1, which no level may be. */
    static double round(double x) {
        double rounded = new BigDecimal(x).round(new MathContext(DIGITS)).doubleValue();
        return rounded > 0 && rounded < 1 ? rounded : x;
    }

    private static void add(SweepSpec spec, KAdamConfig optimizer, String strategy, double lr, long seed,
                            double arcPosition, List<TrialSpec> trials) {
        Training t = spec.training();
        TrialConfig config = new TrialConfig(spec.model(), optimizer, t.scheduleAt(lr), t.steps(), t.batchSize(),
                t.evalInterval(), t.evalBatches(), seed, t.boundStopFactor());
        AdaptiveNormalization level = optimizer.levels().get(0);
        double c = Stability.c(level.beta(), level.gamma());
        TrialPoint point = new TrialPoint(level.beta(), level.gamma(), c, Region.of(c, B0_TOLERANCE).label(),
                arcPosition, optimizer.k(), strategy, lr, optimizer.weightDecay(),
                optimizer.decay().name().toLowerCase(Locale.ROOT), seed);
        trials.add(new TrialSpec(TrialId.of(config, spec.data(), strategy, spec.check()), spec.name(), trials.size(), config,
                spec.data(), point, t.checkpointEvery(), spec.check()));
    }
}
