package io.kadam.jobs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CLI in a JVM of its own, launched as bin/kadam launches it: its JVM flags, its log4j2
 * configuration and environment, the test classpath (the build bin/kadam would run). For what
 * only a whole process shows: the console, and commands that start and stop their own Spark.
 */
final class CliProcess {

    record Result(int status, String console) {
    }

    private CliProcess() {}

    static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("user.dir")).getParent(); // surefire runs in jobs/
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String opens = System.getProperty("kadam.jvm.opens", "").trim();
        if (!opens.isEmpty()) {
            command.addAll(Arrays.asList(opens.split("\\s+")));
        }
        command.addAll(List.of("-Djava.awt.headless=true", "-Dai.djl.offline=true",
                "-Dlog4j2.configurationFile=" + root.resolve("conf/log4j2.properties"),
                "-cp", System.getProperty("java.class.path"), "io.kadam.jobs.cli.KadamCli"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(workDir.toFile());
        pb.environment().put("TORCH_CPP_LOG_LEVEL", "ERROR"); // as bin/kadam
        pb.environment().put("MKL_CBWR", "AUTO,STRICT");
        Process process = pb.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "kadam " + args[0] + " did not finish");
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
