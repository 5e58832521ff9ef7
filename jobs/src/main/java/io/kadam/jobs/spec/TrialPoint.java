package io.kadam.jobs.spec;

import java.io.Serializable;

/**
 * The coordinates of a trial in its sweep: what the result tables group and plot by.
 *
 * @param beta        level 1's β (PyTorch beta2)
 * @param gamma       level 1's γ (PyTorch beta1)
 * @param c           C(β, γ) of level 1
 * @param region      "B+", "B0" or "B-"
 * @param arcPosition arc length along the swept curve (NaN for product grids)
 * @param k           normalization levels
 * @param strategy    "inverse-exp", "exp", "scaled", "naive", or "explicit"; "adam" for Adam itself
 *                    (k = 1) at a point of a curve, b0 or points grid (see {@code SweepExpander})
 * @param lr          peak learning rate
 * @param weightDecay λ
 * @param coupling    "coupled" or "decoupled"
 * @param seed        the trial's seed
 */
public record TrialPoint(double beta, double gamma, double c, String region, double arcPosition, int k, String strategy,
                         double lr, double weightDecay, String coupling, long seed) implements Serializable {
}
