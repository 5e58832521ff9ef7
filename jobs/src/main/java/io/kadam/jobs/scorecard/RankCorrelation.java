package io.kadam.jobs.scorecard;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Spearman's ρ between two paired samples (Commons Math: Pearson's correlation of the ranks,
 * ties given their average rank) with its {@link Estimate#LEVEL} interval from Fisher's z
 * transform, standard error √(1.06 / (n − 3)) (Fieller, Hartley and Pearson 1957): the Fig. 4b
 * claim "a larger C gives a lower best test loss" is ρ(C, best loss) < 0.
 */
public final class RankCorrelation {

    private RankCorrelation() {}

    public static double spearman(double[] x, double[] y) {
        check(x, y);
        return new SpearmansCorrelation().correlation(x, y);
    }

    /** ρ with its interval; needs at least 4 pairs (the standard error has n − 3). */
    public static Estimate spearmanWithInterval(double[] x, double[] y) {
        check(x, y);
        int n = x.length;
        if (n < 4) {
            throw new IllegalArgumentException("a rank correlation's interval needs at least 4 pairs, got " + n);
        }
        double rho = spearman(x, y);
        if (Math.abs(rho) == 1) {
            return new Estimate(rho, rho, rho, n);
        }
        double z = atanh(rho);
        double half = new NormalDistribution().inverseCumulativeProbability(1 - (1 - Estimate.LEVEL) / 2)
                * Math.sqrt(1.06 / (n - 3));
        return new Estimate(rho, Math.tanh(z - half), Math.tanh(z + half), n);
    }

    private static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }

    private static void check(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("paired samples of different sizes: " + x.length + " and " + y.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("pair " + i + " is not finite: (" + x[i] + ", " + y[i] + ")");
            }
        }
    }
}
