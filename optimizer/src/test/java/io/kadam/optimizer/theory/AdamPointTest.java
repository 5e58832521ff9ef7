package io.kadam.optimizer.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdamPointTest {

    @Test
    void pytorchDefaultsAreInBPlus() {
        // By hand: 2/0.9 − 1/0.999 − 1 = 20/9 − 1000/999 − 1 = (2220 − 1000 − 999)/999 = 221/999
        //        = 0.221221221...
        AdamPoint p = new AdamPoint(0.999, 0.9);
        assertEquals(221.0 / 999.0, p.c(), 1e-15);
        assertEquals(Region.B_PLUS, p.region());
    }

    @Test
    void swappedDefaultsAreInBMinus() {
        // By hand: 2/0.999 − 1/0.9 − 1 = 2000/999 − 10/9 − 1 = (2000 − 1110 − 999)/999 = −109/999
        AdamPoint p = new AdamPoint(0.9, 0.999);
        assertEquals(-109.0 / 999.0, p.c(), 1e-15);
        assertEquals(Region.B_MINUS, p.region());
    }

    @Test
    void betaAboveGammaIsAlwaysBPlus() {
        for (int i = 1; i < 100; i++) {
            for (int j = 1; j < i; j++) {
                AdamPoint p = new AdamPoint(i / 100.0, j / 100.0);
                assertTrue(p.c() > 0, () -> p + " has C = " + p.c());
            }
        }
    }

    @Test
    void theThreeFormsOfCAgree() {
        for (int i = 1; i < 100; i++) {
            for (int j = 1; j < 100; j++) {
                double b = i / 100.0;
                double g = j / 100.0;
                double paper = (2 * b * (1 - g) - g * (1 - b)) / (b * g);
                double simplified = 2 / g - 1 / b - 1;
                double c = Stability.c(b, g);
                double scale = Math.max(1.0, Math.abs(c));
                assertEquals(paper, c, 1e-13 * scale);
                assertEquals(simplified, c, 1e-13 * scale);
            }
        }
    }

    @Test
    void cVanishesOnTheBZeroCurve() {
        for (double b : new double[] {0.01, 0.1, 0.5, 0.9, 0.99, 0.999, 0.9999}) {
            AdamPoint p = new AdamPoint(b, 2 * b / (1 + b));
            assertEquals(0.0, p.c(), 1e-14, p::toString);
            assertEquals(Region.B_ZERO, Region.of(p.c(), 1e-12));
        }
    }

    @Test
    void regionClassification() {
        assertEquals(Region.B_ZERO, Region.of(0.0));
        assertEquals(Region.B_ZERO, Region.of(-0.0));
        assertEquals(Region.B_PLUS, Region.of(1e-300));
        assertEquals(Region.B_MINUS, Region.of(-1e-300));
        assertEquals(Region.B_ZERO, Region.of(-1e-13, 1e-12));
        assertEquals(Region.B_MINUS, Region.of(-1e-11, 1e-12));
        assertEquals("B+", Region.B_PLUS.label());
        assertEquals("B0", Region.B_ZERO.label());
        assertEquals("B-", Region.B_MINUS.label());
        assertMessage("c must not be NaN", () -> Region.of(Double.NaN));
        assertMessage("tolerance must be finite and >= 0, got -1.0", () -> Region.of(0.1, -1));
    }

    @Test
    void rejectsPointsOutsideTheOpenUnitSquare() {
        assertMessage("beta must be in the open interval (0, 1), got 1.0", () -> new AdamPoint(1.0, 0.9));
        assertMessage("beta must be in the open interval (0, 1), got 0.0", () -> new AdamPoint(0.0, 0.9));
        assertMessage("beta must be in the open interval (0, 1), got -0.5", () -> new AdamPoint(-0.5, 0.9));
        assertMessage("beta must be in the open interval (0, 1), got NaN", () -> new AdamPoint(Double.NaN, 0.9));
        assertMessage("gamma must be in the open interval (0, 1), got 1.0", () -> new AdamPoint(0.999, 1.0));
        assertMessage("gamma must be in the open interval (0, 1), got 0.0", () -> new AdamPoint(0.999, 0.0));
        assertMessage("gamma must be in the open interval (0, 1), got -0.1", () -> new AdamPoint(0.999, -0.1));
        assertMessage("gamma must be in the open interval (0, 1), got NaN", () -> new AdamPoint(0.999, Double.NaN));
        assertMessage("gamma must be in the open interval (0, 1), got Infinity",
                () -> new AdamPoint(0.999, Double.POSITIVE_INFINITY));
    }

    static void assertMessage(String expected, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertEquals(expected, e.getMessage());
    }
}
