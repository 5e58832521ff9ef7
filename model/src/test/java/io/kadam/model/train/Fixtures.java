package io.kadam.model.train;

import io.kadam.model.SeededRandom;
import io.kadam.model.data.TokenSplit;
import io.kadam.model.nn.GptConfig;
import io.kadam.optimizer.KAdamConfig;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Small, real-format training inputs shared by the trainer tests. */
final class Fixtures {
    private Fixtures() {}

    /** Seeded pseudo-text from a 12-word vocabulary, as UTF-8 byte tokens: learnable structure. */
    static TokenSplit syntheticBytes(int words) {
        List<String> vocab = List.of("the", "cat", "sat", "on", "mat", "and", "a", "dog", "ran", "to", "big", "red");
        SeededRandom rng = new SeededRandom(99);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(vocab.get(rng.nextInt(vocab.size()))).append(i % 9 == 8 ? ".\n" : " ");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        int[] tokens = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            tokens[i] = bytes[i] & 0xff;
        }
        return TokenSplit.contiguous(tokens, 0.1, 256, "synthetic words", "byte");
    }

    /** The experiments.md CPU preset model, smaller context for speed. */
    static TrialConfig tinyGpt(long steps, KAdamConfig optimizer, double lr) {
        GptConfig model = new GptConfig(256, 16, 1, 2, 32, 0.0, false, false);
        return new TrialConfig(model, optimizer, ScheduleSpec.constant(lr), steps, 8, 50, 4, 7, 0);
    }

    /** tinyshakespeare from ../shared/data (or KADAM_DATA_DIR), when present. */
    static Optional<Path> tinyShakespeare() {
        String env = System.getenv("KADAM_DATA_DIR");
        String shared = System.getProperty("kadam.shared.dir", "../../shared");
        for (Path dir : new Path[]{env == null ? null : Path.of(env), Path.of(shared, "data")}) {
            if (dir != null && Files.isRegularFile(dir.resolve("tinyshakespeare/input.txt"))) {
                return Optional.of(dir.resolve("tinyshakespeare/input.txt"));
            }
        }
        return Optional.empty();
    }
}
