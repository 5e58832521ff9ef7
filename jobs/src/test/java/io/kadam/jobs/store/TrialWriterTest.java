package io.kadam.jobs.store;

import io.kadam.jobs.spec.TrialSpec;
import io.kadam.model.train.TrialStatus;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static io.kadam.jobs.store.StoreFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

class TrialWriterTest {

    @TempDir
    java.nio.file.Path dir;

    private final Configuration conf = new Configuration();

    private ResultLayout layout() {
        return new ResultLayout(dir.resolve("out").toUri().toString());
    }

    @Test
    void writesTheThreeTablesWithExactValues() throws IOException {
        ResultLayout layout = layout();
        TrialSpec spec = spec("fig3", "t0001", 7);
        TrialWriter writer = filled(layout, conf, spec, "task 3.0", STEPS);

        assertEquals(CommitResult.COMMITTED, writer.commit(outcome(TrialStatus.COMPLETED, STEPS), null));

        List<Group> steps = rows(layout.file("steps", "fig3", "t0001"), conf);
        assertEquals(STEPS, steps.size());
        for (int n = 0; n < STEPS; n++) {
            Group row = steps.get(n);
            var expected = step(n);
            assertEquals("t0001", row.getString("trial_id", 0));
            assertEquals(n, row.getLong("step", 0));
            assertEquals(expected.loss(), row.getDouble("loss", 0));
            assertEquals(expected.lr(), row.getDouble("lr", 0));
            assertEquals(expected.maxUpdate(), row.getDouble("max_update", 0));
            assertArrayEquals(expected.levelMaxUpdates(), list(row, "level_max_update"));
            assertEquals(expected.gradNorm(), row.getDouble("grad_norm", 0));
            assertEquals(expected.seconds(), row.getDouble("seconds", 0));
        }
        List<Group> evals = rows(layout.file("evals", "fig3", "t0001"), conf);
        assertEquals(STEPS / EVAL_EVERY, evals.size());
        assertEquals(eval(49).testLoss(), evals.get(0).getDouble("test_loss", 0));
        assertEquals(eval(299).accuracy(), evals.get(5).getDouble("accuracy", 0));

        List<Group> trials = rows(layout.file("trials", "fig3", "t0001"), conf);
        assertEquals(1, trials.size());
        Group t = trials.get(0);
        assertEquals("completed", t.getString("status", 0));
        assertEquals(7, t.getInteger("idx", 0));
        assertEquals(2, t.getInteger("k", 0));
        assertTrue(Double.isNaN(t.getDouble("arc_s", 0)));
        assertArrayEquals(new double[]{0.999, 0.99}, list(t, "level_betas"));
        assertArrayEquals(new double[]{0.9, 0.0}, list(t, "level_gammas"));
        assertEquals(STEPS, t.getLong("steps_planned", 0));
        assertEquals(STEPS, t.getLong("steps_done", 0));
        assertEquals("task 3.0", t.getString("attempt", 0));
        assertEquals("generated", t.getString("dataset", 0));
        assertTrue(t.getString("config", 0).startsWith("TrialConfig["), t.getString("config", 0));
        assertEquals(ResultLayout.SCHEMA_VERSION, t.getInteger("schema_version", 0));
        assertEquals(0, t.getFieldRepetitionCount("error"), "error is null for a completed trial");
        assertTrue(Math.abs(System.currentTimeMillis() - t.getLong("finished_at", 0)) < 60_000);

        assertEquals(List.of(), filesUnder(layout.fileSystem(conf), layout.stagingRoot()));
        assertThrows(IllegalStateException.class, () -> writer.step(step(STEPS)));
    }

    @Test
    void aSecondAttemptFindsTheTrialCommittedAndLeavesItAlone() throws IOException {
        ResultLayout layout = layout();
        TrialSpec spec = spec("fig3", "t0002", 0);
        TrialWriter first = filled(layout, conf, spec, "attempt 0", STEPS);
        TrialWriter second = filled(layout, conf, spec, "attempt 1", STEPS); // ran at the same time

        assertEquals(CommitResult.COMMITTED, first.commit(outcome(TrialStatus.COMPLETED, STEPS), null));
        assertEquals(CommitResult.ALREADY_COMMITTED, second.commit(outcome(TrialStatus.COMPLETED, STEPS), null));
        TrialWriter rerun = filled(layout, conf, spec, "attempt 2", 10);
        assertEquals(CommitResult.ALREADY_COMMITTED, rerun.commit(outcome(TrialStatus.COMPLETED, 10), null));

        FileSystem fs = layout.fileSystem(conf);
        for (String table : List.of("trials", "steps", "evals")) {
            assertEquals(List.of("trial-t0002.parquet"), filesUnder(fs, layout.partition(table, "fig3")), table);
        }
        assertEquals(STEPS, rows(layout.file("steps", "fig3", "t0002"), conf).size());
        assertEquals("attempt 0", rows(layout.file("trials", "fig3", "t0002"), conf).get(0).getString("attempt", 0));
        assertEquals(List.of(), filesUnder(fs, layout.stagingRoot()));
    }

