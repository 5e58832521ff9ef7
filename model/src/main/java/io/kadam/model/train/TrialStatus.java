package io.kadam.model.train;

import java.util.Locale;

/** How a trial ended. Divergence is an outcome, not an error. */
public enum TrialStatus {
    COMPLETED,
    /** NaN/Inf loss or max-update: the trial stopped at that step, its metrics kept. */
    DIVERGED,
    /** The optional early stop: a max-update exceeded its Eq. 5/10 bound by the set factor. */
    EXCEEDED_BOUND,
    /** An exception inside the trial (recorded by the sweep, not retried). */
    FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
