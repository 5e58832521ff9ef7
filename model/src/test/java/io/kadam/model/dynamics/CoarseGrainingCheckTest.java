package io.kadam.model.dynamics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fig. 9 on a tiny qk-normed GPT over 50 iterations, before chaos sets in (the reference run with
 * lr × 1.001 stays within 0.1% of the range): coarse-graining v on the q/k heads leaves the loss
 * curve unchanged to a few 1e-4 nats, turns each head matrix by a few degrees at most, and moves
 * single entries by a sizeable part of their (short) range.
 */
class CoarseGrainingCheckTest {

    @Test
    void coarseGrainedVChangesLittle() {
        for (long seed : new long[]{1, 2}) {
            CoarseGrainingCheck.Result r = CoarseGrainingCheck.run(CoarseGrainingCheck.Config.fig9(TinyRuns.setup(seed, 1e-3, 50)),
                    TinyRuns.TEXT);
            System.out.print("Fig. 9 tiny GPT, seed " + seed + ", 50 it:\n" + CoarseGrainingCheck.format(r));
            assertTrue(r.meanPerturbedRelativeMean() < 0.01, "no chaos yet at 50 iterations: " + r.meanPerturbedRelativeMean());
            assertTrue(r.lossGapCoarse() < 0.005, "the loss curve barely moves: mean |loss gap| " + r.lossGapCoarse());
            assertTrue(Math.abs(r.finalLossCoarse() / r.finalLossTrue() - 1) < 0.01);
            for (CoarseGrainingCheck.MatrixGap m : r.matrices()) {
                assertTrue(m.coarseMaxOneMinusCos() < 0.05, "each head's direction turns by less than 18 degrees: " + m);
                assertTrue(m.coarseMaxNormRatio() < 0.1, "and its squared norm changes by less than 10%: " + m);
            }
            assertTrue(r.meanCoarseRelativeMean() < 0.5, "single entries stay within half their range on average: "
                    + r.meanCoarseRelativeMean());
        }
    }
}
