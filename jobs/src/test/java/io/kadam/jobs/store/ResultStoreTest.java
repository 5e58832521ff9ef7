package io.kadam.jobs.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kadam.model.train.TrialStatus;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.kadam.jobs.store.StoreFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

class ResultStoreTest {

    @TempDir
    java.nio.file.Path dir;

    private final Configuration conf = new Configuration();

    private ResultLayout layout() {
        return new ResultLayout(dir.resolve("out").toUri().toString());
    }

    private void commit(ResultLayout layout, String sweep, String id, TrialStatus status) throws IOException {
        TrialWriter writer = filled(layout, conf, spec(sweep, id, 0), null, 20);
        assertEquals(CommitResult.COMMITTED, writer.commit(outcome(status, 20), status == TrialStatus.FAILED ? "boom" : null));
    }

    @Test
    void analysisParametersAreRecordedPerSweepAndReplaced() throws IOException {
        ResultStore store = new ResultStore(layout(), conf);
        assertEquals(java.util.Optional.empty(), store.analysis("fig3"), "nothing recorded yet");
        store.recordAnalysis("fig3", new io.kadam.jobs.spec.Analysis(800, 1000, 1200));
        store.recordAnalysis("fig4", new io.kadam.jobs.spec.Analysis(1000, 1000, 3000));
        assertEquals(java.util.Optional.of(new io.kadam.jobs.spec.Analysis(800, 1000, 1200)), store.analysis("fig3"));
        store.recordAnalysis("fig3", new io.kadam.jobs.spec.Analysis(800, 1000, 1200)); // the same again: nothing to do
        store.recordAnalysis("fig3", new io.kadam.jobs.spec.Analysis(500, 600, 700));  // the spec's section changed
        assertEquals(java.util.Optional.of(new io.kadam.jobs.spec.Analysis(500, 600, 700)), store.analysis("fig3"));
        assertEquals(java.util.Optional.of(new io.kadam.jobs.spec.Analysis(1000, 1000, 3000)), store.analysis("fig4"), "sweeps apart");
        try (var files = java.nio.file.Files.list(dir.resolve("out/analysis/sweep=fig3"))) {
            assertEquals(List.of("analysis.parquet"), files.map(f -> f.getFileName().toString()).toList(), "one file, no leftovers");
        }
    }

    @Test
    void committedTrialsAreThoseWithATrialsFile() throws IOException {
        ResultLayout layout = layout();
        ResultStore store = new ResultStore(layout, conf);
        assertEquals(Set.of(), store.committedTrialIds("fig3"), "a new sweep");

        commit(layout, "fig3", "a1", TrialStatus.COMPLETED);
        commit(layout, "fig3", "b2", TrialStatus.DIVERGED);
        commit(layout, "fig3", "c3", TrialStatus.FAILED);
        commit(layout, "other", "d4", TrialStatus.COMPLETED);
        // not committed: the data of an attempt that died before its marker, and stray files
        FileSystem fs = layout.fileSystem(conf);
        fs.create(layout.file("steps", "fig3", "e5")).close();
        fs.create(new Path(layout.partition("trials", "fig3"), ".trial-a1.parquet.crc")).close();
        fs.create(new Path(layout.partition("trials", "fig3"), "_SUCCESS")).close();

        assertEquals(List.of("a1", "b2", "c3"), List.copyOf(store.committedTrialIds("fig3")));
        assertEquals(Map.of("a1", TrialStatus.COMPLETED, "b2", TrialStatus.DIVERGED, "c3", TrialStatus.FAILED),
                store.committedTrials("fig3"));
        assertEquals(Optional.of(TrialStatus.DIVERGED), store.statusOf("fig3", "b2"));
        assertEquals(Optional.empty(), store.statusOf("fig3", "e5"));
        assertEquals(Optional.empty(), store.statusOf("other", "a1"));
    }

    @Test
    void removeTrialRemovesItsThreeFiles() throws IOException {
        ResultLayout layout = layout();
        ResultStore store = new ResultStore(layout, conf);
        commit(layout, "fig3", "a1", TrialStatus.FAILED);
        commit(layout, "fig3", "b2", TrialStatus.COMPLETED);

        assertTrue(store.removeTrial("fig3", "a1"));
        assertFalse(store.removeTrial("fig3", "a1"));

        FileSystem fs = layout.fileSystem(conf);
        for (String table : List.of("trials", "steps", "evals")) {
            assertEquals(List.of("trial-b2.parquet"), filesUnder(fs, layout.partition(table, "fig3")), table);
        }
        commit(layout, "fig3", "a1", TrialStatus.COMPLETED); // the rerun
        assertEquals(Optional.of(TrialStatus.COMPLETED), store.statusOf("fig3", "a1"));
    }

