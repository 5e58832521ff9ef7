package io.kadam.jobs.spec;

/**
 * How the paper's tables read a sweep, fixed with the sweep (spec section {@code analysis:},
 * recorded in the output directory's {@code analysis} table) so that every command and notebook
 * builds the same tables from the same results, whatever command ran last.
 *
 * @param slopeStep slope_vs_c measures the slope of log ‖u_n‖∞ at step n = slopeStep, from the
 *                  max-updates at n − 5 and n + 5 (the paper's Fig. 3b: 1000)
 * @param n1        best_loss: the first horizon N₁ in iterations (Fig. 4b: 1000)
 * @param n2        best_loss: the second horizon N₂ (Fig. 4b: 3000)
 */
public record Analysis(long slopeStep, long n1, long n2) implements java.io.Serializable {

    public Analysis {
        if (slopeStep < 5 || n1 < 1 || n2 < 1) {
            throw new IllegalArgumentException("the slope step must be >= 5 and the horizons >= 1, got slope step "
                    + slopeStep + ", n1 " + n1 + ", n2 " + n2);
        }
    }

    /**
     * The paper's settings, clipped to a run of {@code steps} iterations: n = min(1000, 2/3 of the
     * steps) (at least 5), N₁ = min(1000, steps), N₂ = min(3000, steps).
     */
    public static Analysis forSteps(long steps) {
        return new Analysis(Math.max(5, Math.min(1000, 2 * steps / 3)), Math.max(1, Math.min(1000, steps)),
                Math.max(1, Math.min(3000, steps)));
    }
}
