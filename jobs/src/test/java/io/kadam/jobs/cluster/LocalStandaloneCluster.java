package io.kadam.jobs.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A real Spark standalone cluster on 127.0.0.1: a Master and Workers as separate JVMs started
 * from the Maven classpath (no Spark distribution), and sweeps submitted with SparkSubmit as a
 * third kind of JVM. Every process it starts is stopped by its own pid in {@link #close()}.
 * Recipe (platform-notes.md): a Worker launches executors only if SPARK_HOME holds an empty
 * jars/ directory and SPARK_SCALA_VERSION is set; executors get the classpath through
 * spark.executor.extraClassPath.
 */
final class LocalStandaloneCluster implements AutoCloseable {

    private final Path dir;
    private final String classpath;
    private final List<String> jvmOptions;
    private final List<Process> processes = new ArrayList<>();
    private final List<Process> workers = new ArrayList<>();
    private final int masterPort;
    private final Path appJar;

    LocalStandaloneCluster(Path dir, String classpath, List<String> jvmOptions, int workerCount) throws Exception {
        this.dir = dir;
        this.classpath = classpath;
        this.jvmOptions = jvmOptions;
        Files.createDirectories(dir.resolve("spark-home/jars"));
        appJar = dir.resolve("app.jar"); // SparkSubmit wants a primary resource; the classes come from the classpath
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(appJar), new Manifest())) {
            jar.flush();
        }
        masterPort = freePort();
        Process master = start("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(freePort())));
        waitFor(Duration.ofSeconds(60), () -> log("master").contains("I have been elected leader"), "the master to start", master);
        for (int i = 0; i < workerCount; i++) {
            String name = "worker" + i;
            Process worker = start(name, List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
                    "--memory", "2g", "--webui-port", Integer.toString(freePort()), "--work-dir", dir.resolve(name + "-work").toString(),
                    masterUrl()));
            waitFor(Duration.ofSeconds(60), () -> log(name).contains("Successfully registered with master"), name + " to register", worker);
            workers.add(worker);
        }
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** Starts {@code kadam run spec --out out} through SparkSubmit on this cluster. */
    Process submit(String name, Path spec, Path out, String... extraArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("org.apache.spark.deploy.SparkSubmit", "--master", masterUrl(),
                "--deploy-mode", "client", "--class", "io.kadam.jobs.cli.KadamCli",
                "--conf", "spark.executor.extraClassPath=" + classpath,
                "--conf", "spark.executor.extraJavaOptions=-Dai.djl.offline=true",
                "--conf", "spark.executorEnv.MKL_CBWR=AUTO,STRICT",
                "--conf", "spark.executorEnv.TORCH_CPP_LOG_LEVEL=ERROR",
                "--conf", "spark.executor.memory=1g", "--conf", "spark.cores.max=2",
                "--conf", "spark.ui.enabled=false", "--conf", "spark.ui.showConsoleProgress=false",
                appJar.toString(), "run", spec.toString(), "--out", out.toString()));
        args.addAll(List.of(extraArgs));
        return start(name, args);
    }

    /** The executor JVMs the workers run now: their child processes. */
    List<ProcessHandle> executors() {
        return workers.stream().flatMap(w -> w.toHandle().children()).filter(ProcessHandle::isAlive).toList();
    }

    String log(String name) {
        try {
            Path file = dir.resolve(name + ".log");
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private Process start(String name, List<String> mainAndArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-Xmx1g", "-cp", classpath));
        command.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", dir.resolve("spark-home").toString());
        env.put("SPARK_SCALA_VERSION", "2.12");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("MKL_CBWR", "AUTO,STRICT");
        env.put("TORCH_CPP_LOG_LEVEL", "ERROR");
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    static void waitFor(Duration limit, BooleanSupplier condition, String what, Process watched) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (watched != null && !watched.isAlive()) {
                throw new IllegalStateException("process died while waiting for " + what + " (exit " + watched.exitValue() + ")");
            }
            if (Instant.now().isAfter(end)) {
                throw new IllegalStateException("timed out after " + limit.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Kills every process this cluster started, and their children (the executors), by pid. */
    @Override
    public void close() {
        for (Process p : processes) {
            Optional.of(p.toHandle()).ifPresent(h -> {
                h.descendants().forEach(ProcessHandle::destroyForcibly);
                h.destroyForcibly();
            });
        }
        for (Process p : processes) {
            try {
                p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
