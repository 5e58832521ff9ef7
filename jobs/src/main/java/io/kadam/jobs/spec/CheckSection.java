package io.kadam.jobs.spec;

import io.kadam.jobs.spec.Grid.ProductGrid;
import io.kadam.model.dynamics.CheckKind;
import io.kadam.model.dynamics.CheckSpec;
import io.kadam.model.dynamics.ReplayCheck;
import io.kadam.model.nn.GptConfig;
import io.kadam.model.nn.ModelSpec;
import io.kadam.optimizer.KAdamConfig;
import io.kadam.optimizer.WeightDecay;

import java.util.List;
import java.util.Locale;

/**
 * Reads a spec's optional {@code check:} section: the sweep's trials then run a continuous-time
 * check ({@link CheckKind}) on their training run instead of plain training. The checks model
 * AdamW on nanoGPT, so this also checks that the rest of the spec describes such runs, each
 * problem named at its key, and that a trial's recording fits in an executor's memory.
 *
 * <pre>
 * check:
 *   kind: replay          # replay (Fig. 1) | norm (Fig. 5) | inner-product (Fig. 8) | coarse-graining (Fig. 9)
 *   substeps: 100         # replay, norm: Euler steps per iteration (K)
 *   coordinates: 16       # replay, coarse-graining: random coordinates followed
 *   coordinate_seed: 7    # replay, coarse-graining: which ones
 *   interpolation: held   # replay: g(t) between iterations, held | linear
 *   perturbation: 1.0e-3  # coarse-graining: relative lr change of the reference run (0: none)
 * </pre>
 */
final class CheckSection {

    /** What one trial may hold in memory: its recorded θ and g and the trajectories computed from them, in bytes. */
    static final long MAX_RECORDED_BYTES = 512L << 20;
    /** Curve points one trial may write (rows of the check_series table). */
    static final long MAX_SERIES_POINTS = 5_000_000;

    private static final List<String> TRAINING_KEYS_NOT_USED = List.of("eval_interval", "eval_batches", "anneal",
            "bound_stop_factor", "checkpoint_every");

    private CheckSection() {}

    static CheckSpec read(SpecMap check, ModelSpec model, SpecMap modelMap, KAdamConfig optimizer, SpecMap optimizerMap,
                          Grid grid, SpecMap gridMap, Training training, SpecMap trainingMap) {
        CheckKind kind = CheckKind.parse(check.choice("kind", CheckKind.labels(), null));
        check.allowOnly(switch (kind) {
            case REPLAY -> List.of("kind", "substeps", "coordinates", "coordinate_seed", "interpolation");
            case NORM -> List.of("kind", "substeps");
            case INNER_PRODUCT -> List.of("kind");
            case COARSE_GRAINING -> List.of("kind", "coordinates", "coordinate_seed", "perturbation");
        }, " of " + aCheck(kind));
        CheckSpec spec = new CheckSpec(kind,
                check.intValue("substeps", CheckSpec.DEFAULT_SUBSTEPS, 1),
                check.intValue("coordinates", CheckSpec.DEFAULT_COORDINATES, 1),
                check.integer("coordinate_seed", CheckSpec.DEFAULT_COORDINATE_SEED, 0),
                ReplayCheck.Interpolation.valueOf(check.choice("interpolation", List.of("held", "linear"), "held")
                        .toUpperCase(Locale.ROOT)),
                check.number("perturbation", CheckSpec.DEFAULT_PERTURBATION, Range.NON_NEGATIVE));

        String what = aCheck(kind) + " (" + kind.figure() + ")";
        if (!(model instanceof GptConfig gpt)) {
            throw modelMap.error("kind", "must be gpt for " + what + ": the checks observe nanoGPT's query/key weights");
        }
        if (kind.needsQkNorm() && !gpt.qkNorm()) {
            throw modelMap.error(modelMap.has("qk_norm") ? "qk_norm" : "kind", "must set qk_norm: true for " + what
                    + ": it is about scale-invariant (qk-normed) query/key matrices"
                    + (kind == CheckKind.INNER_PRODUCT ? "; the check also runs the same model without qk-norm" : ""));
        }
        // the trials' coupling: a product grid's coupling list (optimizer.coupling alone when it sweeps none)
        boolean gridCoupling = grid instanceof ProductGrid && gridMap.has("coupling");
        List<WeightDecay> couplings = grid instanceof ProductGrid product ? product.coupling() : List.of(optimizer.decay());
        if (!couplings.equals(List.of(WeightDecay.DECOUPLED))) {
            throw (gridCoupling ? gridMap : optimizerMap).error("coupling", "must be decoupled for " + what
                    + ": the continuous-time model is AdamW's"
                    + (gridCoupling || optimizerMap.has("coupling") ? "" : " (optimizer.coupling defaults to coupled)"));
        }
        if (optimizer.eps() != KAdamConfig.DEFAULT_EPS) {
            throw optimizerMap.error("eps", "must be left at " + KAdamConfig.DEFAULT_EPS + " for " + what
                    + ": the continuous-time model has no eps");
        }
        if (grid instanceof ProductGrid product) {
            if (!product.k().equals(List.of(1))) {
                throw gridMap.error("k", "must be 1 for " + what + ": the continuous-time model is Adam's (k = 1)");
            }
            if (!product.strategies().isEmpty()) {
                throw gridMap.error("strategy", "does not apply to " + what + ": a strategy makes k-Adam's levels, and the"
                        + " continuous-time model is Adam's (k = 1); leave it out");
            }
        }
        if (!training.schedule().kind().equals("constant")) {
            throw trainingMap.map("schedule").error("kind", "must be constant for " + what
                    + ": the continuous-time model has a fixed learning rate");
        }
        for (String key : TRAINING_KEYS_NOT_USED) {
            if (trainingMap.has(key)) {
                throw trainingMap.error(key, "does not apply to " + what + ": a check records its training run, with no"
                        + " test evaluation, annealing, bound stop or checkpoint; leave it out");
            }
        }
        checkSize(spec, gpt, training.steps(), trainingMap);
        return spec;
    }

