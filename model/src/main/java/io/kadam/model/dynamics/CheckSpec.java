package io.kadam.model.dynamics;

import java.io.Serializable;

/**
 * Which continuous-time check a trial runs and its knobs, as plain data (a spec's {@code check:}
 * section). The training run it observes is the trial's own ({@link AdamWSetup#of}).
 *
 * @param kind           the check
 * @param substeps       K, Euler steps per iteration (replay, norm; Appendix I: 100)
 * @param coordinates    random coordinates to follow (replay, coarse-graining; Figs. 1 and 9: 16)
 * @param coordinateSeed which ones
 * @param interpolation  g(t) between iterations (replay): held, as the paper, or linear
 * @param perturbation   coarse-graining: relative lr change of a reference run, the scale of
 *                       "a small change" (0: no reference run)
 */
public record CheckSpec(CheckKind kind, int substeps, int coordinates, long coordinateSeed,
                        ReplayCheck.Interpolation interpolation, double perturbation) implements Serializable {

    public static final int DEFAULT_SUBSTEPS = 100;
    public static final int DEFAULT_COORDINATES = 16;
    public static final long DEFAULT_COORDINATE_SEED = 7;
    public static final double DEFAULT_PERTURBATION = 1e-3;

    public CheckSpec {
        if (kind == null || interpolation == null) {
            throw new IllegalArgumentException("kind and interpolation must be given");
        }
        if (substeps < 1 || coordinates < 1) {
            throw new IllegalArgumentException("substeps and coordinates must be >= 1, got " + substeps + ", " + coordinates);
        }
        if (!(perturbation >= 0) || Double.isInfinite(perturbation)) {
            throw new IllegalArgumentException("perturbation must be a finite number >= 0, got " + perturbation);
        }
    }

    /** The paper's settings for {@code kind}: K = 100, 16 coordinates, g held, reference at lr × 1.001. */
    public static CheckSpec defaults(CheckKind kind) {
        return new CheckSpec(kind, DEFAULT_SUBSTEPS, DEFAULT_COORDINATES, DEFAULT_COORDINATE_SEED,
                ReplayCheck.Interpolation.HELD, DEFAULT_PERTURBATION);
    }
}
