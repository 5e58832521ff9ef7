package io.kadam.jobs.spec;


import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/** Reads a spec's {@code data:} section. */
final class DataSection {

    static final List<String> TEXT_SETS = List.of("tinyshakespeare", "c4", SpecParser.GENERATED);
    static final List<String> IMAGE_SETS = List.of("fashion-mnist", "mnist", "cifar10");
    static final List<String> TOKENIZERS = List.of("byte", "char", "gpt2");

    private static final List<String> TEXT_KEYS = List.of("dataset", "tokenizer", "test_fraction", "max_tokens", "data_dir");
    private static final List<String> IMAGE_KEYS = List.of("dataset", "data_dir");

    private DataSection() {}

    static DataSpec read(SpecMap data) {
        String dataset = data.string("dataset");
        boolean images = IMAGE_SETS.contains(dataset);
        // a name we do not know must look like a file, so that a typo ("fashion_mnist") is caught
        // even when the data check is off
        if (!images && !TEXT_SETS.contains(dataset) && !dataset.contains("/") && !dataset.contains(".")) {
            throw data.error("dataset", "must be one of " + String.join(", ", TEXT_SETS) + ", "
                    + String.join(", ", IMAGE_SETS) + ", or the path of a text file (with a '/' or a '.'), got '"
                    + dataset + "'");
        }
        data.allowOnly(images ? IMAGE_KEYS : TEXT_KEYS, images ? " for the image dataset " + dataset
                + " (tokenizer, test_fraction and max_tokens are for text; images have a fixed test set)" : " of data");
        String dataDir = data.string("data_dir", null);
        if (dataDir != null) {
            try {
                Path.of(dataDir);
            } catch (InvalidPathException e) {
                throw data.error("data_dir", "must be a directory path, got '" + dataDir + "' (" + e.getMessage() + ")");
            }
        }
        if (images) {
            return new DataSpec(dataset, null, 0, 0, dataDir);
        }
        if (!data.has("tokenizer")) {
            throw data.error("tokenizer", "is required for the text dataset " + dataset + ": one of "
                    + String.join(", ", TOKENIZERS));
        }
        String tokenizer = data.choice("tokenizer", TOKENIZERS, null);
        if (tokenizer.equals("char") && dataset.equals("c4")) {
            // a char vocabulary is the corpus's distinct chars: C4 is streamed, never held whole
            throw data.error("tokenizer", "char needs the whole corpus for its vocabulary, which C4 is too large for:"
                    + " use byte or gpt2");
        }
        double testFraction = data.number("test_fraction", 0.1, Range.OPEN_UNIT);
        long maxTokens = data.integer("max_tokens", 0, 0);
        // the loaders count tokens in an int; 2 train + 2 test tokens are the least they accept
        if (maxTokens != 0 && (maxTokens < 4 || maxTokens >= Integer.MAX_VALUE)) {
            throw data.error("max_tokens", "must be 0 (all) or an integer in [4, " + (Integer.MAX_VALUE - 1)
                    + "], got " + maxTokens);
        }
        return new DataSpec(dataset, tokenizer, testFraction, maxTokens, dataDir);
    }

    /** Training images per epoch, needed to turn epochs into steps before any data is read. */
    static int trainImages(String dataset) {
        return switch (dataset) {
            case "fashion-mnist", "mnist" -> 60_000;
            case "cifar10" -> 50_000;
            default -> throw new IllegalArgumentException("not an image dataset: " + dataset);
        };
    }
}
