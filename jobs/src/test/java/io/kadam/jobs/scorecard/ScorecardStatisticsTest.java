package io.kadam.jobs.scorecard;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Intervals, rank correlations and verdicts against answers worked out independently. */
class ScorecardStatisticsTest {

    @Test
    void tIntervalOfAKnownSample() {
        // mean 3, s = √2.5, t(0.975; 4) = 2.7764451 (tables): half-width 2.7764451 · √2.5 / √5 = 1.9632432
        Estimate e = Estimate.overSeeds(1, 2, 3, 4, 5);
        assertEquals(3, e.value(), 1e-12);
        assertEquals(3 - 1.9632431614775607, e.low(), 1e-9);
        assertEquals(3 + 1.9632431614775607, e.high(), 1e-9);
        assertEquals(5, e.samples());
        Estimate one = Estimate.overSeeds(0.7);
        assertTrue(one.single());
        assertEquals(0.7, one.low(), 0);
        assertEquals(0.7, one.high(), 0);
        assertThrows(IllegalArgumentException.class, () -> Estimate.overSeeds(1, Double.NaN));
    }

    @Test
    void verdictsOnConstructedValues() {
        Criterion noViolation = Criterion.atMost(0);
        assertEquals(Verdict.HOLDS, noViolation.judge(Estimate.exact(0)));
        assertEquals(Verdict.DOES_NOT_HOLD, noViolation.judge(Estimate.exact(3)));
        Criterion withinTenPercent = Criterion.within(-0.1, 0.1);
        assertEquals(Verdict.HOLDS, withinTenPercent.judge(new Estimate(0, -0.05, 0.04, 3)));
        assertEquals(Verdict.DOES_NOT_HOLD, withinTenPercent.judge(new Estimate(0.16, 0.12, 0.2, 3)));
        assertEquals(Verdict.INCONCLUSIVE, withinTenPercent.judge(new Estimate(0.1, 0.05, 0.15, 3)), "straddles 0.1");
        assertEquals(Verdict.INCONCLUSIVE, Criterion.atMost(0).judge(new Estimate(-0.2, -0.5, 0.1, 4)), "straddles 0");
        assertEquals(Verdict.HOLDS, Criterion.atLeast(0.5).judge(new Estimate(0.6, 0.5, 0.7, 3)), "the boundary counts");
        assertEquals("≤ 0", noViolation.describe());
        assertEquals("in [-0.1, 0.1]", withinTenPercent.describe());
        assertEquals("≥ 1e-30", Criterion.atLeast(1e-30).describe());
    }

    @Test
    void spearmanOfAKnownRanking() {
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {2, 1, 4, 3, 5}; // rank differences −1, 1, −1, 1, 0: ρ = 1 − 6·4 / (5·24) = 0.8
        assertEquals(0.8, RankCorrelation.spearman(x, y), 1e-12);
        assertEquals(-1, RankCorrelation.spearman(x, new double[]{9, 7, 5, 3, 1}), 1e-12);
        // Fisher z: tanh(atanh 0.8 ± 1.959964 · √(1.06 / 2))
        Estimate e = RankCorrelation.spearmanWithInterval(x, y);
        assertEquals(-0.3169591696133841, e.low(), 1e-9);
        assertEquals(0.9872753052802754, e.high(), 1e-9);
        assertEquals(Verdict.INCONCLUSIVE, Criterion.atLeast(0).judge(e), "five points cannot settle a sign");
        assertThrows(IllegalArgumentException.class, () -> RankCorrelation.spearmanWithInterval(new double[3], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> RankCorrelation.spearman(new double[3], new double[4]));
    }
}
