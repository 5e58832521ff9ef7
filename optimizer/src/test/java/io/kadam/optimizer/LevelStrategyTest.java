package io.kadam.optimizer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Section 4.3's strategies from (β̃, γ̃) = (0.999, 0.9), against values computed by hand. */
class LevelStrategyTest {

    @Test
    void everyStrategyIsAdamAtKEqualsOne() {
        for (LevelStrategy s : LevelStrategy.values()) {
            AdaptiveNormalization level = s.levels(1).get(0);
            assertEquals(0.999, level.beta(), 1e-15, s.label());
            assertEquals(0.9, level.gamma(), 1e-15, s.label());
        }
    }

    @Test
    void handComputedLevels() {
        // inverse-exp, k = 2: 1 − √0.001 = 1 − 0.0316227766 = 0.9683772234; 1 − √0.1 = 0.6837722340
        assertLevels(LevelStrategy.INVERSE_EXP.levels(2), 0.9683772233983162, 0.683772233983162);
        // inverse-exp, k = 3: 1 − 0.001^(1/3) = 0.9; 1 − 0.1^(1/3) = 1 − 0.4641588834 = 0.5358411166
        assertLevels(LevelStrategy.INVERSE_EXP.levels(3), 0.9, 0.5358411166387223);
        // exp, k = 3: 0.999³ = 0.997002999; 0.9³ = 0.729
        assertLevels(LevelStrategy.EXP.levels(3), 0.997002999, 0.729);
        // scaled, k = 4: 0.999/4, 0.9/4
        assertLevels(LevelStrategy.SCALED.levels(4), 0.24975, 0.225);
        assertLevels(LevelStrategy.NAIVE.levels(5), 0.999, 0.9);
    }

    /** The paper notes β_i > γ_i for all four strategies, so every level lies in B+. */
    @Test
    void allLevelsInBPlusForKUpToTen() {
        for (LevelStrategy s : LevelStrategy.values()) {
            for (int k = 1; k <= 10; k++) {
                for (AdaptiveNormalization level : s.levels(k)) {
                    double c = 2 / level.gamma() - 1 / level.beta() - 1;
                    assertTrue(level.beta() > level.gamma() && c > 0, s.label() + " k=" + k + " C=" + c);
                }
            }
        }
    }

    @Test
    void explicitListsKeepTheirOrder() {
        List<AdaptiveNormalization> levels = LevelStrategy.explicit(new double[]{0.999, 0.99}, new double[]{0.9, 0.0});
        assertEquals(new AdaptiveNormalization(0.999, 0.9), levels.get(0));
        assertEquals(new AdaptiveNormalization(0.99, 0.0), levels.get(1));
    }

    @Test
    void biasCorrectionByHand() {
        AdaptiveNormalization a = new AdaptiveNormalization(0.999, 0.9);
        assertEquals(Math.sqrt(0.001) / 0.1, a.biasCorrection(0), 1e-13);       // √(1−β)/(1−γ)
        assertEquals(Math.sqrt(1 - 0.999 * 0.999) / (1 - 0.81), a.biasCorrection(1), 1e-13);
        assertEquals(1.0, a.biasCorrection(100_000), 1e-12);                     // both powers → 0
        double beta = 1 - 1e-12;
        double delta = 1 - beta; // exact (Sterbenz); ≈ 1e-12 up to the rounding of beta itself
        AdaptiveNormalization nearOne = new AdaptiveNormalization(beta, 0.9);
        // 1 − β^(n+1) ≈ (n+1)·δ: expm1 keeps the digits that 1 − Math.pow(β, n+1) loses
        assertEquals(Math.sqrt(delta) / 0.1, nearOne.biasCorrection(0), 1e-9 * Math.sqrt(delta) / 0.1);
        assertEquals(Math.sqrt(1000 * delta) / (1 - Math.pow(0.9, 1000)), nearOne.biasCorrection(999), 1e-6 * Math.sqrt(1000 * delta));
    }

    private static void assertLevels(List<AdaptiveNormalization> levels, double beta, double gamma) {
        for (AdaptiveNormalization level : levels) {
            assertEquals(beta, level.beta(), 1e-12);
            assertEquals(gamma, level.gamma(), 1e-12);
        }
    }
}
