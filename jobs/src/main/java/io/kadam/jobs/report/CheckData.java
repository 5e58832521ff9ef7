package io.kadam.jobs.report;

import java.util.List;
import java.util.Map;

/**
 * A check sweep's results as the report shows them (tables {@code check_series} and
 * {@code check_metrics}, see {@code io.kadam.jobs.store}).
 *
 * @param kind    the check's label, e.g. "replay"
 * @param curves  for the first {@link #PLOTTED_TRIALS} trials: trial id → series → subject →
 *                values against the iteration, downsampled to at most
 *                {@link SweepLoader#POINTS_PER_TRACE} points
 * @param metrics every trial's headline numbers: trial id → metric → value, in the check's order
 */
public record CheckData(String kind, Map<String, Map<String, Map<String, Trace>>> curves,
                        Map<String, Map<String, Double>> metrics) {

    /** Trials drawn, one figure each, in sweep order; every trial's numbers are in the table. */
    static final int PLOTTED_TRIALS = 4;

    /** The metric names, in the order of the first trial that has them. */
    public List<String> metricNames() {
        return metrics.values().stream().findFirst().map(m -> List.copyOf(m.keySet())).orElse(List.of());
    }

    /** One curve, or null when the trial has no such series or subject. */
    public Trace curve(String trialId, String series, String subject) {
        return curves.getOrDefault(trialId, Map.of()).getOrDefault(series, Map.of()).get(subject);
    }

    /** The subjects of one series of a trial, sorted. */
    public List<String> subjects(String trialId, String series) {
        return curves.getOrDefault(trialId, Map.of()).getOrDefault(series, Map.of()).keySet().stream().sorted().toList();
    }

    public double metric(String trialId, String name) {
        return metrics.getOrDefault(trialId, Map.of()).getOrDefault(name, Double.NaN);
    }
}
