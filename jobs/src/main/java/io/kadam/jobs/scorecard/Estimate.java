package io.kadam.jobs.scorecard;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * A measured value with its 95% interval over seeds: the mean of one measurement per seed and
 * Student's t interval of that mean (quantile from Commons Math). With one seed there is no
 * spread to measure: the interval is the value itself and {@link #single} says so.
 *
 * @param value   the mean over seeds
 * @param low     the interval's lower end
 * @param high    the interval's upper end
 * @param samples how many seeds
 */
public record Estimate(double value, double low, double high, int samples) {

    /** The confidence level of every interval on the scorecard. */
    public static final double LEVEL = 0.95;

    public Estimate {
        if (samples < 1) {
            throw new IllegalArgumentException("an estimate needs at least one sample, got " + samples);
        }
        if (!(low <= value && value <= high)) {
            throw new IllegalArgumentException("interval [" + low + ", " + high + "] does not contain " + value);
        }
    }

    /** The mean of {@code perSeed} with its two-sided {@link #LEVEL} t interval. */
    public static Estimate overSeeds(double... perSeed) {
        SummaryStatistics stats = new SummaryStatistics();
        for (double v : perSeed) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("a seed's measurement is not finite: " + v);
            }
            stats.addValue(v);
        }
        int n = (int) stats.getN();
        double mean = stats.getMean();
        if (n < 2) {
            return new Estimate(mean, mean, mean, Math.max(n, 1));
        }
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
        double half = t * stats.getStandardDeviation() / Math.sqrt(n);
        return new Estimate(mean, mean - half, mean + half, n);
    }

    /** An exact value (a count over all steps, a deterministic computation): no interval. */
    public static Estimate exact(double value) {
        return new Estimate(value, value, value, 1);
    }

    public boolean single() {
        return samples == 1;
    }
}
