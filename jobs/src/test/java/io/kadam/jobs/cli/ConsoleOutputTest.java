package io.kadam.jobs.cli;

import io.kadam.jobs.EmbeddedSparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a user sees from {@code kadam run}: launched as bin/kadam launches it (its JVM flags, its
 * log4j2 configuration, its environment), the console carries kadam's own lines and tables, none
 * of Spark's, DJL's or libtorch's warnings, and no Spark progress bar drawn into them.
 */
class ConsoleOutputTest {

    @Test
    void runPrintsOnlyKadamsOwnLines(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("console.yaml");
        Files.writeString(spec, EmbeddedSparkTest.tinyCurveSpec("console", 30, 15, 2));
        CliProcess.Result run = CliProcess.run(dir, "run", spec.toString(), "--out", dir.resolve("out").toString(), "--master", "local[2]");
        String console = run.console();
        assertEquals(0, run.status(), console);
        assertTrue(console.contains("kadam: [2/2] "), console);
        assertTrue(console.contains("kadam: sweep 'console' done in"), console);
        for (String noise : List.of(" WARN ", "AutoNonVariableTypeMode", "[Stage ", "CUDA")) {
            assertTrue(!console.contains(noise), "the console carries '" + noise + "':\n" + console);
        }
    }
}
