package io.kadam.jobs.report;

/**
 * One committed trial as the report needs it: a row of the {@code trials} table (see
 * {@code io.kadam.jobs.store} for the columns). β is the second-moment decay, γ the momentum.
 *
 * @param arcS arc length along the swept curve; NaN for product and point grids
 */
public record TrialInfo(String trialId, int idx, String status, String reason, double beta, double gamma, double c,
                        String region, double arcS, int k, String strategy, double lr, double weightDecay,
                        String coupling, long seed, long stepsDone) {

    /** One level: Adam (the Eq. 5 bound and slope_vs_c apply). */
    public boolean isAdam() {
        return k == 1;
    }
}
