package io.kadam.jobs.spec;

import io.kadam.optimizer.LevelStrategy;
import io.kadam.optimizer.WeightDecay;
import io.kadam.optimizer.theory.AdamPoint;
import io.kadam.optimizer.theory.Section;

import java.util.List;

/**
 * The hyperparameters a sweep varies: a spec's {@code grid:} section, checked and resolved.
 * Curve and point grids sweep Adam (k = 1) over (β, γ); a product grid sweeps k-Adam over k,
 * strategies, learning rates, weight decays and couplings. Seeds multiply every kind; they live
 * in {@link SweepSpec#seeds()}.
 */
public sealed interface Grid {

    /** The spec's {@code grid.kind}. */
    String kind();

    /** Trials per seed. */
    int size();

    /**
     * {@code count} points equally spaced in arc length along a section of a curve
     * ({@link Section#points}).
     *
     * @param kind    "normal-curve", "level-curve" or "b0"
     * @param section the part of the curve swept (the whole curve inside (0, 1)² by default)
     * @param count   the number of points
     */
    record CurveGrid(String kind, Section section, int count) implements Grid {
        public CurveGrid {
            if (count < 1) {
                throw new IllegalArgumentException("count must be >= 1, got " + count);
            }
        }

        @Override
        public int size() {
            return count;
        }
    }

    /** Points listed one by one, in the order given. */
    record PointsGrid(List<AdamPoint> points) implements Grid {
        public PointsGrid {
            points = List.copyOf(points);
        }

        @Override
        public String kind() {
            return "points";
        }

        @Override
        public int size() {
            return points.size();
        }
    }

    /**
     * Every combination of the lists; every list holds at least one value (a key the spec leaves
     * out holds the single value of the optimizer or training section).
     *
     * @param k            normalization levels
     * @param strategies   how k-Adam's levels come from (optimizer.beta, optimizer.gamma); empty
     *                     when every k is 1 and none was given: the trials are then labelled "adam"
     * @param lr           peak learning rates
     * @param weightDecay  λ values
     * @param coupling     coupled and/or decoupled weight decay
     */
    record ProductGrid(List<Integer> k, List<LevelStrategy> strategies, List<Double> lr, List<Double> weightDecay,
                       List<WeightDecay> coupling) implements Grid {
        public ProductGrid {
            k = List.copyOf(k);
            strategies = List.copyOf(strategies);
            lr = List.copyOf(lr);
            weightDecay = List.copyOf(weightDecay);
            coupling = List.copyOf(coupling);
        }

        @Override
        public String kind() {
            return "product";
        }

        /** k = 1 counts once whatever the strategies: it is Adam under every one of them. */
        @Override
        public int size() {
            int cells = k.contains(1) ? 1 + (k.size() - 1) * Math.max(1, strategies.size())
                    : k.size() * Math.max(1, strategies.size());
            return cells * lr.size() * weightDecay.size() * coupling.size();
        }
    }
}