    @Test
    void cleanStagingRemovesOnlyAbandonedAttempts() throws IOException {
        ResultLayout layout = layout();
        FileSystem fs = layout.fileSystem(conf);
        Path abandoned = layout.newStagingDir("a1");
        Path live = layout.newStagingDir("b2");
        fs.create(new Path(abandoned, "steps.parquet")).close();
        fs.create(new Path(live, "steps.parquet")).close();
        long twoHoursAgo = System.currentTimeMillis() - Duration.ofHours(2).toMillis();
        fs.setTimes(new Path(abandoned, "steps.parquet"), twoHoursAgo, -1);
        fs.setTimes(abandoned, twoHoursAgo, -1);

        ResultStore store = new ResultStore(layout, conf);
        assertEquals(1, store.cleanStaging(Duration.ofHours(1)));
        assertFalse(fs.exists(abandoned));
        assertTrue(fs.exists(live));
        assertEquals(0, new ResultStore(new ResultLayout(dir.resolve("fresh").toUri().toString()), conf)
                .cleanStaging(Duration.ofHours(1)), "no staging directory at all");
    }

    @Test
    void theMarkerRecordsSchemaVersionAndEachSweepsSpec() throws IOException {
        ResultLayout layout = layout();
        ResultStore store = new ResultStore(layout, conf);

        store.checkCompatible("fig3", "fp-aaa");   // fresh directory: writes the marker
        store.checkCompatible("fig3", "fp-aaa");   // the same spec again: fine
        store.checkCompatible("fig4", "fp-bbb");   // another sweep beside it

        JsonNode marker = new ObjectMapper().readTree(Files.readString(dir.resolve("out/_kadam.json")));
        assertEquals(1, marker.get("schema_version").asInt());
        assertEquals("fp-aaa", marker.at("/sweeps/fig3/fingerprint").asText());
        assertEquals("fp-bbb", marker.at("/sweeps/fig4/fingerprint").asText());
        try (var files = Files.list(dir.resolve("out"))) {
            assertEquals(List.of("_kadam.json"), files.map(p -> p.getFileName().toString()).toList(), "no temp files left");
        }

        StoreException e = assertThrows(StoreException.class, () -> store.checkCompatible("fig3", "fp-ccc"));
        String m = e.getMessage();
        assertTrue(m.contains(layout.out()) && m.contains("sweep 'fig3'") && m.contains("fp-aaa") && m.contains("fp-ccc"), m);
    }

    @Test
    void aNewerSchemaVersionIsRefused() throws IOException {
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/_kadam.json"), "{\"schema_version\": 2, \"sweeps\": {}}", StandardCharsets.UTF_8);
        ResultStore store = new ResultStore(layout(), conf);

        StoreException e = assertThrows(StoreException.class, () -> store.checkCompatible("fig3", "fp-aaa"));

        assertTrue(e.getMessage().contains("schema version 2") && e.getMessage().contains("writes schema version 1")
                && e.getMessage().contains(layout().out()), e.getMessage());
    }

    @Test
    void aMarkerThatIsNotOursIsRefused() throws IOException {
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/_kadam.json"), "not json", StandardCharsets.UTF_8);

        StoreException e = assertThrows(StoreException.class, () -> new ResultStore(layout(), conf).checkCompatible("fig3", "x"));

        assertTrue(e.getMessage().contains("_kadam.json"), e.getMessage());
    }

    @Test
    void sweepNamesAndTrialIdsMustBeSafePathSegments() {
        ResultLayout layout = layout();
        assertThrows(IllegalArgumentException.class, () -> layout.partition("trials", "2024"));
        assertThrows(IllegalArgumentException.class, () -> layout.partition("trials", "a/b"));
        assertThrows(IllegalArgumentException.class, () -> layout.file("trials", "fig3", "../x"));
        assertEquals("x1", ResultLayout.trialIdOf(ResultLayout.fileName("x1")));
        assertNull(ResultLayout.trialIdOf(".trial-x1.parquet.crc"));
    }
}
