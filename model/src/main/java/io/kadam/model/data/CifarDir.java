package io.kadam.model.data;

import java.nio.file.Path;

/** A cifar-10-batches-bin directory with all six batch files: load with {@link Cifar10}. */
public record CifarDir(Path dir) implements DatasetFiles {
}
