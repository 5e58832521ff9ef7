package io.kadam.model.data;

import java.nio.file.Path;

/** A plain UTF-8 text file (e.g. tinyshakespeare/input.txt): load with {@link TextCorpus}. */
public record TextFile(Path file) implements DatasetFiles {
}
