package io.kadam.optimizer.schedule;

import io.kadam.optimizer.theory.AdamPoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LrScheduleTest {

    @Test
    void constant() {
        LrSchedule s = LrSchedule.constant(1e-3);
        assertEquals(1e-3, s.at(0));
        assertEquals(1e-3, s.at(1_000_000));
    }

    /** The paper's fig4 schedule: warmup 100, cosine 1e-3 → 1e-4 over 3000 iterations. */
    @Test
    void warmupThenCosineToFloor() {
        LrSchedule s = LrSchedule.warmupCosine(1e-3, 100, 3000, 1e-4);
        assertEquals(1e-5, s.at(0), 1e-18);        // 1e-3 · 1/100
        assertEquals(5e-4, s.at(49), 1e-18);       // 1e-3 · 50/100
        assertEquals(1e-3, s.at(99), 1e-18);
        assertEquals(1e-3, s.at(100), 1e-18);      // cosine starts at the peak
        assertEquals(5.5e-4, s.at(1550), 1e-15);   // halfway: floor + (peak − floor)/2
        // a quarter of the way: floor + (peak − floor)(1 + cos(π/4))/2 = 1e-4 + 9e-4 · 0.853553...
        assertEquals(1e-4 + 9e-4 * 0.8535533905932737, s.at(100 + 725), 1e-15);
        assertEquals(1e-4, s.at(3000), 1e-18);
        assertEquals(1e-4, s.at(10_000), 1e-18);
        for (long n = 101; n < 3000; n++) {
            assertTrue(s.at(n) <= s.at(n - 1), "cosine decay is monotone at " + n);
        }
    }

    @Test
    void noWarmupStartsAtThePeak() {
        LrSchedule s = LrSchedule.warmupCosine(2e-3, 0, 10, 0);
        assertEquals(2e-3, s.at(0), 1e-18);
        assertEquals(0, s.at(10), 1e-18);
    }

    /** Fig. 6's form: warmup 2 epochs, cosine to lr/10 over 100 epochs, stepped per epoch. */
    @Test
    void perEpochChangesOnlyAtEpochBoundaries() {
        LrSchedule byEpoch = LrSchedule.warmupCosine(1e-3, 2, 100, 1e-4).perEpoch(98);
        assertEquals(5e-4, byEpoch.at(0), 1e-18);
        assertEquals(5e-4, byEpoch.at(97), 1e-18);
        assertEquals(1e-3, byEpoch.at(98), 1e-18);
        assertEquals(1e-4, byEpoch.at(98 * 100), 1e-18);
        assertThrows(IllegalArgumentException.class, () -> LrSchedule.constant(1).perEpoch(0));
    }

    @Test
    void linearWarmupThenConstant() {
        LrSchedule s = LrSchedule.linearWarmup(1e-3, 4);
        assertEquals(2.5e-4, s.at(0), 1e-18);
        assertEquals(1e-3, s.at(3), 1e-18);
        assertEquals(1e-3, s.at(1000), 1e-18);
    }

    /** Eq. 19 on top of a base rate: η_n = η_0 exp(−n|C|/2) in B−, unchanged in B+. */
    @Test
    void annealingByEq19() {
        AdamPoint bMinus = new AdamPoint(0.955, 0.99);
        double c = 2 / 0.99 - 1 / 0.955 - 1; // −0.0269184..., by hand from C = 2/γ − 1/β − 1
        LrSchedule s = LrSchedule.constant(1e-3).times(LrSchedule.annealing(bMinus));
        assertEquals(1e-3, s.at(0), 1e-18);
        assertEquals(1e-3 * Math.exp(-1000 * Math.abs(c) / 2), s.at(1000), 1e-15);
        LrSchedule plus = LrSchedule.constant(1e-3).times(LrSchedule.annealing(new AdamPoint(0.999, 0.9)));
        assertEquals(1e-3, plus.at(5000), 0);
    }

    @Test
    void timesMultipliesByAFactorSchedule() {
        LrSchedule s = LrSchedule.constant(1e-3).times(n -> Math.exp(-n * 0.01));
        assertEquals(1e-3 * Math.exp(-10), s.at(1000), 1e-18);
    }

    @Test
    void badRatesAreRefusedNamingTheField() {
        assertMessage("lr must be a finite number >= 0, got -0.001", () -> LrSchedule.constant(-1e-3));
        assertMessage("lr must be a finite number >= 0, got NaN", () -> LrSchedule.constant(Double.NaN));
        assertMessage("peak must be a finite number >= 0, got -1.0", () -> LrSchedule.warmupCosine(-1, 1, 2, 0));
        assertMessage("floor must be <= peak (0.001), got 0.01", () -> LrSchedule.warmupCosine(1e-3, 1, 2, 1e-2));
        assertMessage("totalSteps must be >= warmupSteps (100), got 50", () -> LrSchedule.warmupCosine(1e-3, 100, 50, 0));
        assertMessage("warmupSteps must be >= 0, got -1", () -> LrSchedule.warmupCosine(1e-3, -1, 50, 0));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, e).getMessage());
    }
}
