package io.kadam.jobs.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a user sees from {@code kadam run}: launched as bin/kadam launches it (its JVM flags, its
 * log4j2 configuration, its environment), the console carries kadam's own lines and tables, none
 * of Spark's, DJL's or libtorch's warnings, and no Spark progress bar drawn into them.
 */
class ConsoleOutputTest {

    private static final String SPEC = """
            name: console
            model: {kind: gpt, layers: 1, heads: 2, dim: 16, context: 16}
            data: {dataset: generated, tokenizer: byte}
            training:
              steps: 30
              batch_size: 4
              eval_interval: 15
              eval_batches: 2
              schedule: {kind: constant, lr: 1.0e-3}
            grid:
              kind: normal-curve
              through: [0.999, 0.9]
              points: 2
              beta_range: [0.9530, 0.9640]
            """;

    @Test
    void runPrintsOnlyKadamsOwnLines(@TempDir Path dir) throws Exception {
        Path root = Path.of(System.getProperty("user.dir")).getParent(); // surefire runs in jobs/
        Path spec = dir.resolve("console.yaml");
        Files.writeString(spec, SPEC);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String opens = System.getProperty("kadam.jvm.opens", "").trim();
        if (!opens.isEmpty()) {
            command.addAll(Arrays.asList(opens.split("\\s+")));
        }
        command.addAll(List.of("-Djava.awt.headless=true", "-Dai.djl.offline=true",
                "-Dlog4j2.configurationFile=" + root.resolve("conf/log4j2.properties"),
                "-cp", System.getProperty("java.class.path"), "io.kadam.jobs.cli.KadamCli",
                "run", spec.toString(), "--out", dir.resolve("out").toString(), "--master", "local[2]"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile());
        pb.environment().put("TORCH_CPP_LOG_LEVEL", "ERROR"); // as bin/kadam
        pb.environment().put("MKL_CBWR", "AUTO,STRICT");
        Process process = pb.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "kadam run did not finish");
        String console = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), console);
        assertTrue(console.contains("kadam: [2/2] "), console);
        assertTrue(console.contains("kadam: sweep 'console' done in"), console);
        for (String noise : List.of(" WARN ", "AutoNonVariableTypeMode", "[Stage ", "CUDA")) {
            assertTrue(!console.contains(noise), "the console carries '" + noise + "':\n" + console);
        }
    }
}
