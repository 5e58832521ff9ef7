package io.kadam.jobs.spec;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A small valid spec for tests to parse as it is or with one line changed. */
final class TestSpecs {

    /** Line numbers matter: the error tests name them. */
    static final String BASE = """
            name: tiny
            model:
              kind: gpt
              layers: 1
              heads: 2
              dim: 32
              context: 32
            data:
              dataset: generated
              tokenizer: byte
            training:
              steps: 100
              batch_size: 8
              schedule: {kind: constant, lr: 1.0e-3}
            grid:
              kind: normal-curve
              through: [0.999, 0.9]
              points: 3
              beta_range: [0.9516, 0.9660]
            """;

    /** BASE with a product grid (lines 16-20) instead of the curve, and lr swept there. */
    static final String PRODUCT = replace(BASE, """
              kind: normal-curve
              through: [0.999, 0.9]
              points: 3
              beta_range: [0.9516, 0.9660]
            """, """
              kind: product
              k: [1, 2]
              strategy: [inverse-exp, naive]
              lr: [1.0e-4, 1.0e-3]
              coupling: [coupled, decoupled]
            """).replace("schedule: {kind: constant, lr: 1.0e-3}", "schedule: {kind: constant}");

    static final String SOURCE = "test.yaml";

    private TestSpecs() {}

    static SweepSpec parse(String yaml) {
        return SpecParser.parse(yaml, SOURCE, DataCheck.NONE);
    }

    /** BASE with the first occurrence of {@code from} replaced. */
    static String base(String from, String to) {
        return replace(BASE, from, to);
    }

    static String replace(String yaml, String from, String to) {
        assertTrue(yaml.contains(from), "test spec has no '" + from + "'");
        int at = yaml.indexOf(from);
        return yaml.substring(0, at) + to + yaml.substring(at + from.length());
    }

    /** Parsing fails with a message that starts "test.yaml:LINE: KEYPATH" and contains every fragment. */
    static SpecException assertError(String yaml, int line, String keyPath, String... fragments) {
        SpecException e = assertThrows(SpecException.class, () -> parse(yaml));
        String prefix = SOURCE + ":" + line + ": " + (keyPath == null ? "" : keyPath + " ");
        assertTrue(e.getMessage().startsWith(prefix), "expected '" + prefix + "...', got: " + e.getMessage());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "expected '" + fragment + "' in: " + e.getMessage());
        }
        return e;
    }
}
