package io.kadam.jobs.spec;

/**
 * A sweep spec that cannot be run, found while parsing it, before any Spark job starts. The
 * message reads {@code file:line: key.path problem}, e.g.
 * {@code conf/fig3.yaml:14: grid.points must be an integer >= 1, got 'sixty'}, so that it can be
 * fixed from the message alone.
 */
public class SpecException extends RuntimeException {

    private final String source;
    private final int line;
    private final String keyPath;

    /**
     * @param source  the file name (or the name given to a parsed string)
     * @param line    1-based line, or 0 when the problem has no line (e.g. an unreadable file)
     * @param keyPath the dotted key path, e.g. "grid.beta_range[1]", or null when the problem is
     *                not about one key (malformed YAML)
     * @param problem what is wrong and what was expected
     */
    public SpecException(String source, int line, String keyPath, String problem) {
        this(source, line, keyPath, problem, null);
    }

    public SpecException(String source, int line, String keyPath, String problem, Throwable cause) {
        super(format(source, line, keyPath, problem), cause);
        this.source = source;
        this.line = line;
        this.keyPath = keyPath;
    }

    public String source() {
        return source;
    }

    /** 1-based line of the problem, 0 if it has none. */
    public int line() {
        return line;
    }

    /** The key path the problem is about, or null. */
    public String keyPath() {
        return keyPath;
    }

    private static String format(String source, int line, String keyPath, String problem) {
        String where = line > 0 ? source + ":" + line + ": " : source + ": ";
        return where + (keyPath == null || keyPath.isEmpty() ? "" : keyPath + " ") + problem;
    }
}
