package io.kadam.jobs.store;

import io.kadam.jobs.spec.TrialSpec;
import io.kadam.model.dynamics.CheckKind;
import io.kadam.model.dynamics.CheckOutput;
import io.kadam.model.dynamics.CheckSpec;
import io.kadam.model.train.TrialStatus;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static io.kadam.jobs.store.StoreFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** A check trial's two extra tables, check_series and check_metrics: written, removed, and never half-committed. */
class CheckTablesTest {

    private static final List<String> TABLES = List.of("trials", "steps", "evals", "check_series", "check_metrics");
    private static final int ITERATIONS = 12;

    @TempDir
    java.nio.file.Path dir;

    @AfterEach
    void heal() {
        FaultyFileSystem.reset();
    }

    private static TrialSpec checkSpec(String trialId) {
        TrialSpec plain = spec("checks", trialId, 0);
        return new TrialSpec(plain.trialId(), plain.sweep(), plain.index(), plain.config(), plain.data(), plain.point(), 0,
                CheckSpec.defaults(CheckKind.REPLAY));
    }

    /** A replay check's output: 3 series x 2 coordinates x (ITERATIONS + 1) points of distinct values, 3 metrics. */
    private static CheckOutput output() {
        List<CheckOutput.Point> points = new ArrayList<>();
        for (String subject : List.of("h0_attn_q_weight[17]", "h0_mlp_fc_weight[3]")) {
            for (int n = 0; n <= ITERATIONS; n++) {
                for (String series : List.of("discrete", "continuous", "discrete64")) {
                    points.add(new CheckOutput.Point(series, subject, n, value(series, subject, n)));
                }
            }
        }
        double[] losses = new double[ITERATIONS];
        for (int n = 0; n < ITERATIONS; n++) {
            losses[n] = 5.5 - n / 7.0;
        }
        return new CheckOutput(CheckKind.REPLAY, points, List.of(new CheckOutput.Metric("median_relative_mean_gap", 0.0073),
                new CheckOutput.Metric("float64_floor", 3.1e-7), new CheckOutput.Metric("lost_gradients", 0)), losses);
    }

    private static double value(String series, String subject, int n) {
        return (series.hashCode() % 1000) / 1e3 + subject.length() * 1e-2 + Math.sin(n + 0.3) * 1e-4;
    }

    /** What CheckTrial hands the writer: the check alone, no steps (it reads no k-Adam statistics). */
    private static TrialWriter checkWriter(ResultLayout layout, Configuration conf, TrialSpec spec) {
        TrialWriter writer = new TrialWriter(layout, conf, spec, "attempt 0");
        writer.check(output());
        return writer;
    }

    private static void assertNothingLeft(ResultLayout layout, Configuration conf) throws IOException {
        FileSystem fs = layout.fileSystem(conf);
        for (String table : TABLES) {
            assertEquals(List.of(), filesUnder(fs, new Path(layout.root(), table)), table);
        }
        assertEquals(List.of(), filesUnder(fs, layout.stagingRoot()), "staging");
    }

    @Test
    void aCheckTrialCommitsItsCurvesAndNumbersBesideTheSteps() throws IOException {
        Configuration conf = new Configuration();
        ResultLayout layout = new ResultLayout(dir.resolve("out").toUri().toString());
        TrialWriter writer = checkWriter(layout, conf, checkSpec("c0001"));

        assertEquals(CommitResult.COMMITTED, writer.commit(outcome(TrialStatus.COMPLETED, ITERATIONS), null));

        CheckOutput expected = output();
        List<Group> series = rows(layout.file("check_series", "checks", "c0001"), conf);
        assertEquals(3 * 2 * (ITERATIONS + 1), series.size());
        for (int i = 0; i < series.size(); i++) {
            Group row = series.get(i);
            CheckOutput.Point p = expected.series().get(i);
            assertEquals("c0001", row.getString("trial_id", 0));
            assertEquals("replay", row.getString("check", 0));
            assertEquals(p.series(), row.getString("series", 0));
            assertEquals(p.subject(), row.getString("subject", 0));
            assertEquals(p.iteration(), row.getLong("iteration", 0));
            assertEquals(p.value(), row.getDouble("value", 0));
        }
        List<Group> metrics = rows(layout.file("check_metrics", "checks", "c0001"), conf);
        assertEquals(List.of("median_relative_mean_gap", "float64_floor", "lost_gradients"),
                metrics.stream().map(r -> r.getString("metric", 0)).toList());
        assertEquals(0.0073, metrics.get(0).getDouble("value", 0));
        assertEquals(3.1e-7, metrics.get(1).getDouble("value", 0));
        assertTrue(metrics.stream().allMatch(r -> r.getString("check", 0).equals("replay") && r.getString("trial_id", 0).equals("c0001")));

        assertEquals(List.of(), rows(layout.file("steps", "checks", "c0001"), conf));
        assertEquals(List.of(), rows(layout.file("evals", "checks", "c0001"), conf));
        assertEquals("completed", rows(layout.file("trials", "checks", "c0001"), conf).get(0).getString("status", 0));
        assertEquals(List.of(), filesUnder(layout.fileSystem(conf), layout.stagingRoot()));
        assertThrows(IllegalStateException.class, () -> writer.check(expected), "committed: the writer is closed");

        // a second attempt finds it committed and leaves the check files alone
        TrialWriter again = new TrialWriter(layout, conf, checkSpec("c0001"), "attempt 1");
        again.check(new CheckOutput(CheckKind.REPLAY, List.of(), List.of(), new double[0]));
        assertEquals(CommitResult.ALREADY_COMMITTED, again.commit(outcome(TrialStatus.COMPLETED, ITERATIONS), null));
        assertEquals(3 * 2 * (ITERATIONS + 1), rows(layout.file("check_series", "checks", "c0001"), conf).size());
    }

