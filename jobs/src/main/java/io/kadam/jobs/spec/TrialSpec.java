package io.kadam.jobs.spec;

import io.kadam.model.dynamics.CheckSpec;
import io.kadam.model.train.TrialConfig;

import java.io.Serializable;

/**
 * One trial of a sweep, ready to run on an executor.
 *
 * @param trialId         stable hash of the full trial config and the metric schema version:
 *                        the same trial always has the same id (see {@code TrialId})
 * @param sweep           the sweep's name (the Parquet partition)
 * @param index           position in the sweep's expansion (for ordering and plots)
 * @param config          everything the trainer needs except the data
 * @param data            where the data comes from
 * @param point           the trial's coordinates for the tables
 * @param checkpointEvery steps between checkpoints (0 = none)
 * @param check           the continuous-time check this trial runs on its training run, or null
 *                        for plain training
 */
public record TrialSpec(String trialId, String sweep, int index, TrialConfig config, DataSpec data, TrialPoint point,
                        int checkpointEvery, CheckSpec check) implements Serializable {

    /** A plain training trial. */
    public TrialSpec(String trialId, String sweep, int index, TrialConfig config, DataSpec data, TrialPoint point,
                     int checkpointEvery) {
        this(trialId, sweep, index, config, data, point, checkpointEvery, null);
    }
}
