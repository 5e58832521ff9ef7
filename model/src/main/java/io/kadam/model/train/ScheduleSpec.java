package io.kadam.model.train;

import io.kadam.optimizer.KAdamConfig;
import io.kadam.optimizer.schedule.LrSchedule;
import io.kadam.optimizer.theory.AdamPoint;

import java.util.Locale;

/**
 * A learning-rate schedule as plain data.
 *
 * @param kind         "constant", "warmup-cosine" (linear warmup, cosine to {@code floor}) or
 *                     "linear-warmup" (then constant)
 * @param lr           the peak (or constant) rate
 * @param warmup       warmup length, in units
 * @param total        where the cosine reaches {@code floor}, in units
 * @param floor        the final rate of the cosine
 * @param stepsPerUnit 1 to count in steps; the steps per epoch to count in epochs (the rate
 *                     then changes at epoch boundaries)
 * @param anneal       multiply by the paper's Eq. 19 factor exp(−n|C|/2) of level 1's (β, γ)
 *                     (1 outside B−)
 */
public record ScheduleSpec(String kind, double lr, long warmup, long total, double floor, long stepsPerUnit, boolean anneal)
        implements java.io.Serializable {

    public ScheduleSpec {
        kind = kind.toLowerCase(Locale.ROOT);
        if (!kind.equals("constant") && !kind.equals("warmup-cosine") && !kind.equals("linear-warmup")) {
            throw new IllegalArgumentException("schedule kind must be constant, warmup-cosine or linear-warmup, got '" + kind + "'");
        }
        if (stepsPerUnit < 1) {
            throw new IllegalArgumentException("stepsPerUnit must be >= 1, got " + stepsPerUnit);
        }
    }

    public static ScheduleSpec constant(double lr) {
        return new ScheduleSpec("constant", lr, 0, 0, lr, 1, false);
    }

    /** Warmup then cosine to a floor, counted in steps (the paper's fig4 schedule). */
    public static ScheduleSpec warmupCosine(double lr, long warmup, long total, double floor) {
        return new ScheduleSpec("warmup-cosine", lr, warmup, total, floor, 1, false);
    }

    public ScheduleSpec annealed() {
        return new ScheduleSpec(kind, lr, warmup, total, floor, stepsPerUnit, true);
    }

    public ScheduleSpec perEpoch(long stepsPerEpoch) {
        return new ScheduleSpec(kind, lr, warmup, total, floor, stepsPerEpoch, anneal);
    }

    /** The schedule itself; validates the rates (a negative lr is refused here, naming it). */
    public LrSchedule build(KAdamConfig optimizer) {
        LrSchedule base = switch (kind) {
            case "constant" -> LrSchedule.constant(lr);
            case "linear-warmup" -> LrSchedule.linearWarmup(lr, warmup);
            default -> LrSchedule.warmupCosine(lr, warmup, total, floor);
        };
        if (stepsPerUnit > 1) {
            base = base.perEpoch(stepsPerUnit);
        }
        if (anneal) {
            var level = optimizer.levels().get(0);
            base = base.times(LrSchedule.annealing(new AdamPoint(level.beta(), level.gamma())));
        }
        return base;
    }
}
