package io.kadam.model.dynamics;

import io.kadam.model.data.GeneratedText;
import io.kadam.model.data.TextCorpus;
import io.kadam.model.data.TokenSplit;

import java.nio.file.Files;
import java.nio.file.Path;

/** The byte-level text the runners' {@code main}s train on: tinyshakespeare when present, else generated text. */
public final class DynamicsData {

    private DynamicsData() {}

    /**
     * {@code args[index]} if given, else tinyshakespeare from {@code KADAM_DATA_DIR} or
     * {@code ../shared/data} (from the repository root) or {@code ../../shared/data} (from a
     * module), else 1 M characters of {@link GeneratedText} (seed 1).
     */
    public static TokenSplit bytes(String[] args, int index) {
        if (args.length > index) {
            return TextCorpus.load(Path.of(args[index]), "byte", TextCorpus.DEFAULT_TEST_FRACTION);
        }
        String env = System.getenv("KADAM_DATA_DIR");
        for (String dir : new String[]{env, "../shared/data", "../../shared/data"}) {
            if (dir != null && Files.isRegularFile(Path.of(dir, "tinyshakespeare/input.txt"))) {
                return TextCorpus.load(Path.of(dir, "tinyshakespeare/input.txt"), "byte", TextCorpus.DEFAULT_TEST_FRACTION);
            }
        }
        return GeneratedText.tokens(1, 1_000_000, "byte", TextCorpus.DEFAULT_TEST_FRACTION);
    }
}