    @Test
    void aPlainTrialWritesNoCheckFilesAndRemoveTrialRemovesThem() throws IOException {
        Configuration conf = new Configuration();
        ResultLayout layout = new ResultLayout(dir.resolve("out").toUri().toString());
        FileSystem fs = layout.fileSystem(conf);
        filled(layout, conf, spec("checks", "p0001", 0), null, 20).commit(outcome(TrialStatus.COMPLETED, 20), null);
        assertFalse(fs.exists(new Path(layout.root(), "check_series")), "plain trials have no check tables");
        assertFalse(fs.exists(new Path(layout.root(), "check_metrics")));

        checkWriter(layout, conf, checkSpec("c0002")).commit(outcome(TrialStatus.COMPLETED, ITERATIONS), null);
        for (String table : TABLES) {
            assertTrue(fs.exists(layout.file(table, "checks", "c0002")), table);
        }
        ResultStore store = new ResultStore(layout, conf);
        assertEquals(List.of("c0002", "p0001"), List.copyOf(store.committedTrialIds("checks")));

        assertTrue(store.removeTrial("checks", "c0002"));
        for (String table : TABLES) {
            assertFalse(fs.exists(layout.file(table, "checks", "c0002")), table);
        }
        assertEquals(List.of("p0001"), List.copyOf(store.committedTrialIds("checks")));
        // the rerun commits it afresh
        assertEquals(CommitResult.COMMITTED, checkWriter(layout, conf, checkSpec("c0002")).commit(
                outcome(TrialStatus.COMPLETED, ITERATIONS), null));
        assertEquals(3, rows(layout.file("check_metrics", "checks", "c0002"), conf).size());
    }

    @Test
    void aFullDiskWhileStagingTheCheckFilesLeavesNothing() throws IOException {
        Configuration conf = FaultyFileSystem.conf();
        ResultLayout layout = new ResultLayout("faulty:" + dir.resolve("out"));
        FaultyFileSystem.fault = (op, path) -> {
            if (op.equals("create") && path.getName().equals("check_metrics.parquet")) {
                throw new IOException("No space left on device");
            }
        };
        TrialWriter writer = checkWriter(layout, conf, checkSpec("c0003"));

        IOException e = assertThrows(IOException.class, () -> writer.commit(outcome(TrialStatus.COMPLETED, ITERATIONS), null));

        assertTrue(e.getMessage().contains("trial c0003 of sweep checks") && e.getMessage().contains("check_metrics.parquet")
                && e.getMessage().contains("No space left on device"), e.getMessage());
        assertNothingLeft(layout, conf);
        assertTrue(new ResultStore(layout, conf).committedTrialIds("checks").isEmpty());

        FaultyFileSystem.reset(); // space freed: the same writer commits all five files
        assertEquals(CommitResult.COMMITTED, writer.commit(outcome(TrialStatus.COMPLETED, ITERATIONS), null));
        assertEquals(3 * 2 * (ITERATIONS + 1), rows(layout.file("check_series", "checks", "c0003"), conf).size());
    }

    @Test
    void aRefusedMoveOfACheckFileRollsBackEverythingMoved() throws IOException {
        Configuration conf = FaultyFileSystem.conf();
        ResultLayout layout = new ResultLayout("faulty:" + dir.resolve("out"));
        FaultyFileSystem.fault = (op, path) -> {
            if (op.equals("rename") && path.toString().contains("/check_metrics/")) {
                throw new IOException("Permission denied");
            }
        };
        TrialWriter writer = checkWriter(layout, conf, checkSpec("c0004"));

        IOException e = assertThrows(IOException.class, () -> writer.commit(outcome(TrialStatus.COMPLETED, ITERATIONS), null));

        assertTrue(e.getMessage().contains("check_metrics/sweep=checks/trial-c0004.parquet")
                && e.getMessage().contains("Permission denied"), e.getMessage());
        assertNothingLeft(layout, conf); // steps, evals and check_series had been moved: gone again, and no trials row
    }
}
