package io.kadam.model.data;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds a dataset's files by name under the data directory: an explicit path (a spec's
 * data_dir), else the environment variable KADAM_DATA_DIR. Nothing is downloaded; a missing file
 * is an error that lists every place looked in and how to fix it.
 */
public final class DatasetResolver {

    public static final String ENV_VAR = "KADAM_DATA_DIR";
    /** Where Debian's dataset-fashion-mnist package installs the gzipped IDX files. */
    public static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");
    public static final List<String> NAMES = List.of("tinyshakespeare", "fashion-mnist", "mnist", "cifar10", "c4");

    private static final String FIX = "set " + ENV_VAR + " or data_dir in the spec";

    private final Path dataDir; // null when neither an explicit directory nor the variable is set
    private final String dataDirOrigin;
    private final Path fashionMnistFallback;

    /** @param explicitDir a spec's data_dir, or null to use {@code env.get("KADAM_DATA_DIR")} */
    public DatasetResolver(Path explicitDir, Map<String, String> env) {
        this(explicitDir, env, DEBIAN_FASHION_MNIST);
    }

    /** For tests: a different stand-in for /usr/share/datasets/fashion-mnist. */
    DatasetResolver(Path explicitDir, Map<String, String> env, Path fashionMnistFallback) {
        String fromEnv = env.get(ENV_VAR);
        if (explicitDir != null) {
            this.dataDir = explicitDir.toAbsolutePath();
            this.dataDirOrigin = "data_dir";
        } else if (fromEnv != null && !fromEnv.isBlank()) {
            this.dataDir = Path.of(fromEnv).toAbsolutePath();
            this.dataDirOrigin = ENV_VAR;
        } else {
            this.dataDir = null;
            this.dataDirOrigin = null;
        }
        this.fashionMnistFallback = fashionMnistFallback;
    }

    /** The data directory from {@code explicitDir}, else from the process environment. */
    public static DatasetResolver fromEnvironment(Path explicitDir) {
        return new DatasetResolver(explicitDir, System.getenv());
    }

    public DatasetFiles resolve(String name) {
        return switch (name) {
            case "tinyshakespeare" -> tinyShakespeare();
            case "fashion-mnist" -> idx(name, "fashion-mnist", fashionMnistFallback);
            case "mnist" -> idx(name, "mnist", null);
            case "cifar10" -> cifar10();
            case "c4" -> c4();
            default -> textFile(name);
        };
    }

    private TextFile tinyShakespeare() {
        Path file = requireDataDir("tinyshakespeare", "tinyshakespeare/input.txt").resolve("tinyshakespeare/input.txt");
        if (!Files.isRegularFile(file)) {
            throw missing("tinyshakespeare", "input.txt", List.of(file.getParent()),
                    "put Karpathy's tinyshakespeare input.txt at " + file);
        }
        return new TextFile(file);
    }

    private IdxFiles idx(String dataset, String subdir, Path fallback) {
        List<Path> dirs = new ArrayList<>();
        if (dataDir != null) {
            dirs.add(dataDir.resolve(subdir));
        }
        if (fallback != null) {
            dirs.add(fallback);
        }
        if (dirs.isEmpty()) {
            requireDataDir(dataset, subdir + "/");
        }
        List<String> missingNames = new ArrayList<>();
        for (Path dir : dirs) {
            List<Path> found = new ArrayList<>();
            for (String base : IdxFiles.NAMES) {
                Path gz = dir.resolve(base + ".gz");
                Path plain = dir.resolve(base);
                if (Files.isRegularFile(gz)) {
                    found.add(gz);
                } else if (Files.isRegularFile(plain)) {
                    found.add(plain);
                } else if (!missingNames.contains(base + "[.gz]")) {
                    missingNames.add(base + "[.gz]");
                }
            }
            if (found.size() == 4) {
                return new IdxFiles(found.get(0), found.get(1), found.get(2), found.get(3));
            }
        }
        throw missing(dataset, String.join(", ", missingNames), dirs,
                "put the four IDX files (" + String.join(", ", IdxFiles.NAMES) + ", gzipped or not) in "
                        + (dataDir != null ? dataDir.resolve(subdir) : "<data dir>/" + subdir)
                        + (fallback != null ? " or install Debian's dataset-fashion-mnist package" : ""));
    }

    private CifarDir cifar10() {
        Path dir = requireDataDir("cifar10", "cifar-10-batches-bin/").resolve("cifar-10-batches-bin");
        List<String> missingNames = new ArrayList<>();
        List<String> expected = new ArrayList<>(Cifar10.TRAIN_FILES);
        expected.add(Cifar10.TEST_FILE);
        for (String name : expected) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                missingNames.add(name);
            }
        }
        if (!missingNames.isEmpty()) {
            throw missing("cifar10", String.join(", ", missingNames), List.of(dir),
                    "unpack the CIFAR-10 binary version (cifar-10-binary.tar.gz) so that " + dir + " exists");
        }
        return new CifarDir(dir);
    }

    private C4Shards c4() {
        Path dir = requireDataDir("c4", "c4/").resolve("c4");
        List<Path> train = shards(dir, "c4-train.*.json.gz");
        if (train.isEmpty()) {
            throw missing("c4", "c4-train.*.json.gz (no train shard)", List.of(dir),
                    "put allenai/c4 en shards (c4-train.00000-of-01024.json.gz, ..., optionally c4-validation.*.json.gz) in " + dir);
        }
        return new C4Shards(train, shards(dir, "c4-validation.*.json.gz"));
    }

    private static List<Path> shards(Path dir, String glob) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
            stream.forEach(found::add);
        } catch (IOException e) {
            throw new DataException("dataset 'c4': cannot list " + dir + " (" + e + ")", e);
        }
        found.sort(null); // zero-padded shard numbers: name order is shard order
        return found;
    }

    private TextFile textFile(String name) {
        List<Path> candidates = new ArrayList<>();
        try {
            candidates.add(Path.of(name).toAbsolutePath());
            if (dataDir != null && !Path.of(name).isAbsolute()) {
                candidates.add(dataDir.resolve(name));
            }
        } catch (InvalidPathException e) {
            // not a path either: reported as an unknown name below
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return new TextFile(candidate);
            }
        }
        throw new DataException("unknown dataset '" + name + "': expected one of " + String.join(", ", NAMES)
                + ", or the path of an existing text file (looked for " + candidates + ")");
    }

    private Path requireDataDir(String dataset, String layout) {
        if (dataDir == null) {
            throw new DataException("dataset '" + dataset + "' needs a data directory, but none is configured: "
                    + FIX + " to a directory containing " + layout);
        }
        return dataDir;
    }

    private DataException missing(String dataset, String what, List<Path> lookedIn, String howToGetIt) {
        StringBuilder places = new StringBuilder();
        for (Path dir : lookedIn) {
            places.append(places.length() == 0 ? "" : ", ").append(dir)
                    .append(Files.isDirectory(dir) ? "" : " (no such directory)");
        }
        String origin = dataDir == null ? "no data directory configured"
                : "data directory " + dataDir + " from " + dataDirOrigin;
        return new DataException("dataset '" + dataset + "': missing " + what + "; looked in " + places
                + " (" + origin + "). To fix: " + howToGetIt + ", or " + FIX + " to a directory that has it");
    }
}
