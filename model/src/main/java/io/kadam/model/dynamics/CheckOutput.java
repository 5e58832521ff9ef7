package io.kadam.model.dynamics;

import java.util.List;

/**
 * A check's result in the long form the result tables store: curves as (series, subject,
 * iteration, value) points and headline numbers as (metric, value), plus the observed run's
 * training losses.
 *
 * @param series  e.g. ("continuous", "h0_attn_q_weight[517]", 40, 0.0213): one value of one curve
 * @param metrics headline numbers in a fixed order, e.g. ("median_relative_mean_gap", 0.0073)
 * @param losses  training loss of batch n, n = 0..N−1, of the observed run (with qk-norm, true v)
 */
public record CheckOutput(CheckKind kind, List<Point> series, List<Metric> metrics, double[] losses) {

    /** One value of one curve: series names the curve's kind, subject what it follows. */
    public record Point(String series, String subject, int iteration, double value) {}

    public record Metric(String name, double value) {}

    public CheckOutput {
        series = List.copyOf(series);
        metrics = List.copyOf(metrics);
    }

    /** The value of a headline number; throws for a name this check does not produce. */
    public double metric(String name) {
        for (Metric m : metrics) {
            if (m.name().equals(name)) {
                return m.value();
            }
        }
        throw new IllegalArgumentException(kind.label() + " has no metric '" + name + "'; it has "
                + metrics.stream().map(Metric::name).toList());
    }
}
