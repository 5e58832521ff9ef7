package io.kadam.jobs.spec;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One YAML mapping of a spec, read by hand from SnakeYAML's node tree: typed getters whose errors
 * name the file, the line and the key path. A key whose value is empty or {@code null} counts as
 * absent. Numbers are parsed here, not by SnakeYAML's YAML 1.1 rules, so that {@code 1e-3} is a
 * number and a quoted {@code "1e-3"} is a string (a wrong type), whatever the resolver thinks.
 */
final class SpecMap {

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");

    private final String source;
    private final String path;
    private final int line;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    /**
     * @param path the mapping's key path ("" at the top level)
     * @param line where the mapping's own key is, for errors about a key that is missing
     */
    SpecMap(String source, String path, int line, Node node) {
        this.source = source;
        this.path = path;
        this.line = line;
        if (!(node instanceof MappingNode mapping)) {
            String what = path.isEmpty() ? "the spec must be a mapping of keys" : "must be a mapping of keys";
            throw new SpecException(source, lineOf(node), path.isEmpty() ? null : path, what + ", got " + describe(node));
        }
        for (NodeTuple entry : mapping.getValue()) {
            Node key = entry.getKeyNode();
            if (!(key instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
                throw new SpecException(source, lineOf(key), pathOr("(key)"),
                        "keys must be plain names, got " + describe(key));
            }
            String name = scalar.getValue();
            // SnakeYAML finds duplicate keys only when it constructs Java objects, which we never do
            NodeTuple first = entries.putIfAbsent(name, entry);
            if (first != null) {
                throw new SpecException(source, lineOf(key), keyPath(name),
                        "is given twice (first on line " + lineOf(first.getKeyNode()) + ")");
            }
        }
    }

    /** A mapping that holds no keys, for an optional section the spec leaves out. */
    static SpecMap empty(String source, String path) {
        return new SpecMap(source, path, 1, new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK));
    }

    /** The keys, in the order written. */
    List<String> keys() {
        return List.copyOf(entries.keySet());
    }

