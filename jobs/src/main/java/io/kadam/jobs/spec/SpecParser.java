package io.kadam.jobs.spec;

import io.kadam.model.data.DataException;
import io.kadam.model.dynamics.CheckSpec;
import io.kadam.model.nn.ModelSpec;
import io.kadam.optimizer.AdaptiveNormalization;
import io.kadam.optimizer.KAdamConfig;
import io.kadam.optimizer.WeightDecay;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads and checks a sweep spec (format: {@link SweepSpec}). Everything is validated here, before
 * any Spark job: the first problem found is thrown as a {@link SpecException} that names the file,
 * the line and the key path. The YAML is walked node by node, with no reflection-based binding, so
 * that unknown keys, wrong types and duplicate keys are all errors.
 */
public final class SpecParser {

    /** The seeded synthetic text corpus, which needs no data files. */
    public static final String GENERATED = "generated";

    static final List<String> COUPLINGS = List.of("coupled", "decoupled");
    private static final List<String> KEYS = List.of("name", "description", "model", "data", "training", "optimizer", "grid", "check",
            "analysis");
    private static final List<String> OPTIMIZER_KEYS = List.of("beta", "gamma", "eps", "weight_decay", "coupling");
    // the name becomes a Parquet partition value and a directory name
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]+");

    private SpecParser() {}

    /** Parses a spec file, checking its data files in this process's environment. */
    public static SweepSpec parse(Path file) {
        return parse(file, DataCheck.fromEnvironment());
    }

    public static SweepSpec parse(Path file, DataCheck check) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new SpecException(file.toString(), 0, null, "cannot read the spec: " + e, e);
        }
        return parse(text, file.toString(), check);
    }

    /** Parses spec text; {@code sourceName} names it in errors (e.g. the file it came from). */
    public static SweepSpec parse(String yaml, String sourceName) {
        return parse(yaml, sourceName, DataCheck.fromEnvironment());
    }

    public static SweepSpec parse(String yaml, String sourceName, DataCheck check) {
        Node root = compose(yaml, sourceName);
        if (root == null) {
            throw new SpecException(sourceName, 1, null, "the spec is empty: expected a mapping with the keys "
                    + String.join(", ", KEYS));
        }
        SpecMap spec = new SpecMap(sourceName, "", 1, root);
        spec.allowOnly(KEYS, " at the top level");
        String name = spec.string("name");
        if (!NAME.matcher(name).matches()) {
            throw spec.error("name", "must be lower-case letters, digits, '_' and '-' ([a-z0-9_-]+; it becomes a"
                    + " Parquet partition value), got '" + name + "'");
        }
        String description = spec.string("description", "");

        SpecMap dataMap = spec.map("data");
        DataSpec data = DataSection.read(dataMap);
        ModelSpec model = ModelSection.read(spec.map("model"), data, dataMap.line("dataset"));
        SpecMap gridMap = spec.map("grid");
        String kind = gridMap.choice("kind", GridSection.KINDS, null);
        SpecMap trainingMap = spec.map("training");
        Training training = TrainingSection.read(trainingMap, data, kind.equals("product") && gridMap.has("lr"));
        SpecMap optimizerMap = spec.has("optimizer") ? spec.map("optimizer") : SpecMap.empty(sourceName, "optimizer");
        KAdamConfig optimizer = optimizer(optimizerMap);
        Grid grid = GridSection.read(gridMap, kind, optimizerMap, optimizer, training);
        List<Long> seeds = seeds(gridMap, trainingMap, training.seed());
        CheckSpec checkSpec = spec.has("check") ? CheckSection.read(spec.map("check"), model, spec.map("model"), optimizer,
                optimizerMap, grid, gridMap, training, trainingMap) : null;

        Analysis analysis = AnalysisSection.read(spec.has("analysis") ? spec.map("analysis") : null, training);

        try {
            check.require(data);
        } catch (DataException e) {
            throw dataMap.error("dataset", "'" + data.dataset() + "' is not available: " + e.getMessage());
        }
        return new SweepSpec(name, description, model, data, training, optimizer, grid, seeds, checkSpec, analysis);
    }

    /** Level 1 at (beta, gamma), with λ, coupling and ε: what every trial starts from. */
    private static KAdamConfig optimizer(SpecMap map) {
        map.allowOnly(OPTIMIZER_KEYS, " of optimizer");
        double beta = map.number("beta", 0.999, Range.OPEN_UNIT);
        double gamma = map.number("gamma", 0.9, Range.OPEN_UNIT);
        double weightDecay = map.number("weight_decay", 0, Range.NON_NEGATIVE);
        WeightDecay coupling = WeightDecay.valueOf(map.choice("coupling", COUPLINGS, "coupled").toUpperCase(Locale.ROOT));
        double eps = map.number("eps", KAdamConfig.DEFAULT_EPS, Range.NON_NEGATIVE);
        // ε is stored in float32 next to √v: below float32's smallest value it would silently become 0
        if (eps > 1 || (eps > 0 && (float) eps == 0f)) {
            throw map.error("eps", "must be 0 or in [1.4e-45, 1] (it is stored in float32), got '" + map.string("eps") + "'");
        }
        return new KAdamConfig(List.of(new AdaptiveNormalization(beta, gamma)), weightDecay, coupling, eps);
    }

    /** grid.seeds, else training.seed alone; never both, so that the seed is given in one place. */
    private static List<Long> seeds(SpecMap grid, SpecMap training, long seed) {
        if (!grid.has("seeds")) {
            return List.of(seed);
        }
        if (training.has("seed")) {
            throw grid.error("seeds", "and training.seed (line " + training.line("seed") + ") are both given: give"
                    + " the seeds in one place");
        }
        List<Node> nodes = grid.elements("seeds");
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            long s = grid.integer(nodes.get(i), grid.keyPath("seeds") + "[" + i + "]", 0, Long.MAX_VALUE);
            if (seeds.contains(s)) {
                throw grid.errorAt(nodes.get(i), grid.keyPath("seeds") + "[" + i + "]", "repeats seed " + s
                        + "; each seed must be distinct");
            }
            seeds.add(s);
        }
        return seeds;
    }

    /** The YAML's node tree, or null for an empty document; SnakeYAML's errors carry their line. */
    private static Node compose(String yaml, String sourceName) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false); // SpecMap also checks: compose alone never constructs a map
        try {
            return new Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            throw new SpecException(sourceName, mark == null ? 0 : mark.getLine() + 1, null,
                    "malformed YAML: " + e.getProblem() + context, e);
        } catch (YAMLException e) {
            throw new SpecException(sourceName, 0, null, "malformed YAML: " + e.getMessage(), e);
        }
    }
}
