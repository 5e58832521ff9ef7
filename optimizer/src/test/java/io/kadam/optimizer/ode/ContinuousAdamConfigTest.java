package io.kadam.optimizer.ode;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ContinuousAdamConfigTest {

    @Test
    void derivedQuantitiesByHand() {
        ContinuousAdamConfig c = ContinuousAdamConfig.adamW(1e-3, 0.999, 0.9, 0.1);
        assertEquals(1, c.timescale());
        assertEquals(100, c.substeps());
        assertEquals(1e-5, c.dt(), 1e-20);
        // (1 − 0.9) / (1e-3 · 0.9) = 111.11; (1 − 0.999) / (1e-3 · 0.999) = 1.001
        assertEquals(111.111111, c.momentumRate(), 1e-6);
        assertEquals(1.001001, c.secondMomentRate(), 1e-6);
        // at t_n it is the discrete c_n: n = 0 gives √0.001 / 0.1 = 0.316228; n = 1 gives √0.001999 / 0.19
        assertEquals(0.316228, c.biasCorrection(0), 1e-6);
        assertEquals(Math.sqrt(0.001999) / 0.19, c.biasCorrection(1e-3), 1e-12);
        ContinuousAdamConfig p2 = c.withTimescale(2).withSubsteps(10);
        assertEquals(1e-7, p2.dt(), 1e-20);
        assertEquals(0.316228, p2.biasCorrection(0), 1e-6);
        assertEquals(Math.sqrt(0.001999) / 0.19, p2.biasCorrection(1e-6), 1e-12, "t_1 = η² at p = 2");
    }

    @Test
    void invalidValuesAreNamed() {
        assertEquals("gamma must be in the open interval (0, 1), got 0.0",
                assertThrows(IllegalArgumentException.class, () -> ContinuousAdamConfig.adamW(1e-3, 0.999, 0, 0)).getMessage());
        assertEquals("beta must be in the open interval (0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> ContinuousAdamConfig.adamW(1e-3, 1, 0.9, 0)).getMessage());
        assertEquals("substeps K must be >= 2, got 1",
                assertThrows(IllegalArgumentException.class, () -> ContinuousAdamConfig.adamW(1e-3, 0.999, 0.9, 0).withSubsteps(1))
                        .getMessage());
        assertEquals("eta must be a finite number > 0, got NaN",
                assertThrows(IllegalArgumentException.class, () -> ContinuousAdamConfig.adamW(Double.NaN, 0.999, 0.9, 0)).getMessage());
        assertEquals("timescale p must be a finite number >= 1, got 0.5",
                assertThrows(IllegalArgumentException.class, () -> ContinuousAdamConfig.adamW(1e-3, 0.999, 0.9, 0).withTimescale(0.5))
                        .getMessage());
    }
}
