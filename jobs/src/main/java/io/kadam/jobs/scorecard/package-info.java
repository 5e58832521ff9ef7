/**
 * The reproduction scorecard's statistics: a claim's measured value over seeds with its 95%
 * interval ({@link io.kadam.jobs.scorecard.Estimate}), rank correlations
 * ({@link io.kadam.jobs.scorecard.RankCorrelation}), and the verdict of a criterion fixed before
 * the data is seen ({@link io.kadam.jobs.scorecard.Criterion}, {@link io.kadam.jobs.scorecard.Verdict}):
 * holds when the whole interval satisfies it, does not hold when none of it does, inconclusive
 * when the interval straddles it. Quantiles and ranks come from Commons Math, never from
 * hand-written code.
 */
package io.kadam.jobs.scorecard;
