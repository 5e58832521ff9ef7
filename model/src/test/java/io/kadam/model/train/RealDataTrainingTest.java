package io.kadam.model.train;

import io.kadam.model.data.DatasetResolver;
import io.kadam.model.data.IdxFiles;
import io.kadam.model.data.IdxImages;
import io.kadam.model.data.ImageSet;
import io.kadam.model.data.ImageSplit;
import io.kadam.model.data.TextCorpus;
import io.kadam.model.data.TokenSplit;
import io.kadam.model.nn.CnnConfig;
import io.kadam.model.nn.GptConfig;
import io.kadam.optimizer.KAdamConfig;
import io.kadam.optimizer.LevelStrategy;
import io.kadam.optimizer.WeightDecay;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Training on the real data sets when this machine has them (skipped, not failed, otherwise). */
class RealDataTrainingTest {

    @Test
    void nanoGptLearnsTinyShakespeareBytes() {
        Path text = Fixtures.tinyShakespeare().orElse(null);
        assumeTrue(text != null, "tinyshakespeare not found (../shared/data or KADAM_DATA_DIR)");
        TokenSplit bytes = TextCorpus.load(text, "byte", 0.1);
        GptConfig model = new GptConfig(256, 32, 1, 2, 32, 0.0, false, false);
        TrialConfig config = new TrialConfig(model, KAdamConfig.of(LevelStrategy.INVERSE_EXP, 2)
                .withWeightDecay(0.01, WeightDecay.DECOUPLED), ScheduleSpec.warmupCosine(3e-3, 20, 300, 3e-4), 300, 16, 100, 8, 1, 0);
        RecordingSink sink = new RecordingSink();
        TrialOutcome outcome = TrialRunner.run(config, new TrialData.Text(bytes), TrialRunner.Options.cpu(1), sink);
        assertEquals(TrialStatus.COMPLETED, outcome.status(), outcome.reason());
        double first = sink.evals.get(0).testLoss();
        double last = sink.evals.get(sink.evals.size() - 1).testLoss();
        System.out.printf("tinyshakespeare bytes, 2-Adam: test loss %.3f (step 99) -> %.3f (step 299); ln 256 = 5.545%n", first, last);
        assertTrue(last < 3.0 && last < first, "test loss must fall: " + first + " -> " + last);
    }

    @Test
    void cnnLearnsFashionMnist() {
        Path debian = Path.of("/usr/share/datasets/fashion-mnist");
        assumeTrue(Files.isDirectory(debian), "Debian's dataset-fashion-mnist is not installed");
        IdxFiles files = (IdxFiles) new DatasetResolver(null, Map.of()).resolve("fashion-mnist");
        ImageSplit raw = IdxImages.load(files);
        var stats = raw.train().channelMeanStd();
        ImageSet train = raw.train().normalized(stats);
        ImageSet test = raw.test().normalized(stats);
        TrialConfig config = new TrialConfig(CnnConfig.fashionMnist(), KAdamConfig.adam(0.999, 0.9)
                .withWeightDecay(1e-4, WeightDecay.DECOUPLED), ScheduleSpec.constant(3e-3), 120, 128, 60, 16, 1, 0);
        RecordingSink sink = new RecordingSink();
        TrialOutcome outcome = TrialRunner.run(config, new TrialData.Images(train, test), TrialRunner.Options.cpu(1), sink);
        assertEquals(TrialStatus.COMPLETED, outcome.status(), outcome.reason());
        EvalMetrics last = sink.evals.get(sink.evals.size() - 1);
        System.out.printf("Fashion-MNIST CNN, 120 steps of 128: train loss %.3f -> %.3f, test loss %.3f, accuracy %.3f on %d images%n",
                sink.steps.get(0).loss(), outcome.finalLoss(), last.testLoss(), last.accuracy(), 16 * 128);
        assertTrue(sink.steps.get(0).loss() > 2.0, "starts near ln 10");
        assertTrue(last.accuracy() > 0.7, "accuracy " + last.accuracy());
    }
}
