package io.kadam.optimizer.ode;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrajectoryGapTest {

    @Test
    void byHand() {
        // range 4 − 1 = 3; gaps 0, 0.5, 0.1, 0.3: max 0.5, mean 0.9/4 = 0.225
        TrajectoryGap gap = TrajectoryGap.of(new double[]{1, 4, 2, 3}, new double[]{1, 3.5, 2.1, 3.3});
        assertEquals(3, gap.range(), 1e-15);
        assertEquals(0.5, gap.maxGap(), 1e-15);
        assertEquals(0.225, gap.meanGap(), 1e-15);
        assertEquals(0.5 / 3, gap.relativeMax(), 1e-15);
        assertEquals(0.075, gap.relativeMean(), 1e-15);
    }
}
