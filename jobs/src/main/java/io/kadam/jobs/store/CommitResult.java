package io.kadam.jobs.store;

/** What {@link TrialWriter#commit} did. */
public enum CommitResult {
    /** This attempt's files are now the trial's. */
    COMMITTED,
    /** Another attempt (a retried task, a rerun) had committed the trial: its files were kept, this one's dropped. */
    ALREADY_COMMITTED
}
