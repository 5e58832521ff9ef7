package io.kadam.jobs.run;

import io.kadam.jobs.EmbeddedSparkTest;
import io.kadam.jobs.spec.DataCheck;
import io.kadam.jobs.spec.SpecParser;
import io.kadam.jobs.spec.SweepExpander;
import io.kadam.jobs.spec.TrialSpec;
import io.kadam.jobs.store.ResultLayout;
import io.kadam.jobs.store.ResultStore;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.CollectionAccumulator;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The progress lines take each trial's status from its task's accumulator update, not from the store. */
class ProgressTest extends EmbeddedSparkTest {

    @Test
    void statusesComeWithTheTaskEndEvents(@TempDir Path empty) throws Exception {
        List<TrialSpec> trials = SweepExpander.expand(SpecParser.parse(tinyCurveSpec("progress"), "progress.yaml", DataCheck.NONE))
                .subList(0, 2);
        CollectionAccumulator<String> reported = spark().sparkContext().collectionAccumulator("kadam trial statuses");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        // an empty store: reading the status back would say "not committed"
        ResultStore store = new ResultStore(new ResultLayout(empty.toUri().toString()), new Configuration());
        Progress progress = new Progress("progress", trials, store, reported.id(), new PrintStream(log, true, StandardCharsets.UTF_8));
        spark().sparkContext().addSparkListener(progress);
        try {
            List<String> ids = trials.stream().map(TrialSpec::trialId).toList();
            JavaSparkContext.fromSparkContext(spark().sparkContext()).parallelize(List.of(0, 1), 2)
                    .foreach(i -> reported.add(TrialTask.reportLine(ids.get(i), i == 0 ? "diverged" : "completed")));
            spark().sparkContext().listenerBus().waitUntilEmpty(); // listener events are delivered asynchronously
        } finally {
            spark().sparkContext().removeSparkListener(progress);
        }
        String lines = log.toString(StandardCharsets.UTF_8);
        // the tasks end in either order: each trial's own line, and the counts on the last one
        Assertions.assertTrue(lineOf(lines, trials.get(0).trialId()).contains(": diverged | "), lines);
        Assertions.assertTrue(lineOf(lines, trials.get(1).trialId()).contains(": completed | "), lines);
        Assertions.assertTrue(lineOf(lines, "[2/2]").contains("| diverged 1, failed 0"), lines);
        Assertions.assertFalse(lines.contains("not committed"), lines);
    }

    private static String lineOf(String lines, String part) {
        return lines.lines().filter(l -> l.contains(part)).findFirst().orElse("(no line with " + part + ")");
    }
}
