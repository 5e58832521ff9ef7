package io.kadam.jobs.cli;

import io.kadam.jobs.EmbeddedSparkTest;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tables read every sweep with its own parameters, whichever command wrote them last: sweep
 * A sets its slope step and horizons in its spec, sweep B takes the defaults of its length; both
 * share one output directory, and after run A, run B and report, A's rows are still A's.
 */
class AnalysisPerSweepTest {

    @Test
    void eachSweepKeepsItsOwnTableParameters(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.yaml");
        Path b = dir.resolve("b.yaml");
        Files.writeString(a, EmbeddedSparkTest.tinyCurveSpec("sweep-a", 36, 10, 2) + "analysis: {slope_step: 12, n1: 15, n2: 25}\n");
        Files.writeString(b, EmbeddedSparkTest.tinyCurveSpec("sweep-b", 45, 10, 2)); // defaults: slope step 30, n1 = n2 = 45
        String out = dir.resolve("out").toString();
        Map<String, List<Long>> expected = Map.of("sweep-a", List.of(12L, 15L, 25L), "sweep-b", List.of(30L, 45L, 45L));

        CliProcess.Result runA = CliProcess.run(dir, "run", a.toString(), "--out", out, "--master", "local[2]");
        assertEquals(0, runA.status(), runA.console());
        assertTrue(runA.console().contains("slope_vs_c: slope of log max-update at the sweep's slope step"), runA.console());
        CliProcess.Result runB = CliProcess.run(dir, "run", b.toString(), "--out", out, "--master", "local[2]");
        assertEquals(0, runB.status(), runB.console());
        assertEquals(expected, parameters(out), "after run B");
        CliProcess.Result report = CliProcess.run(dir, "report", out, "--master", "local[2]");
        assertEquals(0, report.status(), report.console());
        assertEquals(expected, parameters(out), "after report");

        CliProcess.Result old = CliProcess.run(dir, "report", out, "--slope-step", "1000");
        assertEquals(2, old.status(), "the slope step is the sweep's, not the command's: " + old.console());
    }

    /** Per sweep: slope_vs_c's slope_step and best_loss's n1 and n2 as written to out/tables (every row agrees). */
    private static Map<String, List<Long>> parameters(String out) throws Exception {
        Map<String, List<Long>> found = new TreeMap<>();
        Map<String, Long> slope = column(out + "/tables/slope_vs_c", "slope_step");
        Map<String, Long> n1 = column(out + "/tables/best_loss", "n1");
        Map<String, Long> n2 = column(out + "/tables/best_loss", "n2");
        for (String sweep : slope.keySet()) {
            found.put(sweep, List.of(slope.get(sweep), n1.get(sweep), n2.get(sweep)));
        }
        return found;
    }

    /** A table's column per sweep, read from Spark's part files; every row of a sweep must agree. */
    private static Map<String, Long> column(String table, String name) throws Exception {
        Map<String, Long> bySweep = new TreeMap<>();
        List<Path> parts;
        try (var files = Files.list(Path.of(table))) {
            parts = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList();
        }
        for (Path part : parts) {
            try (ParquetReader<Group> in = ParquetReader.builder(new GroupReadSupport(),
                    new org.apache.hadoop.fs.Path(part.toUri())).build()) {
                for (Group row = in.read(); row != null; row = in.read()) {
                    Long before = bySweep.put(row.getString("sweep", 0), row.getLong(name, 0));
                    assertTrue(before == null || before == row.getLong(name, 0), table + ": rows of one sweep disagree on " + name);
                }
            }
        }
        return bySweep;
    }
}
