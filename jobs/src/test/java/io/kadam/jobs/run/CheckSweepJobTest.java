package io.kadam.jobs.run;

import io.kadam.jobs.EmbeddedSparkTest;
import io.kadam.jobs.spec.DataCheck;
import io.kadam.jobs.spec.SpecParser;
import io.kadam.jobs.spec.SweepExpander;
import io.kadam.jobs.spec.TrialSpec;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A check sweep on an embedded Spark: each trial runs Fig. 1's replay check and commits its five files. */
class CheckSweepJobTest extends EmbeddedSparkTest {

    private static final int STEPS = 30;
    private static final int COORDINATES = 3;

    /** Two seeds of a 1-layer dim-16 AdamW run on generated text, each replayed with K = 10. */
    private static final String SPEC = tinyReplaySpec("tiny-replay", STEPS, COORDINATES);

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private SweepJob.Summary run(List<TrialSpec> trials, Path out) throws Exception {
        return SweepJob.run(spark(), "tiny-replay", "fp-check", trials, out.toString(), SweepJob.Options.DEFAULT,
                new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    /** Every row of one table's partition of this sweep, with the plain Parquet reader. */
    private static List<Group> parquetRows(Path out, String table) throws IOException {
        List<Group> rows = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(out.resolve(table).resolve("sweep=tiny-replay"), "*.parquet")) {
            for (Path file : files) {
                try (ParquetReader<Group> in = ParquetReader.builder(new GroupReadSupport(),
                        new org.apache.hadoop.fs.Path(file.toUri())).build()) {
                    for (Group row = in.read(); row != null; row = in.read()) {
                        rows.add(row);
                    }
                }
            }
        }
        return rows;
    }

    private Dataset<Row> table(Path out, String table) {
        return spark().read().parquet(out + "/" + table);
    }

    @Test
    void aReplaySweepCommitsCurvesLossesAndGapsOncePerTrial(@TempDir Path out) throws Exception {
        List<TrialSpec> trials = SweepExpander.expand(SpecParser.parse(SPEC, "tiny-replay.yaml", DataCheck.NONE));
        Assertions.assertEquals(2, trials.size());

        SweepJob.Summary summary = run(trials, out);
        Assertions.assertEquals(2, summary.ran());
        Assertions.assertEquals(2, summary.statuses().get("completed"), summary.statuses() + "\n" + log);

        // check_series read with Spark (its partition column included), the rest directly: Spark reads cost seconds here
        List<Group> trialRows = parquetRows(out, "trials");
        Assertions.assertEquals(2, trialRows.size());
        for (Group t : trialRows) {
            Assertions.assertEquals("completed", t.getString("status", 0), t.toString());
            Assertions.assertEquals(STEPS, t.getLong("steps_done", 0));
        }
        Set<String> ids = trialRows.stream().map(t -> t.getString("trial_id", 0)).collect(Collectors.toSet());
        Assertions.assertEquals(trials.stream().map(TrialSpec::trialId).collect(Collectors.toSet()), ids);

        Assertions.assertEquals(List.of(), parquetRows(out, "steps"), "a check trial writes no steps: its loss is a series");

        List<Row> all = table(out, "check_series").select("trial_id", "check", "series", "subject", "iteration", "value", "sweep")
                .collectAsList();
        List<Row> losses = all.stream().filter(r -> r.getString(2).equals("train_loss")).toList();
        Assertions.assertEquals(2 * STEPS, losses.size(), "the training loss of every iteration");
        Assertions.assertTrue(losses.stream().allMatch(r -> r.getString(3).equals("run") && r.getDouble(5) > 0), losses.toString());
        List<Row> series = all.stream().filter(r -> !r.getString(2).equals("train_loss")).toList();
        Assertions.assertEquals(2 * 3 * COORDINATES * (STEPS + 1), series.size(), "per trial: 3 series x 3 coordinates x (N + 1) points");
        Assertions.assertEquals(Set.of("continuous", "discrete", "discrete64"), series.stream().map(r -> r.getString(2))
                .collect(Collectors.toSet()));
        Assertions.assertEquals(2 * COORDINATES, series.stream().map(r -> r.getString(0) + " " + r.getString(3)).distinct().count());
        for (String id : ids) {
            Assertions.assertEquals(3 * COORDINATES * (STEPS + 1), series.stream().filter(r -> r.getString(0).equals(id)).count(), id);
        }
        for (Row p : series) {
            Assertions.assertTrue(ids.contains(p.getString(0)) && p.getString(1).equals("replay") && p.getLong(4) >= 0
                    && p.getLong(4) <= STEPS && Double.isFinite(p.getDouble(5)) && p.getString(6).equals("tiny-replay"), p.toString());
        }

        List<Group> metrics = parquetRows(out, "check_metrics");
        Assertions.assertEquals(ids, metrics.stream().map(r -> r.getString("trial_id", 0)).collect(Collectors.toSet()));
        List<Group> gaps = metrics.stream().filter(r -> r.getString("metric", 0).equals("median_relative_mean_gap")).toList();
        Assertions.assertEquals(2, gaps.size());
        for (Group gap : gaps) {
            double value = gap.getDouble("value", 0);
            Assertions.assertTrue(Double.isFinite(value) && value >= 0 && value < 1, "median relative mean gap " + value);
        }

        SweepJob.Summary again = run(trials, out);
        Assertions.assertTrue(again.nothingToDo());
        Assertions.assertTrue(log.toString(StandardCharsets.UTF_8).contains("nothing to do: all 2 trials of sweep 'tiny-replay' are committed"),
                log.toString(StandardCharsets.UTF_8));
    }
}
