package io.kadam.jobs.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * PyTorch's figures, measured in the same run by {@code bench/torch_reference.py} with the Python
 * given by {@code --python} or {@code KADAM_TORCH_PYTHON}. A reference only: when it is not
 * available the benchmarks print their own figures and say the ratio is missing.
 */
final class TorchReference {

    private final Map<String, Double> millis = new HashMap<>();
    private final String status;

    private TorchReference(String status) {
        this.status = status;
    }

    static TorchReference measure(String python, Path script, String what, String... extra) {
        if (python == null || python.isBlank()) {
            return new TorchReference("no PyTorch reference: pass --python PATH or set KADAM_TORCH_PYTHON (pip install torch)");
        }
        if (!Files.isRegularFile(script)) {
            return new TorchReference("no PyTorch reference: " + script + " not found (run from the project root)");
        }
        try {
            var command = new java.util.ArrayList<String>(java.util.List.of(python, script.toString(), what));
            command.addAll(java.util.List.of(extra));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            TorchReference ref = new TorchReference("");
            StringBuilder text = new StringBuilder();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    text.append(line).append('\n');
                    String[] f = line.split("\\s+");
                    if (f.length >= 3 && f[0].equals("torch")) {
                        ref.millis.put(f[1], Double.parseDouble(f[2]));
                    }
                }
            }
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                return new TorchReference("PyTorch reference failed: " + text);
            }
            System.out.print(text.toString().replaceAll("(?m)^", "  "));
            return ref;
        } catch (Exception e) {
            return new TorchReference("PyTorch reference failed: " + e);
        }
    }

    /** The reference's ms for a measurement name, or NaN. */
    double ms(String name) {
        return millis.getOrDefault(name, Double.NaN);
    }

    /** Prints why there is no reference, if there is none; returns this. */
    TorchReference reportTo(java.io.PrintStream out) {
        if (!status.isEmpty()) {
            out.println("  (" + status + ")");
        }
        return this;
    }
}