    @Test
    void theMarkerAppearingDuringPublishMeansAlreadyCommitted() throws IOException {
        // the race the up-front check cannot see: another attempt commits while this one stages
        ResultLayout layout = layout();
        FileSystem fs = layout.fileSystem(conf);
        Path staging = layout.newStagingDir("t0003");
        Path stagedSteps = new Path(staging, "steps.parquet");
        Path stagedTrial = new Path(staging, "trials.parquet");
        fs.create(stagedSteps).close();
        fs.create(stagedTrial).close();
        Path marker = layout.file("trials", "fig3", "t0003");
        fs.create(marker).close();

        CommitResult result = new Publisher(fs).publish(
                List.of(new Publisher.Move(stagedSteps, layout.file("steps", "fig3", "t0003"))),
                new Publisher.Move(stagedTrial, marker));

        assertEquals(CommitResult.ALREADY_COMMITTED, result);
        assertFalse(fs.exists(layout.file("steps", "fig3", "t0003")), "the committed attempt's steps are not touched");
    }

    @Test
    void aLeftoverOfACrashedAttemptIsReplaced() throws IOException {
        ResultLayout layout = layout();
        TrialSpec spec = spec("fig3", "t0004", 0);
        // the crashed attempt got its steps (of 10 steps) into place, then died before the marker
        TrialWriter crashed = filled(layout, conf, spec, "crashed", 10);
        crashed.commit(outcome(TrialStatus.COMPLETED, 10), null);
        layout.fileSystem(conf).delete(layout.file("trials", "fig3", "t0004"), false);

        TrialWriter retry = filled(layout, conf, spec, "retry", STEPS);
        assertEquals(CommitResult.COMMITTED, retry.commit(outcome(TrialStatus.COMPLETED, STEPS), null));
        assertEquals(STEPS, rows(layout.file("steps", "fig3", "t0004"), conf).size());
    }

    @Test
    void failCommitsTheStepsSoFarAndASummaryOfTheError() throws IOException {
        ResultLayout layout = layout();
        TrialWriter writer = filled(layout, conf, spec("fig3", "t0005", 0), null, 120);
        Exception error = new IOException("cannot load shard 3", new IllegalStateException("CUDA out of memory"));

        assertEquals(CommitResult.COMMITTED, writer.fail(error));

        Group t = rows(layout.file("trials", "fig3", "t0005"), conf).get(0);
        assertEquals("failed", t.getString("status", 0));
        assertEquals("java.io.IOException: cannot load shard 3", t.getString("reason", 0));
        String summary = t.getString("error", 0);
        assertTrue(summary.contains("Caused by: java.lang.IllegalStateException: CUDA out of memory"), summary);
        assertTrue(summary.contains("\tat io.kadam.jobs.store.TrialWriterTest"), summary);
        assertEquals(120, t.getLong("steps_done", 0));
        assertEquals(step(119).loss(), t.getDouble("final_loss", 0));
        assertEquals(eval(99).testLoss(), t.getDouble("best_test_loss", 0));
        assertEquals(0, t.getFieldRepetitionCount("attempt"));
        assertEquals(120, rows(layout.file("steps", "fig3", "t0005"), conf).size());
        assertEquals(2, rows(layout.file("evals", "fig3", "t0005"), conf).size());
    }

    @Test
    void aReadOnlyOutputDirectoryFailsNamingTrialAndPath() throws IOException {
        java.nio.file.Path out = Files.createDirectories(dir.resolve("out"));
        assertTrue(out.toFile().setWritable(false));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(out.toFile().canWrite(), "running as root: permissions are not enforced");
            ResultLayout layout = layout();
            TrialWriter writer = filled(layout, conf, spec("fig3", "t0006", 0), null, 10);

            IOException e = assertThrows(IOException.class, () -> writer.commit(outcome(TrialStatus.COMPLETED, 10), null));

            assertTrue(e.getMessage().contains("t0006") && e.getMessage().contains(out.toString()), e.getMessage());
            assertEquals(List.of(), filesUnder(layout.fileSystem(conf), layout.root()));
        } finally {
            out.toFile().setWritable(true);
        }
    }
}