    /** Refuses a check whose recording or curve rows would not fit an executor, naming the sizes. */
    private static void checkSize(CheckSpec check, GptConfig gpt, long steps, SpecMap trainingMap) {
        long headEntries = 2L * gpt.layers() * gpt.dim() * gpt.dim(); // every q and k weight, all heads
        long runs = check.kind() == CheckKind.COARSE_GRAINING ? (check.perturbation() == 0 ? 2 : 3) : 1;
        // doubles kept per recorded value and iteration, until the check's result is made
        String held = switch (check.kind()) {
            case REPLAY -> "theta and g recorded, the float64 replay's and the Euler solution's theta";
            case NORM -> "theta and g recorded, a float64 replay's theta and u, the Euler solution's theta";
            case INNER_PRODUCT -> "theta and g of one run at a time";
            case COARSE_GRAINING -> "theta and g of " + runs + " run(s)";
        };
        long perValue = switch (check.kind()) {
            case REPLAY -> 4;
            case NORM -> 5;
            case INNER_PRODUCT -> 2;
            case COARSE_GRAINING -> 2 * runs;
        };
        long recorded = check.kind().recordsHeadMatrices() ? headEntries : check.coordinates();
        double bytes = (double) recorded * perValue * (steps + 1) * Double.BYTES;
        if (bytes > MAX_RECORDED_BYTES) {
            throw trainingMap.error("steps", String.format(Locale.ROOT, "is too large for %s of this model: it keeps %d values"
                            + " (%s) for each of %,d recorded weights at each of %,d iterations: %,.2f MB, more than %d MB;"
                            + " lower training.steps or model.dim", aCheck(check.kind()), perValue, held, recorded, steps + 1,
                    bytes / (1 << 20), MAX_RECORDED_BYTES >> 20));
        }
        long subjects = switch (check.kind()) {
            case REPLAY -> 3L * check.coordinates();
            case NORM -> 5L * 2 * gpt.layers() * gpt.heads();
            case INNER_PRODUCT -> 6L * 2 * gpt.layers() * gpt.heads();
            case COARSE_GRAINING -> 3L * (check.coordinates() + 1);
        };
        if ((double) subjects * (steps + 1) > MAX_SERIES_POINTS) {
            throw trainingMap.error("steps", String.format(Locale.ROOT, "is too large for %s: it would write %,d curve"
                    + " points per trial, at most %,d; lower training.steps (or check.coordinates)", aCheck(check.kind()),
                    subjects * (steps + 1), MAX_SERIES_POINTS));
        }
    }

    /** "a replay check", "an inner-product check". */
    private static String aCheck(CheckKind kind) {
        return ("aeiou".indexOf(kind.label().charAt(0)) >= 0 ? "an " : "a ") + kind.label() + " check";
    }
}