    String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Rejects the first key not in {@code known}, listing the known ones. */
    void allowOnly(Collection<String> known, String what) {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw new SpecException(source, lineOf(e.getValue().getKeyNode()), keyPath(e.getKey()),
                        "is not a known key" + what + "; known keys: " + String.join(", ", known));
            }
        }
    }

    /** Whether the key is present with a non-null value. */
    boolean has(String key) {
        NodeTuple entry = entries.get(key);
        return entry != null && !isNull(entry.getValueNode());
    }

    /** The line of the key's value, or of this mapping when the key is absent. */
    int line(String key) {
        NodeTuple entry = entries.get(key);
        return entry == null ? line : lineOf(entry.getValueNode());
    }

    /** An error about {@code key}, at its value's line (this mapping's line when it is absent). */
    SpecException error(String key, String problem) {
        return new SpecException(source, line(key), keyPath(key), problem);
    }

    SpecException errorAt(Node node, String nodePath, String problem) {
        return new SpecException(source, lineOf(node), nodePath, problem);
    }

    Node node(String key) {
        if (!has(key)) {
            throw error(key, "is required" + (path.isEmpty() ? "" : " in " + path));
        }
        return entries.get(key).getValueNode();
    }

    SpecMap map(String key) {
        NodeTuple entry = entries.get(key);
        return new SpecMap(source, keyPath(key), lineOf(entry == null ? null : entry.getKeyNode()), node(key));
    }

    String string(String key) {
        return string(node(key), keyPath(key));
    }

    String string(String key, String fallback) {
        return has(key) ? string(key) : fallback;
    }

    String string(Node node, String nodePath) {
        if (!(node instanceof ScalarNode scalar) || isNull(node)) {
            throw errorAt(node, nodePath, "must be a single value, got " + describe(node));
        }
        return scalar.getValue();
    }

    /** One of {@code allowed}, or {@code fallback} when absent (null fallback: required). */
    String choice(String key, List<String> allowed, String fallback) {
        return fallback != null && !has(key) ? fallback : choice(node(key), keyPath(key), allowed);
    }

    String choice(Node node, String nodePath, List<String> allowed) {
        String value = string(node, nodePath);
        if (!allowed.contains(value)) {
            throw errorAt(node, nodePath, "must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
        }
        return value;
    }

    boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        Node node = node(key);
        String text = plainText(node);
        if (text == null || !(text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            throw errorAt(node, keyPath(key), "must be true or false, got " + describe(node));
        }
        return text.equalsIgnoreCase("true");
    }

    double number(String key, Range range) {
        return number(node(key), keyPath(key), range);
    }

    double number(String key, double fallback, Range range) {
        return has(key) ? number(key, range) : fallback;
    }

    long integer(String key, long min) {
        return integer(node(key), keyPath(key), min, Long.MAX_VALUE);
    }

    long integer(String key, long fallback, long min) {
        return has(key) ? integer(key, min) : fallback;
    }

    int intValue(String key, int min) {
        return (int) integer(node(key), keyPath(key), min, Integer.MAX_VALUE);
    }

    int intValue(String key, int fallback, int min) {
        return has(key) ? intValue(key, min) : fallback;
    }

    int intValue(Node node, String nodePath, int min) {
        return (int) integer(node, nodePath, min, Integer.MAX_VALUE);
    }

    /** The value's elements: a sequence, or a single value read as a list of one. */
    List<Node> elements(String key) {
        Node node = node(key);
        if (node instanceof SequenceNode sequence) {
            if (sequence.getValue().isEmpty()) {
                throw errorAt(node, keyPath(key), "must list at least one value, got []");
            }
            return sequence.getValue();
        }
        return List.of(node);
    }

    /** A sequence of exactly {@code size} numbers, e.g. a (β, γ) pair. */
    double[] tuple(Node node, String nodePath, int size, Range range, String what) {
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().size() != size) {
            throw errorAt(node, nodePath, "must be " + what + ", got " + describe(node));
        }
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = number(sequence.getValue().get(i), nodePath + "[" + i + "]", range);
        }
        return values;
    }

    double number(Node node, String nodePath, Range range) {
        String text = plainText(node);
        String digits = text == null ? null : text.replace("_", "");
        double value = digits != null && DECIMAL.matcher(digits).matches() ? Double.parseDouble(digits) : Double.NaN;
        if (!Double.isFinite(value) || !range.ok.test(value)) {
            throw errorAt(node, nodePath, "must be " + range.expected + ", got " + describe(node));
        }
        return value;
    }

    long integer(Node node, String nodePath, long min, long max) {
        String text = plainText(node);
        String digits = text == null ? null : text.replace("_", "");
        Long value = null;
        if (digits != null && INTEGER.matcher(digits).matches()) {
            try {
                value = Long.parseLong(digits);
            } catch (NumberFormatException tooLarge) {
                // reported below
            }
        }
        if (value == null || value < min || value > max) {
            // the upper limit only matters to those who pass it (an int count of billions)
            String range = value != null && value > max ? "in [" + min + ", " + max + "]" : ">= " + min;
            throw errorAt(node, nodePath, "must be an integer " + range + ", got " + describe(node));
        }
        return value;
    }

    /** The text of an unquoted scalar, or null for anything else (a quoted string, a list, ...). */
    private static String plainText(Node node) {
        return node instanceof ScalarNode scalar && scalar.isPlain() ? scalar.getValue() : null;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    private String pathOr(String fallback) {
        return path.isEmpty() ? fallback : path;
    }

    static int lineOf(Node node) {
        return node == null || node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }

    /** How a value reads in an error: 'sixty', the string "1e-3", a list, a mapping. */
    static String describe(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.isPlain() ? "'" + scalar.getValue() + "'" : "the quoted string \"" + scalar.getValue() + "\"";
        }
        if (node instanceof SequenceNode sequence) {
            List<String> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(item instanceof ScalarNode s ? s.getValue() : "...");
            }
            return "a list [" + String.join(", ", items) + "]";
        }
        return node instanceof MappingNode ? "a mapping" : "nothing";
    }
}
