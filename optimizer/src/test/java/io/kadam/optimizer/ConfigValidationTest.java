package io.kadam.optimizer;

import io.kadam.optimizer.schedule.LrSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every bad hyperparameter is refused at construction, naming the field and the allowed range. */
class ConfigValidationTest {

    @Test
    void betaOutsideTheOpenUnitInterval() {
        assertMessage("beta must be in the open interval (0, 1), got 1.0", () -> new AdaptiveNormalization(1.0, 0.9));
        assertMessage("beta must be in the open interval (0, 1), got 0.0", () -> new AdaptiveNormalization(0.0, 0.9));
        assertMessage("beta must be in the open interval (0, 1), got NaN", () -> new AdaptiveNormalization(Double.NaN, 0.9));
    }

    @Test
    void gammaOutsideZeroToOne() {
        assertMessage("gamma must be in [0, 1), got 1.0", () -> new AdaptiveNormalization(0.999, 1.0));
        assertMessage("gamma must be in [0, 1), got -0.1", () -> new AdaptiveNormalization(0.999, -0.1));
        // γ = 0 is allowed: the RMSprop-like level of the paper's 2-Adam with γ2 = 0
        assertEquals(0.0, new AdaptiveNormalization(0.999, 0.0).gamma());
    }

    @Test
    void kBelowOne() {
        assertMessage("k must be >= 1 (the number of normalization levels), got 0", () -> LevelStrategy.INVERSE_EXP.levels(0));
        assertMessage("levels must hold k >= 1 normalization levels, got none",
                () -> new KAdamConfig(List.of(), 0, WeightDecay.COUPLED, 1e-30));
    }

    @Test
    void mismatchedPerLevelLists() {
        assertMessage("betas has 3 entries but gammas has 2: give one (beta, gamma) pair per level",
                () -> LevelStrategy.explicit(new double[]{0.9, 0.9, 0.9}, new double[]{0.5, 0.5}));
        assertMessage("level 2: beta must be in the open interval (0, 1), got 1.5",
                () -> LevelStrategy.explicit(new double[]{0.9, 1.5}, new double[]{0.5, 0.5}));
        assertMessage("betas must list at least one level (k >= 1), got none",
                () -> LevelStrategy.explicit(new double[0], new double[0]));
    }

    @Test
    void negativeLearningRateWeightDecayAndEps() {
        assertMessage("lr must be a finite number >= 0, got -0.001",
                () -> new KAdam(KAdamConfig.adam(0.999, 0.9), LrSchedule.constant(-1e-3)));
        assertMessage("weightDecay must be a finite number >= 0, got -0.1",
                () -> KAdamConfig.adam(0.999, 0.9).withWeightDecay(-0.1, WeightDecay.DECOUPLED));
        assertMessage("eps must be 0 or in [1.4e-45, 1] (representable in float32), got -1.0E-8",
                () -> KAdamConfig.adam(0.999, 0.9).withEps(-1e-8));
        assertMessage("eps must be 0 or in [1.4e-45, 1] (representable in float32), got 1.0E-50",
                () -> KAdamConfig.adam(0.999, 0.9).withEps(1e-50));
        assertMessage("decay must be COUPLED or DECOUPLED, got null",
                () -> KAdamConfig.adam(0.999, 0.9).withWeightDecay(0.1, null));
    }

    @Test
    void unknownStrategyName() {
        assertMessage("strategy must be one of [inverse-exp, exp, scaled, naive], got 'inverse'",
                () -> LevelStrategy.parse("inverse"));
        assertEquals(LevelStrategy.INVERSE_EXP, LevelStrategy.parse("Inverse-Exp"));
        assertEquals(LevelStrategy.INVERSE_EXP, LevelStrategy.parse("inverse_exp"));
    }

    private static void assertMessage(String expected, Executable e) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, e).getMessage());
    }
}
