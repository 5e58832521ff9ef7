package io.kadam.model.dynamics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fig. 1 on a tiny GPT: the Euler solution on the recorded gradients against the float32 AdamW run. */
class ReplayCheckTest {

    @Test
    void continuousModelTracksAdamWAndDriftsMoreAtLargerLr() {
        for (long seed : new long[]{1, 2}) {
            ReplayCheck.Result small = ReplayCheck.run(ReplayCheck.Config.fig1(TinyRuns.setup(seed, 1e-3, 400)), TinyRuns.TEXT);
            ReplayCheck.Result large = ReplayCheck.run(ReplayCheck.Config.fig1(TinyRuns.setup(seed, 1e-2, 400)), TinyRuns.TEXT);
            ReplayCheck.Result linear = ReplayCheck.run(ReplayCheck.Config.fig1(TinyRuns.setup(seed, 1e-3, 400))
                    .withInterpolation(ReplayCheck.Interpolation.LINEAR), TinyRuns.TEXT);
            System.out.printf("Fig. 1 tiny GPT seed %d, 400 it, 16 coordinates: mean gap / range median %.2f%% (lr 1e-3), %.2f%% (lr 1e-2), "
                            + "%.2f%% (lr 1e-3, linear g); max gap / range mean %.2f%% / %.2f%% / %.2f%%; float64 floor %.1e%n", seed,
                    100 * small.medianRelativeMean(), 100 * large.medianRelativeMean(), 100 * linear.medianRelativeMean(),
                    100 * small.meanRelativeMax(), 100 * large.meanRelativeMax(), 100 * linear.meanRelativeMax(), small.float64Floor());
            // the recording is faithful: the float64 discrete recursion on the recorded gradients is the float32 run
            assertTrue(small.float64Floor() < 1e-4, "float64 replay floor " + small.float64Floor());
            assertTrue(small.medianRelativeMean() < 0.02, "lr 1e-3: the ODE stays within 2% of each parameter's range on average");
            assertTrue(small.meanRelativeMax() < 0.08, "lr 1e-3: worst moments within 8% of the range, got " + small.meanRelativeMax());
            assertTrue(large.meanRelativeMax() > small.meanRelativeMax(), "the gap grows with the learning rate");
            assertTrue(linear.medianRelativeMean() > 2 * small.medianRelativeMean(), "linear interpolation underestimates v");
            assertEquals(16 * 401, small.rows().size());
        }
    }
}
