package io.kadam.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks against the real datasets, skipped where they are not present. */
class RealDataTest {

    private static Path tinyShakespeareFile() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(System.getProperty("kadam.shared.dir", "../../shared"), "data/tinyshakespeare/input.txt"));
        String env = System.getenv(DatasetResolver.ENV_VAR);
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env, "tinyshakespeare/input.txt"));
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElse(null);
    }

    @Test
    void tinyShakespeare() {
        Path file = tinyShakespeareFile();
        assumeTrue(file != null, "tinyshakespeare/input.txt not present");

        TokenSplit bytes = TextCorpus.load(file, "byte", 0.1);
        assertEquals(1_115_394, bytes.train().length + bytes.test().length);
        assertEquals(1_003_854, bytes.train().length);
        System.out.println(bytes.description());

        TokenSplit chars = TextCorpus.load(file, "char", 0.1);
        assertEquals(65, chars.vocabSize());
        System.out.println(chars.description());

        long start = System.nanoTime();
        TokenSplit gpt2 = TextCorpus.load(file, "gpt2", 0.1);
        int total = gpt2.train().length + gpt2.test().length;
        System.out.printf("%s (%d tokens, %.1f s)%n", gpt2.description(), total, (System.nanoTime() - start) / 1e9);
        assertTrue(total > 330_000 && total < 345_000, "gpt2 tokens: " + total);
    }

    @Test
    void fashionMnistFromDebianPackage() {
        assumeTrue(Files.isDirectory(DatasetResolver.DEBIAN_FASHION_MNIST), "Debian's dataset-fashion-mnist not installed");
        IdxFiles files = (IdxFiles) new DatasetResolver(null, Map.of()).resolve("fashion-mnist");
        ImageSplit split = IdxImages.load(files);
        ImageSet train = split.train();
        assertEquals(60_000, train.count());
        assertEquals(10_000, split.test().count());
        assertEquals(1, train.channels());
        assertEquals(28, train.height());
        assertEquals(28, train.width());
        assertEquals(10, train.classes());
        ChannelStats stats = train.channelMeanStd();
        System.out.printf("fashion-mnist train mean %.6f std %.6f%n", stats.mean()[0], stats.std()[0]);
        assertEquals(0.286, stats.mean()[0], 0.002);
        assertEquals(0.353, stats.std()[0], 0.002);
        ImageSet normalized = split.test().normalized(stats);
        assertEquals(split.test().labels()[0], normalized.labels()[0]);
    }
}
