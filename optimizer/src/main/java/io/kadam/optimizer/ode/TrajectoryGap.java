package io.kadam.optimizer.ode;

/**
 * How far one trajectory of a coordinate is from a reference, in units of the reference's range
 * over the run (Fig. 1 plots each parameter on its own scale, so an error is only meaningful
 * relative to how far that parameter moved).
 *
 * @param range   max − min of the reference over the run
 * @param maxGap  max over n of |other_n − reference_n|
 * @param meanGap mean over n of |other_n − reference_n|
 */
public record TrajectoryGap(double range, double maxGap, double meanGap) {

    /** Compares two samplings of one coordinate at the same times (n = 0..N). */
    public static TrajectoryGap of(double[] reference, double[] other) {
        if (reference.length == 0 || reference.length != other.length) {
            throw new IllegalArgumentException("trajectories must have the same, non-zero length, got "
                    + reference.length + " and " + other.length);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double max = 0;
        double sum = 0;
        for (int n = 0; n < reference.length; n++) {
            lo = Math.min(lo, reference[n]);
            hi = Math.max(hi, reference[n]);
            double gap = Math.abs(other[n] - reference[n]);
            max = Math.max(max, gap);
            sum += gap;
        }
        return new TrajectoryGap(hi - lo, max, sum / reference.length);
    }

    /** Coordinate i of two trajectories sampled at the same iterations. */
    public static TrajectoryGap of(Trajectory reference, Trajectory other, int i) {
        return of(reference.coordinate(i), other.coordinate(i));
    }

    /** maxGap / range (NaN when the reference did not move). */
    public double relativeMax() {
        return maxGap / range;
    }

    /** meanGap / range (NaN when the reference did not move). */
    public double relativeMean() {
        return meanGap / range;
    }
}
