package io.kadam.model.data;

import java.nio.file.Path;
import java.util.List;

/**
 * C4 JSON-lines shards in read order: train (c4-train.*.json.gz, at least one) and validation
 * (c4-validation.*.json.gz, may be empty). Load with {@link C4Corpus}.
 */
public record C4Shards(List<Path> train, List<Path> validation) implements DatasetFiles {

    public C4Shards {
        if (train.isEmpty()) {
            throw new DataException("C4: at least one train shard is needed");
        }
        train = List.copyOf(train);
        validation = List.copyOf(validation);
    }
}
