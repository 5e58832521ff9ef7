package io.kadam.jobs.spec;

import java.util.List;

/**
 * The optional {@code analysis:} section: the table parameters of {@link Analysis}, each
 * defaulting to {@link Analysis#forSteps} of the run length.
 *
 * <pre>
 * analysis:
 *   slope_step: 800   # slope_vs_c's n, from n +- 5: at least 5, at most steps - 6 (the last step index is steps - 1)
 *   n1: 1000          # best_loss horizons in iterations, >= 1
 *   n2: 3000
 * </pre>
 */
final class AnalysisSection {

    static final List<String> KEYS = List.of("slope_step", "n1", "n2");

    private AnalysisSection() {}

    static Analysis read(SpecMap analysis, Training training) {
        Analysis defaults = Analysis.forSteps(training.steps());
        if (analysis == null) {
            return defaults;
        }
        analysis.allowOnly(KEYS, " of analysis");
        long slopeStep = analysis.integer("slope_step", defaults.slopeStep(), 5);
        // step indices run 0 .. steps-1: the slope needs n + 5 among them
        if (slopeStep + 5 > training.steps() - 1) {
            throw analysis.error("slope_step", "must leave 5 steps after it within the run (steps 0 to "
                    + (training.steps() - 1) + "): at most " + (training.steps() - 6) + ", got " + slopeStep);
        }
        return new Analysis(slopeStep, analysis.integer("n1", defaults.n1(), 1), analysis.integer("n2", defaults.n2(), 1));
    }
}
