package io.kadam.model.data;

import java.nio.file.Path;
import java.util.List;

/** The four IDX files of MNIST or Fashion-MNIST, each gzipped or plain: load with {@link IdxImages}. */
public record IdxFiles(Path trainImages, Path trainLabels, Path testImages, Path testLabels) implements DatasetFiles {

    /** The standard names in record order, without the optional ".gz". */
    public static final List<String> NAMES = List.of(
            "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");
}
