package io.kadam.jobs.spec;

import io.kadam.model.data.Gpt2Tokenizer;
import io.kadam.model.nn.CnnConfig;
import io.kadam.model.nn.GptConfig;
import io.kadam.model.nn.ModelSpec;
import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a spec's {@code model:} section into a {@link GptConfig} or {@link CnnConfig}. What the
 * data decides is filled in from it: a GPT's vocabulary from the tokenizer, a CNN's input shape
 * and classes from the image set.
 */
final class ModelSection {

    private static final List<String> GPT_KEYS = List.of("kind", "layers", "heads", "dim", "context", "dropout", "bias",
            "qk_norm", "vocab_size");
    private static final List<String> CNN_KEYS = List.of("kind", "stages", "hidden", "batch_norm");

    private ModelSection() {}

    static ModelSpec read(SpecMap model, DataSpec data, int datasetLine) {
        String kind = model.choice("kind", List.of("gpt", "cnn"), null);
        if (kind.equals("gpt") == data.isImages()) {
            throw model.error("kind", "is " + kind + ", but data.dataset (line " + datasetLine + ") is "
                    + data.dataset() + ", " + (data.isImages() ? "an image set: use kind: cnn" : "text: use kind: gpt"));
        }
        return kind.equals("gpt") ? gpt(model, data) : cnn(model, data);
    }

    private static GptConfig gpt(SpecMap model, DataSpec data) {
        model.allowOnly(GPT_KEYS, " of a gpt model");
        int layers = model.intValue("layers", 1);
        int heads = model.intValue("heads", 1);
        int dim = model.intValue("dim", 1);
        int context = model.intValue("context", 1);
        if (dim % heads != 0) {
            throw model.error("dim", "must be divisible by model.heads (" + heads + "), got " + dim);
        }
        double dropout = model.number("dropout", 0, Range.NON_NEGATIVE);
        if (dropout >= 1) {
            throw model.error("dropout", "must be in [0, 1), got " + dropout);
        }
        int tokens = switch (data.tokenizer()) {
            case "byte" -> 256;
            case "gpt2" -> Gpt2Tokenizer.VOCAB_SIZE;
            default -> 0; // char: the corpus's distinct chars, unknown until it is read
        };
        if (tokens == 0 && !model.has("vocab_size")) {
            throw model.error("vocab_size", "is required with data.tokenizer: char (the vocabulary is the corpus's"
                    + " distinct chars, e.g. 65 for tinyshakespeare)");
        }
        int vocab = model.intValue("vocab_size", tokens, Math.max(tokens, 1));
        return new GptConfig(vocab, context, layers, heads, dim, dropout, model.bool("bias", false),
                model.bool("qk_norm", false));
    }

    private static CnnConfig cnn(SpecMap model, DataSpec data) {
        model.allowOnly(CNN_KEYS, " of a cnn model");
        List<Integer> stages = new ArrayList<>();
        if (model.has("stages")) {
            List<Node> nodes = model.elements("stages");
            for (int i = 0; i < nodes.size(); i++) {
                stages.add(model.intValue(nodes.get(i), model.keyPath("stages") + "[" + i + "]", 1));
            }
        } else {
            stages.addAll(List.of(8, 16));
        }
        int hidden = model.intValue("hidden", 128, 1);
        boolean batchNorm = model.bool("batch_norm", false);
        boolean color = data.dataset().equals("cifar10");
        int side = color ? 32 : 28;
        try {
            return new CnnConfig(color ? 3 : 1, side, side, 10, stages, hidden, batchNorm);
        } catch (IllegalArgumentException e) {
            throw model.error("stages", "do not fit the " + side + "x" + side + " images of " + data.dataset() + ": "
                    + e.getMessage());
        }
    }
}
