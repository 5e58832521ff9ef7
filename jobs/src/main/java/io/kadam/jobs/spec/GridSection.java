package io.kadam.jobs.spec;

import io.kadam.jobs.spec.Grid.CurveGrid;
import io.kadam.jobs.spec.Grid.PointsGrid;
import io.kadam.jobs.spec.Grid.ProductGrid;
import io.kadam.optimizer.KAdamConfig;
import io.kadam.optimizer.LevelStrategy;
import io.kadam.optimizer.WeightDecay;
import io.kadam.optimizer.theory.AdamPoint;
import io.kadam.optimizer.theory.Curve;
import io.kadam.optimizer.theory.LevelCurve;
import io.kadam.optimizer.theory.NormalCurve;
import io.kadam.optimizer.theory.Section;
import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/** Reads a spec's {@code grid:} section; see {@link SweepSpec} for the format. */
final class GridSection {

    /** Each kind's keys: a key of another kind is reported as such (a grid has exactly one kind). */
    static final Map<String, List<String>> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("normal-curve", List.of("kind", "through", "points", "beta_range", "seeds"));
        KEYS.put("level-curve", List.of("kind", "through", "c", "points", "beta_range", "seeds"));
        KEYS.put("b0", List.of("kind", "points", "beta_range", "seeds"));
        KEYS.put("points", List.of("kind", "points", "seeds"));
        KEYS.put("product", List.of("kind", "k", "strategy", "lr", "weight_decay", "coupling", "seeds"));
    }

    static final List<String> KINDS = List.copyOf(KEYS.keySet());
    private static final List<String> STRATEGIES = Arrays.stream(LevelStrategy.values()).map(LevelStrategy::label).toList();

    private GridSection() {}

    /**
     * @param optimizer the optimizer section as written, to refuse a value given both there and here
     * @param base      the optimizer it gave: product grids start from its (β, γ), λ and coupling
     */
    static Grid read(SpecMap grid, String kind, SpecMap optimizer, KAdamConfig base, Training training) {
        List<String> known = KEYS.get(kind);
        for (String key : grid.keys()) {
            for (Map.Entry<String, List<String>> other : KEYS.entrySet()) {
                if (!known.contains(key) && other.getValue().contains(key)) {
                    throw grid.error(key, "belongs to grid kind " + other.getKey() + ", not " + kind
                            + ": a grid has exactly one kind; known keys of " + kind + ": " + String.join(", ", known));
                }
            }
        }
        grid.allowOnly(known, " of a " + kind + " grid");
        if (kind.equals("product")) {
            return product(grid, optimizer, base, training);
        }
        for (String setByGrid : List.of("beta", "gamma")) {
            if (optimizer.has(setByGrid)) {
                throw optimizer.error(setByGrid, "is set for each trial by the " + kind
                        + " grid: remove it (it is the base point of product grids only)");
            }
        }
        return kind.equals("points") ? points(grid) : curve(grid, kind);
    }

    private static CurveGrid curve(SpecMap grid, String kind) {
        Curve curve;
        if (kind.equals("b0")) {
            curve = LevelCurve.of(0);
        } else if (kind.equals("normal-curve")) {
            curve = NormalCurve.through(point(grid, grid.node("through"), grid.keyPath("through")));
        } else if (grid.has("through") == grid.has("c")) {
            throw grid.error("through", "or grid.c is required for a level-curve grid (exactly one of them)");
        } else {
            curve = grid.has("c") ? LevelCurve.of(grid.number("c", Range.ANY))
                    : LevelCurve.through(point(grid, grid.node("through"), grid.keyPath("through")));
        }
        int count = grid.intValue("points", 1);
        Section section = curve.whole();
        if (grid.has("beta_range")) {
            double[] range = grid.tuple(grid.node("beta_range"), grid.keyPath("beta_range"), 2, Range.ANY,
                    "a pair [from, to] of β values");
            Curve.BetaRange inside = curve.betaRange();
            String given = "[" + range[0] + ", " + range[1] + "]";
            if (!(range[0] < range[1])) {
                throw grid.error("beta_range", "must be increasing, [from, to] with from < to, got " + given);
            }
            if (range[0] < inside.lo() || range[1] > inside.hi()) {
                throw grid.error("beta_range", "must lie within the β range where the curve is inside the unit square, ["
                        + inside.lo() + ", " + inside.hi() + "], got " + given);
            }
            section = curve.section(range[0], range[1]);
        }
        try {
            section.points(count); // the expander's points, computed once here so that it cannot fail later
        } catch (IllegalArgumentException e) {
            throw grid.error("points", "cannot be placed on the curve: " + e.getMessage());
        }
        return new CurveGrid(kind, section, count);
    }

    private static PointsGrid points(SpecMap grid) {
        List<Node> nodes = grid.elements("points");
        List<AdamPoint> points = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            points.add(point(grid, nodes.get(i), grid.keyPath("points") + "[" + i + "]"));
        }
        distinct(grid, "points", points);
        return new PointsGrid(points);
    }

    private static ProductGrid product(SpecMap grid, SpecMap optimizer, KAdamConfig base, Training training) {
        List<Integer> k = grid.has("k") ? values(grid, "k", (node, path) -> grid.intValue(node, path, 1)) : List.of(1);
        List<LevelStrategy> strategies = grid.has("strategy") ? values(grid, "strategy",
                (node, path) -> LevelStrategy.parse(grid.choice(node, path, STRATEGIES))) : List.of();
        if (strategies.isEmpty() && k.stream().anyMatch(levels -> levels > 1)) {
            throw grid.error("k", "lists k > 1, which needs grid.strategy: one or more of " + String.join(", ", STRATEGIES));
        }
        var level = base.levels().get(0);
        for (LevelStrategy s : strategies) {
            for (int levels : k) {
                try {
                    s.levels(levels, level.beta(), level.gamma());
                } catch (IllegalArgumentException e) {
                    throw grid.error("k", "with strategy " + s.label() + " gives invalid levels: " + e.getMessage());
                }
            }
        }
        List<Double> lr = grid.has("lr") ? values(grid, "lr", (node, path) -> grid.number(node, path, Range.POSITIVE))
                : List.of(training.schedule().lr());
        if (grid.has("lr") && Double.isNaN(training.floorRatio()) && training.schedule().kind().equals("warmup-cosine")) {
            for (int i = 0; i < lr.size(); i++) {
                if (training.schedule().floor() > lr.get(i)) {
                    throw grid.error("lr", "lists " + lr.get(i) + ", below training.schedule.floor ("
                            + training.schedule().floor() + "); use floor_ratio for a floor that scales with lr");
                }
            }
        }
        List<Double> weightDecay = List.of(base.weightDecay());
        if (grid.has("weight_decay")) {
            refuseBoth(grid, optimizer, "weight_decay");
            weightDecay = values(grid, "weight_decay", (node, path) -> grid.number(node, path, Range.NON_NEGATIVE));
        }
        List<WeightDecay> coupling = List.of(base.decay());
        if (grid.has("coupling")) {
            refuseBoth(grid, optimizer, "coupling");
            coupling = values(grid, "coupling", (node, path) ->
                    WeightDecay.valueOf(grid.choice(node, path, SpecParser.COUPLINGS).toUpperCase(Locale.ROOT)));
        }
        return new ProductGrid(k, strategies, lr, weightDecay, coupling);
    }

    /** A (β, γ) pair, both in (0, 1) as the theory needs. */
    private static AdamPoint point(SpecMap grid, Node node, String path) {
        double[] p = grid.tuple(node, path, 2, Range.OPEN_UNIT, "a pair [beta, gamma] with both in (0, 1)");
        return new AdamPoint(p[0], p[1]);
    }

    /** The key's values (a list, or one value), each read by {@code read}, none twice. */
    private static <T> List<T> values(SpecMap grid, String key, BiFunction<Node, String, T> read) {
        List<Node> nodes = grid.elements(key);
        List<T> values = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            values.add(read.apply(nodes.get(i), grid.keyPath(key) + "[" + i + "]"));
        }
        distinct(grid, key, values);
        return values;
    }

    /** Two equal values would be two trials with the same id. */
    private static void distinct(SpecMap grid, String key, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (values.indexOf(values.get(i)) != i) {
                throw grid.error(key, "lists " + values.get(i) + " twice (entries " + values.indexOf(values.get(i))
                        + " and " + i + "); each value must be distinct");
            }
        }
    }

    private static void refuseBoth(SpecMap grid, SpecMap optimizer, String key) {
        if (optimizer.has(key)) {
            throw grid.error(key, "is also given as optimizer." + key + " (line " + optimizer.line(key)
                    + "): give it in one place");
        }
    }
}
