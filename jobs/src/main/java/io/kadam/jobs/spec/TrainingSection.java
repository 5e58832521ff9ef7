package io.kadam.jobs.spec;

import io.kadam.model.train.ScheduleSpec;

import java.util.List;

/**
 * Reads a spec's {@code training:} section. The length is {@code steps: N}, or for image sets
 * {@code epochs: N}; eval_interval and checkpoint_every count in the same unit as the length, and
 * everything is converted to steps here.
 */
final class TrainingSection {

    private static final List<String> KEYS = List.of("steps", "epochs", "batch_size", "eval_interval", "eval_batches",
            "seed", "schedule", "anneal", "bound_stop_factor", "checkpoint_every");
    private static final List<String> KINDS = List.of("constant", "warmup-cosine", "linear-warmup");

    private TrainingSection() {}

    /** @param lrSwept whether a product grid sweeps lr (then schedule.lr must not be given) */
    static Training read(SpecMap training, DataSpec data, boolean lrSwept) {
        training.allowOnly(KEYS, " of training");
        boolean byEpoch = training.has("epochs");
        if (byEpoch && training.has("steps")) {
            throw training.error("epochs", "and training.steps (line " + training.line("steps") + ") are both given: give one");
        }
        int batchSize = training.intValue("batch_size", 1);
        long stepsPerEpoch = 1;
        long length;
        if (byEpoch) {
            if (!data.isImages()) {
                throw training.error("epochs", "needs an image dataset: the size of the text corpus " + data.dataset()
                        + " is known only once it is tokenized; give training.steps instead");
            }
            // the sampler's last batch of an epoch is smaller (no drop_last): ceil
            stepsPerEpoch = (DataSection.trainImages(data.dataset()) + batchSize - 1) / batchSize;
            length = training.integer("epochs", 1);
        } else if (training.has("steps")) {
            length = training.integer("steps", 1);
        } else {
            throw training.error("steps", "is required (or, for an image dataset, training.epochs)");
        }
        long steps = inSteps(training, byEpoch ? "epochs" : "steps", length, stepsPerEpoch, Long.MAX_VALUE);
        int evalInterval = (int) inSteps(training, "eval_interval", training.intValue("eval_interval", 0, 0),
                stepsPerEpoch, Integer.MAX_VALUE);
        int checkpointEvery = (int) inSteps(training, "checkpoint_every", training.intValue("checkpoint_every", 0, 0),
                stepsPerEpoch, Integer.MAX_VALUE);
        int evalBatches = training.intValue("eval_batches", data.isImages() ? 0 : 40, 0);
        long seed = training.integer("seed", 1, 0);
        double boundStopFactor = training.number("bound_stop_factor", 0, Range.NON_NEGATIVE);
        boolean anneal = training.bool("anneal", false);

        ScheduleSpec schedule;
        double floorRatio;
        if (training.has("schedule")) {
            SpecMap map = training.map("schedule");
            schedule = schedule(map, lrSwept, byEpoch ? length : steps, byEpoch ? stepsPerEpoch : 0, anneal);
            floorRatio = schedule.kind().equals("warmup-cosine")
                    ? map.number("floor_ratio", Double.NaN, Range.NON_NEGATIVE) : 1;
        } else if (lrSwept) {
            schedule = new ScheduleSpec("constant", Double.NaN, 0, 0, Double.NaN, 1, anneal);
            floorRatio = 1;
        } else {
            throw training.error("schedule", "is required, e.g. {kind: constant, lr: 1.0e-3}");
        }
        return new Training(steps, batchSize, evalInterval, evalBatches, seed, schedule, floorRatio, boundStopFactor,
                checkpointEvery);
    }

    /**
     * @param lengthInUnits the training length as written, in epochs or steps (total's default)
     * @param stepsPerEpoch 0 when the length is in steps (then unit: epoch is refused)
     */
    private static ScheduleSpec schedule(SpecMap map, boolean lrSwept, long lengthInUnits, long stepsPerEpoch,
                                         boolean anneal) {
        String kind = map.choice("kind", KINDS, null);
        map.allowOnly(switch (kind) {
            case "constant" -> List.of("kind", "lr");
            case "linear-warmup" -> List.of("kind", "lr", "warmup", "unit");
            default -> List.of("kind", "lr", "warmup", "total", "floor", "floor_ratio", "unit");
        }, " of a " + kind + " schedule");
        double lr = Double.NaN;
        if (lrSwept && map.has("lr")) {
            throw map.error("lr", "is swept by the product grid's lr: give the learning rate in one place");
        } else if (!lrSwept) {
            lr = map.number("lr", Range.POSITIVE);
        }
        String unit = map.choice("unit", List.of("step", "epoch"), stepsPerEpoch > 0 ? "epoch" : "step");
        if (unit.equals("epoch") && stepsPerEpoch == 0) {
            throw map.error("unit", "is epoch, but the training length is in steps: give training.epochs (image"
                    + " datasets only) or use unit: step");
        }
        long stepsPerUnit = unit.equals("epoch") ? stepsPerEpoch : 1;
        // with the length in epochs and a schedule in steps, the cosine's default end is the last step
        long defaultTotal = unit.equals("epoch") || stepsPerEpoch == 0 ? lengthInUnits : lengthInUnits * stepsPerEpoch;
        long warmup = map.integer("warmup", 0, 0);
        if (kind.equals("constant")) {
            return new ScheduleSpec(kind, lr, 0, 0, lr, 1, anneal);
        }
        if (kind.equals("linear-warmup")) {
            return new ScheduleSpec(kind, lr, warmup, warmup, lr, stepsPerUnit, anneal);
        }
        long total = map.integer("total", defaultTotal, 1);
        if (total < warmup) {
            throw map.error("total", "must be >= warmup (" + warmup + "), got " + total);
        }
        if (map.has("floor") && map.has("floor_ratio")) {
            throw map.error("floor_ratio", "and floor (line " + map.line("floor") + ") are both given: give one");
        }
        double floor = map.number("floor", 0, Range.NON_NEGATIVE);
        if (map.has("floor_ratio") && map.number("floor_ratio", Range.NON_NEGATIVE) > 1) {
            throw map.error("floor_ratio", "must be in [0, 1] (a fraction of the peak lr), got " + map.string("floor_ratio"));
        }
        if (!lrSwept && floor > lr) {
            throw map.error("floor", "must be <= lr (" + lr + "), got " + floor);
        }
        return new ScheduleSpec(kind, lr, warmup, total, floor, stepsPerUnit, anneal);
    }

    /** A count in the length's unit as steps, refusing more than {@code limit} steps. */
    private static long inSteps(SpecMap training, String key, long count, long stepsPerUnit, long limit) {
        if (count > limit / stepsPerUnit) {
            throw training.error(key, "is too large: " + count + " x " + stepsPerUnit + " steps per epoch overflows");
        }
        return count * stepsPerUnit;
    }
}
