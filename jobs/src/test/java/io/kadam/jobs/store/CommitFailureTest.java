package io.kadam.jobs.store;

import io.kadam.model.train.TrialStatus;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.util.List;

import static io.kadam.jobs.store.StoreFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Commits and removals on a file system that fails where each test says (works as root too). */
class CommitFailureTest {

    @TempDir
    java.nio.file.Path dir;

    private final Configuration conf = FaultyFileSystem.conf();

    private ResultLayout layout() {
        return new ResultLayout("faulty:" + dir.resolve("out"));
    }

    @AfterEach
    void heal() {
        FaultyFileSystem.reset();
    }

    private void assertNothingLeft(ResultLayout layout) throws IOException {
        FileSystem fs = layout.fileSystem(conf);
        for (String table : List.of("trials", "steps", "evals")) {
            assertEquals(List.of(), filesUnder(fs, new Path(layout.root(), table)), table);
        }
        assertEquals(List.of(), filesUnder(fs, layout.stagingRoot()), "staging");
    }

    @Test
    void aFullDiskWhileStagingFailsNamingTrialAndPathAndLeavesNothing() throws IOException {
        ResultLayout layout = layout();
        FaultyFileSystem.fault = (op, path) -> {
            if (op.equals("create") && path.getName().equals("evals.parquet")) {
                throw new IOException("No space left on device");
            }
        };
        TrialWriter writer = filled(layout, conf, spec("fig3", "t0100", 0), null, 50);

        IOException e = assertThrows(IOException.class, () -> writer.commit(outcome(TrialStatus.COMPLETED, 50), null));

        assertTrue(e.getMessage().contains("trial t0100 of sweep fig3"), e.getMessage());
        assertTrue(e.getMessage().contains("_staging/t0100-") && e.getMessage().contains("evals.parquet"), e.getMessage());
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertNothingLeft(layout);

        FaultyFileSystem.reset(); // space freed: the same writer can commit after all
        assertEquals(CommitResult.COMMITTED, writer.commit(outcome(TrialStatus.COMPLETED, 50), null));
        assertEquals(50, rows(layout.file("steps", "fig3", "t0100"), conf).size());
    }

    @Test
    void aRefusedMoveRollsBackTheFilesAlreadyMoved() throws IOException {
        ResultLayout layout = layout();
        FaultyFileSystem.fault = (op, path) -> {
            if (op.equals("rename") && path.toString().contains("/evals/")) {
                throw new IOException("Permission denied");
            }
        };
        TrialWriter writer = filled(layout, conf, spec("fig3", "t0101", 0), null, 50);

        IOException e = assertThrows(IOException.class, () -> writer.commit(outcome(TrialStatus.COMPLETED, 50), null));

        assertTrue(e.getMessage().contains("t0101") && e.getMessage().contains("evals/sweep=fig3/trial-t0101.parquet")
                && e.getMessage().contains("Permission denied"), e.getMessage());
        assertNothingLeft(layout); // the steps file had been moved: it is gone again
    }

    @Test
    void aFailingMarkerMoveLeavesNoCommittedTrial() throws IOException {
        ResultLayout layout = layout();
        FaultyFileSystem.fault = (op, path) -> {
            if (op.equals("rename") && path.toString().contains("/trials/")) {
                throw new IOException("Permission denied");
            }
        };
        TrialWriter writer = filled(layout, conf, spec("fig3", "t0102", 0), null, 50);

        assertThrows(IOException.class, () -> writer.commit(outcome(TrialStatus.COMPLETED, 50), null));

        assertNothingLeft(layout);
        assertEquals(List.of(), List.copyOf(new ResultStore(layout, conf).committedTrialIds("fig3")));
    }

    @Test
    void removeTrialDropsTheCommitMarkerFirst() throws IOException {
        ResultLayout layout = layout();
        filled(layout, conf, spec("fig3", "t0103", 0), null, 50).commit(outcome(TrialStatus.DIVERGED, 50), null);
        ResultStore store = new ResultStore(layout, conf);
        FaultyFileSystem.fault = (op, path) -> {
            if (op.equals("delete") && path.toString().contains("/steps/")) {
                throw new IOException("Input/output error"); // the driver dies between the deletes
            }
        };

        assertThrows(IOException.class, () -> store.removeTrial("fig3", "t0103"));

        // the trial is no longer committed, so the steps left behind are never read as its steps
        assertTrue(store.committedTrialIds("fig3").isEmpty());
        assertTrue(layout.fileSystem(conf).exists(layout.file("steps", "fig3", "t0103")));

        FaultyFileSystem.reset();
        assertFalse(store.removeTrial("fig3", "t0103"), "finishing the removal: it was no longer committed");
        assertFalse(layout.fileSystem(conf).exists(layout.file("steps", "fig3", "t0103")));
        assertFalse(layout.fileSystem(conf).exists(layout.file("evals", "fig3", "t0103")));
    }
}
