package io.kadam.jobs.spec;

import java.io.Serializable;

/**
 * Where a trial's data comes from, as written in a spec's {@code data:} section.
 *
 * @param dataset      "tinyshakespeare", "fashion-mnist", "mnist", "cifar10", "c4", "generated"
 *                     (a seeded synthetic corpus: runs on a fresh clone), or a text file path
 * @param tokenizer    text only: "byte", "char" or "gpt2"
 * @param testFraction text only: the held-out tail of the corpus
 * @param maxTokens    text only: read at most this many tokens (C4 shards are large); 0 = all
 * @param dataDir      the data directory, or null to use {@code KADAM_DATA_DIR}
 */
public record DataSpec(String dataset, String tokenizer, double testFraction, long maxTokens, String dataDir)
        implements Serializable {

    /** Whether this is an image data set (the CNN) rather than text (nanoGPT). */
    public boolean isImages() {
        return dataset.equals("fashion-mnist") || dataset.equals("mnist") || dataset.equals("cifar10");
    }
}
