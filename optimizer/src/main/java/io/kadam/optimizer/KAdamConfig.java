package io.kadam.optimizer;

import java.util.List;

/**
 * k-Adam's hyperparameters (Algorithm 1) as plain data; the learning rate is a separate
 * {@link io.kadam.optimizer.schedule.LrSchedule}.
 *
 * @param levels      the k normalization stages, level 1 (applied to the gradient) first
 * @param weightDecay λ ≥ 0
 * @param decay       coupled (Adam) or decoupled (AdamW) weight decay
 * @param eps         ε ≥ 0 added to √v outside the bias correction; the paper's default 1e-30
 */
public record KAdamConfig(List<AdaptiveNormalization> levels, double weightDecay, WeightDecay decay, double eps)
        implements java.io.Serializable {

    public static final double DEFAULT_EPS = 1e-30;

    public KAdamConfig {
        if (levels == null || levels.isEmpty()) {
            throw new IllegalArgumentException("levels must hold k >= 1 normalization levels, got none");
        }
        levels = List.copyOf(levels);
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be a finite number >= 0, got " + weightDecay);
        }
        if (decay == null) {
            throw new IllegalArgumentException("decay must be COUPLED or DECOUPLED, got null");
        }
        // ε is stored in float32 next to √v: below Float.MIN_VALUE it would silently become 0
        if (!(eps >= 0) || eps > 1 || (eps > 0 && (float) eps == 0f)) {
            throw new IllegalArgumentException("eps must be 0 or in [1.4e-45, 1] (representable in float32), got " + eps);
        }
    }

    /** Adam (k = 1) at (β, γ), no weight decay, ε = 1e-30. */
    public static KAdamConfig adam(double beta, double gamma) {
        return new KAdamConfig(List.of(new AdaptiveNormalization(beta, gamma)), 0, WeightDecay.COUPLED, DEFAULT_EPS);
    }

    /** k-Adam with a paper strategy from (0.999, 0.9), no weight decay, ε = 1e-30. */
    public static KAdamConfig of(LevelStrategy strategy, int k) {
        return new KAdamConfig(strategy.levels(k), 0, WeightDecay.COUPLED, DEFAULT_EPS);
    }

    public KAdamConfig withWeightDecay(double lambda, WeightDecay mode) {
        return new KAdamConfig(levels, lambda, mode, eps);
    }

    public KAdamConfig withEps(double epsilon) {
        return new KAdamConfig(levels, weightDecay, decay, epsilon);
    }

    /** The number of normalization levels. */
    public int k() {
        return levels.size();
    }
}
