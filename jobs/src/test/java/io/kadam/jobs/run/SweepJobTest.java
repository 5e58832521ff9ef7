package io.kadam.jobs.run;

import io.kadam.jobs.EmbeddedSparkTest;
import io.kadam.jobs.spec.DataCheck;
import io.kadam.jobs.spec.SpecParser;
import io.kadam.jobs.spec.SweepExpander;
import io.kadam.jobs.spec.TrialSpec;
import io.kadam.jobs.sql.ResultTables;
import io.kadam.jobs.store.StoreException;
import io.kadam.model.nn.GptConfig;
import io.kadam.model.train.TrialConfig;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;





/** The sweep on an embedded Spark (spark-testing-base): resume, failure isolation, the tables. */
class SweepJobTest extends EmbeddedSparkTest {

    private static final String SPEC = tinyCurveSpec("tiny");

    private static final List<TrialSpec> TRIALS = SweepExpander.expand(SpecParser.parse(SPEC, "tiny.yaml", DataCheck.NONE));
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private SweepJob.Summary run(List<TrialSpec> trials, Path out, SweepJob.Options options) throws Exception {
        return SweepJob.run(spark(), "tiny", "fp-" + TRIALS.size(), trials, out.toString(), options,
                new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private Dataset<Row> table(Path out, ResultTables.Table table) {
        ResultTables.registerViews(spark(), out.toString());
        return ResultTables.compute(spark(), table).drop("idx");
    }

    @Test
    void resumeRunsOnlyMissingTrialsAndEndsWithTheSameTables(@TempDir Path dir) throws Exception {
        Path whole = dir.resolve("whole");
        SweepJob.Summary all = run(TRIALS, whole, SweepJob.Options.DEFAULT);
        Assertions.assertEquals(4, all.ran());

        Path partial = dir.resolve("partial");
        run(TRIALS.subList(0, 2), partial, SweepJob.Options.DEFAULT); // as if the driver died after two trials
        SweepJob.Summary rest = run(TRIALS, partial, SweepJob.Options.DEFAULT);
        Assertions.assertEquals(2, rest.alreadyCommitted());
        Assertions.assertEquals(2, rest.ran());
        SweepJob.Summary again = run(TRIALS, partial, SweepJob.Options.DEFAULT);
        Assertions.assertTrue(again.nothingToDo());
        Assertions.assertTrue(log.toString(StandardCharsets.UTF_8).contains("nothing to do: all 4 trials of sweep 'tiny' are committed"), log.toString());

        for (ResultTables.Table t : List.of(ResultTables.Table.SLOPE_VS_C, ResultTables.Table.BOUND_VIOLATIONS, ResultTables.Table.BEST_LOSS)) {
            assertDataFrameNoOrderEquals(table(whole, t), table(partial, t));
        }
        ResultTables.registerViews(spark(), partial.toString());
        Assertions.assertEquals(4 * 40, spark().sql("SELECT * FROM steps").count(), "each step exactly once");
        Assertions.assertEquals(4, spark().sql("SELECT DISTINCT trial_id FROM trials").count());
        Assertions.assertEquals(4 * 2, spark().sql("SELECT * FROM evals").count());
    }

    /** A trial that throws is committed as failed; the others complete; --rerun-failed runs it again. */
    @Test
    void aFailingTrialDoesNotStopTheSweep(@TempDir Path out) throws Exception {
        List<TrialSpec> trials = new ArrayList<>(TRIALS);
        TrialSpec bad = trials.get(1);
        GptConfig tooSmall = ((GptConfig) bad.config().model()).withVocabSize(100); // byte data has 256 symbols
        TrialConfig badConfig = new TrialConfig(tooSmall, bad.config().optimizer(), bad.config().schedule(), bad.config().steps(),
                bad.config().batchSize(), bad.config().evalInterval(), bad.config().evalBatches(), bad.config().seed(), 0);
        trials.set(1, new TrialSpec(bad.trialId(), bad.sweep(), bad.index(), badConfig, bad.data(), bad.point(), 0));

        SweepJob.Summary summary = run(trials, out, SweepJob.Options.DEFAULT);
        Assertions.assertEquals(4, summary.ran());
        Assertions.assertEquals(1, summary.statuses().get("failed"), summary.statuses().toString());
        Assertions.assertEquals(3, summary.statuses().get("completed"), summary.statuses().toString());
        ResultTables.registerViews(spark(), out.toString());
        Row failed = spark().sql("SELECT status, error, reason FROM trials WHERE trial_id = '" + bad.trialId() + "'").first();
        Assertions.assertEquals("failed", failed.getString(0));
        Assertions.assertTrue(failed.getString(1).contains("vocabSize 100 is smaller than the data's vocabulary 256"), failed.getString(1));
        Assertions.assertTrue(failed.getString(1).contains("\tat io.kadam."), "error: the message and the stack: " + failed.getString(1));
        Assertions.assertTrue(failed.getString(2).startsWith("java.lang.IllegalArgumentException: model vocabSize 100")
                && !failed.getString(2).contains("\n"), "reason: the error's first line: " + failed.getString(2));

        SweepJob.Summary rerun = run(TRIALS, out, new SweepJob.Options(true, false));
        Assertions.assertEquals(1, rerun.ran(), "only the failed trial runs again");
        ResultTables.registerViews(spark(), out.toString());
        Assertions.assertEquals(0, spark().sql("SELECT * FROM trials WHERE status = 'failed'").count());
        Assertions.assertEquals(4 * 40, spark().sql("SELECT * FROM steps").count());
    }

    @Test
    void anOutputDirOfAnotherSpecIsRefusedBeforeAnythingRuns(@TempDir Path out) throws Exception {
        run(TRIALS.subList(0, 1), out, SweepJob.Options.DEFAULT);
        StoreException e = Assertions.assertThrows(StoreException.class, () -> SweepJob.run(spark(), "tiny", "another-spec", TRIALS,
                out.toString(), SweepJob.Options.DEFAULT, new PrintStream(log, true, StandardCharsets.UTF_8)));
        Assertions.assertTrue(e.getMessage().contains("tiny"), e.getMessage());
        ResultTables.registerViews(spark(), out.toString());
        Assertions.assertEquals(1, spark().sql("SELECT * FROM trials").count(), "nothing run, nothing lost");
    }
}
