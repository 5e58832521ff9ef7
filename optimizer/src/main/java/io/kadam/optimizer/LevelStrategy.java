package io.kadam.optimizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The paper's four ways to pick k-Adam's per-level (β_i, γ_i) from Adam's usual (β̃, γ̃) =
 * (0.999, 0.9) (Section 4.3, Appendix O). Every strategy gives all k levels the same values, and
 * every one gives Adam itself at k = 1.
 */
public enum LevelStrategy {
    /** β_i = 1 − (1 − β̃)^(1/k): keeps the product of the levels' (1 − β) prefactors equal to Adam's. */
    INVERSE_EXP,
    /** β_i = β̃^k. */
    EXP,
    /** β_i = β̃ / k. */
    SCALED,
    /** β_i = β̃. */
    NAIVE;

    public static final double BETA_TILDE = 0.999;
    public static final double GAMMA_TILDE = 0.9;

    /** The k levels from (β̃, γ̃) = (0.999, 0.9). */
    public List<AdaptiveNormalization> levels(int k) {
        return levels(k, BETA_TILDE, GAMMA_TILDE);
    }

    /** The k levels from a given (β̃, γ̃); the same rule maps β̃ to β_i and γ̃ to γ_i. */
    public List<AdaptiveNormalization> levels(int k, double betaTilde, double gammaTilde) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1 (the number of normalization levels), got " + k);
        }
        AdaptiveNormalization level = new AdaptiveNormalization(of(betaTilde, k), of(gammaTilde, k));
        return Collections.nCopies(k, level);
    }

    private double of(double base, int k) {
        return switch (this) {
            case INVERSE_EXP -> 1 - Math.pow(1 - base, 1.0 / k);
            case EXP -> Math.pow(base, k);
            case SCALED -> base / k;
            case NAIVE -> base;
        };
    }

    /** Explicit per-level lists, level 1 first; the two lists must have one entry per level. */
    public static List<AdaptiveNormalization> explicit(double[] betas, double[] gammas) {
        if (betas.length == 0) {
            throw new IllegalArgumentException("betas must list at least one level (k >= 1), got none");
        }
        if (betas.length != gammas.length) {
            throw new IllegalArgumentException("betas has " + betas.length + " entries but gammas has "
                    + gammas.length + ": give one (beta, gamma) pair per level");
        }
        List<AdaptiveNormalization> levels = new ArrayList<>();
        for (int i = 0; i < betas.length; i++) {
            try {
                levels.add(new AdaptiveNormalization(betas[i], gammas[i]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("level " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(levels);
    }

    /** Parses "inverse-exp", "exp", "scaled", "naive" (case and '-'/'_' insensitive). */
    public static LevelStrategy parse(String name) {
        String key = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (LevelStrategy s : values()) {
            if (s.name().equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("strategy must be one of " + Arrays.stream(values())
                .map(LevelStrategy::label).toList() + ", got '" + name + "'");
    }

    /** The name used in specs and tables, e.g. "inverse-exp". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
