package io.kadam.jobs.spec;

import io.kadam.optimizer.AdaptiveNormalization;
import io.kadam.optimizer.LevelStrategy;
import io.kadam.optimizer.WeightDecay;
import io.kadam.optimizer.theory.AdamPoint;
import io.kadam.optimizer.theory.CurvePoint;
import io.kadam.optimizer.theory.NormalCurve;
import io.kadam.optimizer.theory.Stability;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.kadam.jobs.spec.TestSpecs.BASE;
import static io.kadam.jobs.spec.TestSpecs.PRODUCT;
import static io.kadam.jobs.spec.TestSpecs.parse;
import static io.kadam.jobs.spec.TestSpecs.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepExpanderTest {

    @Test
    void aNormalCurveGivesSectionPointsWithTheirCAndRegion() {
        List<TrialSpec> trials = SweepExpander.expand(parse(BASE));
        List<CurvePoint> expected = NormalCurve.through(new AdamPoint(0.999, 0.9)).section(0.9516, 0.9660).points(3);
        assertEquals(3, trials.size());
        for (int i = 0; i < 3; i++) {
            TrialPoint p = trials.get(i).point();
            AdamPoint q = expected.get(i).point();
            assertEquals(i, trials.get(i).index());
            // rounded to 12 significant digits, so that another JVM's cbrt gives the same trial
            assertEquals(q.beta(), p.beta(), 1e-12);
            assertEquals(q.gamma(), p.gamma(), 1e-12);
            assertEquals(SweepExpander.round(q.gamma()), p.gamma());
            assertEquals(expected.get(i).s(), p.arcPosition());
            assertEquals(Stability.c(p.beta(), p.gamma()), p.c());
            assertEquals(Stability.c(q.beta(), q.gamma()), p.c(), 1e-9);
            assertEquals(1, p.k());
            assertEquals("adam", p.strategy());
            assertEquals(1e-3, p.lr());
            assertEquals(List.of(new AdaptiveNormalization(p.beta(), p.gamma())), trials.get(i).config().optimizer().levels());
        }
        // the section starts deep in B- (C ≈ -0.05) and ends in B+ (C ≈ +0.02)
        assertEquals("B-", trials.get(0).point().region());
        assertEquals("B+", trials.get(2).point().region());
        assertTrue(trials.get(0).point().arcPosition() < trials.get(1).point().arcPosition()
                && trials.get(1).point().arcPosition() < trials.get(2).point().arcPosition());
    }

    @Test
    void seedsMultiplyEveryPointWithSeedsVaryingFastest() {
        List<TrialSpec> trials = SweepExpander.expand(parse(TestSpecs.base("  points: 3\n", "  points: 3\n  seeds: [7, 8]\n")));
        assertEquals(6, trials.size());
        assertEquals(List.of(7L, 8L, 7L, 8L, 7L, 8L), trials.stream().map(t -> t.point().seed()).toList());
        assertEquals(trials.get(0).point().beta(), trials.get(1).point().beta());
        assertEquals(7L, trials.get(0).config().seed());
    }

    @Test
    void aProductGridCrossesItsListsInOrder() {
        SweepSpec spec = parse(PRODUCT);
        List<TrialSpec> trials = SweepExpander.expand(spec);
        // k = 1 is Adam whatever the strategy: once, labelled adam; then k = 2 under each strategy
        assertEquals((1 + 2) * 2 * 2, trials.size());
        assertEquals(spec.trialCount(), trials.size());
        // k, then strategy, lr, weight decay, coupling; coupling varies fastest
        TrialPoint first = trials.get(0).point();
        assertEquals(List.of(1, "adam", 1e-4, "coupled"), List.of(first.k(), first.strategy(), first.lr(), first.coupling()));
        assertEquals(List.of(new AdaptiveNormalization(0.999, 0.9)), trials.get(0).config().optimizer().levels());
        assertEquals("decoupled", trials.get(1).point().coupling());
        assertEquals(1e-3, trials.get(2).point().lr());
        assertEquals(List.of(2, "inverse-exp"), List.of(trials.get(4).point().k(), trials.get(4).point().strategy()));
        assertEquals("naive", trials.get(8).point().strategy());
        TrialSpec last = trials.get(11);
        assertEquals(2, last.point().k());
        assertEquals(LevelStrategy.NAIVE.levels(2), last.config().optimizer().levels()); // 0.999 and 0.9 stay exact
        assertEquals(WeightDecay.DECOUPLED, last.config().optimizer().decay());
        assertEquals(1e-3, last.config().schedule().lr());
        assertTrue(Double.isNaN(last.point().arcPosition()));
        // level 1 of 2-Adam inverse-exp: β = 1 − √0.001, γ = 1 − √0.1
        TrialPoint inverse = trials.get(4).point();
        assertEquals("inverse-exp", inverse.strategy());
        assertEquals(1 - Math.sqrt(0.001), inverse.beta(), 1e-12);
        assertEquals(Stability.c(inverse.beta(), inverse.gamma()), inverse.c());
    }

    @Test
    void aProductGridWithoutStrategiesSweepsAdam() {
        String yaml = PRODUCT.replace("  k: [1, 2]\n", "").replace("  strategy: [inverse-exp, naive]\n", "");
        List<TrialSpec> trials = SweepExpander.expand(parse(yaml));
        assertEquals(4, trials.size());
        assertTrue(trials.stream().allMatch(t -> t.point().strategy().equals("adam") && t.point().k() == 1));
        assertEquals(0.999, trials.get(0).point().beta());
    }

    @Test
    void aPointsGridKeepsItsOrderAndHasNoArcPosition() {
        String yaml = replace(BASE, """
                  kind: normal-curve
                  through: [0.999, 0.9]
                  points: 3
                  beta_range: [0.9516, 0.9660]
                """, """
                  kind: points
                  points: [[0.999, 0.9], [0.95, 0.99], [0.9, 0.9473684210526316]]
                """);
        List<TrialSpec> trials = SweepExpander.expand(parse(yaml));
        assertEquals(List.of(0.999, 0.95, 0.9), trials.stream().map(t -> t.point().beta()).toList());
        assertEquals(List.of("B+", "B-", "B0"), trials.stream().map(t -> t.point().region()).toList());
        assertTrue(Double.isNaN(trials.get(0).point().arcPosition()));
    }

    @Test
    void b0PointsAreB0() {
        String yaml = replace(BASE, "  through: [0.999, 0.9]\n", "").replace("kind: normal-curve", "kind: b0")
                .replace("beta_range: [0.9516, 0.9660]", "beta_range: [0.9, 0.999]");
        assertTrue(SweepExpander.expand(parse(yaml)).stream().allMatch(t -> t.point().region().equals("B0")));
    }
}
