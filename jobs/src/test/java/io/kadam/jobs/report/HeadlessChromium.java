package io.kadam.jobs.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless Chromium, driven over the DevTools protocol on 127.0.0.1 (a WebSocket from the
 * JDK's HTTP client): opens a page and evaluates an expression in it, as a person's browser would
 * render it. {@link #find} says whether Chromium is installed (.ci/run installs it).
 */
final class HeadlessChromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on ws://127\\.0\\.0\\.1:(\\d+)/");

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HeadlessChromium(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The chromium executable, if installed. */
    static Optional<Path> find() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(Path.of(candidate));
            }
        }
        return Optional.empty();
    }

    static HeadlessChromium start(Path executable, Path profile) throws IOException {
        Process process = new ProcessBuilder(executable.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "about:blank").redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder said = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (String line; System.nanoTime() < deadline && (line = lines.readLine()) != null; ) {
            said.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> lines.lines().forEach(l -> { }), "chromium-output");
                drain.setDaemon(true);
                drain.start();
                return new HeadlessChromium(process, Integer.parseInt(m.group(1)));
            }
        }
        process.destroyForcibly();
        throw new IOException("chromium did not open its DevTools port:\n" + said);
    }

    /**
     * Opens {@code url} in a new tab and returns the value of {@code expression} there (a promise
     * is awaited; the value must be JSON-serializable).
     */
    JsonNode evaluate(String url, String expression) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/new?" + url))
                .PUT(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 200) {
            throw new IOException("DevTools refused a new tab for " + url + ": " + created.statusCode() + " " + created.body());
        }
        String socket = JSON.readTree(created.body()).path("webSocketDebuggerUrl").asText();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(socket), new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    try {
                        JsonNode message = JSON.readTree(text.toString());
                        if (message.path("id").asInt() == 1) {
                            answer.complete(message);
                        }
                    } catch (IOException e) {
                        answer.completeExceptionally(e);
                    }
                    text.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        ObjectNode call = JSON.createObjectNode().put("id", 1).put("method", "Runtime.evaluate");
        call.putObject("params").put("expression", expression).put("awaitPromise", true).put("returnByValue", true);
        ws.sendText(JSON.writeValueAsString(call), true).get(30, TimeUnit.SECONDS);
        JsonNode reply = answer.get(60, TimeUnit.SECONDS);
        ws.abort();
        if (reply.has("error") || reply.path("result").has("exceptionDetails")) {
            throw new IOException("evaluation failed in " + url + ": " + reply);
        }
        return reply.path("result").path("result").path("value");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
