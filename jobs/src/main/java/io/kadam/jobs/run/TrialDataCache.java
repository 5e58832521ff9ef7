package io.kadam.jobs.run;

import io.kadam.jobs.spec.DataSpec;
import io.kadam.model.data.C4Corpus;
import io.kadam.model.data.C4Shards;
import io.kadam.model.data.Cifar10;
import io.kadam.model.data.CifarDir;
import io.kadam.model.data.DatasetFiles;
import io.kadam.model.data.DatasetResolver;
import io.kadam.model.data.GeneratedText;
import io.kadam.model.data.IdxFiles;
import io.kadam.model.data.IdxImages;
import io.kadam.model.data.ImageSplit;
import io.kadam.model.data.TextCorpus;
import io.kadam.model.data.TextFile;
import io.kadam.model.data.Tokenizer;
import io.kadam.model.train.TrialData;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads a trial's data once per JVM: an executor runs many trials of a sweep, usually on the
 * same corpus (CIFAR-10's train set alone is 600 MB of floats), and the loaded data is immutable,
 * so concurrent trials share it.
 */
public final class TrialDataCache {

    /** The quickstart corpus: the seed and size are fixed, so every run trains on the same text. */
    public static final long GENERATED_SEED = 1;
    public static final int GENERATED_CHARS = 1_000_000;

    private static final Map<DataSpec, TrialData> LOADED = new ConcurrentHashMap<>();

    private TrialDataCache() {}

    public static TrialData get(DataSpec spec) {
        return LOADED.computeIfAbsent(spec, TrialDataCache::load);
    }

    /** Reads and prepares the data (no caching): text tokenized and split, images normalized. */
    static TrialData load(DataSpec spec) {
        // max_tokens keeps the first tokens of every text source (it is in the trial id, so it must change the data)
        int maxTokens = spec.maxTokens() <= 0 ? C4Corpus.NO_LIMIT : (int) Math.min(Integer.MAX_VALUE, spec.maxTokens());
        if (spec.dataset().equals("generated")) {
            return new TrialData.Text(GeneratedText.tokens(GENERATED_SEED, GENERATED_CHARS, spec.tokenizer(), spec.testFraction(),
                    maxTokens));
        }
        DatasetResolver resolver = DatasetResolver.fromEnvironment(spec.dataDir() == null ? null : Path.of(spec.dataDir()));
        DatasetFiles files = resolver.resolve(spec.dataset());
        if (files instanceof TextFile text) {
            return new TrialData.Text(TextCorpus.load(text.file(), spec.tokenizer(), spec.testFraction(), maxTokens));
        } else if (files instanceof C4Shards c4) {
            return new TrialData.Text(C4Corpus.load(c4, Tokenizer.named(spec.tokenizer(), ""), maxTokens, spec.testFraction()));
        } else if (files instanceof IdxFiles idx) {
            return normalized(IdxImages.load(idx));
        } else {
            return normalized(Cifar10.load(((CifarDir) files).dir()));
        }
    }

    /** Both splits normalized per channel with the train set's mean and std. */
    private static TrialData normalized(ImageSplit raw) {
        var stats = raw.train().channelMeanStd();
        return new TrialData.Images(raw.train().normalized(stats), raw.test().normalized(stats));
    }
}
