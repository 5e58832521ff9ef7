package io.kadam.jobs.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments: positionals and {@code --name value} options, checked against the
 * options the command knows so that a typo is an error, not a silently ignored flag.
 */
record CliArgs(List<String> positionals, Map<String, String> options) {

    static CliArgs parse(String[] args, int from, Set<String> known) {
        return parse(args, from, known, Set.of());
    }

    /** As {@link #parse(String[], int, Set)}, with {@code flags}: options that take no value. */
    static CliArgs parse(String[] args, int from, Set<String> known, Set<String> flags) {
        List<String> positionals = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                positionals.add(a);
                continue;
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!known.contains(name) && !flags.contains(name)) {
                List<String> all = new ArrayList<>(known);
                all.addAll(flags);
                throw new UsageException("unknown option --" + name + " (known: " + all.stream().sorted().map(k -> "--" + k).toList() + ")");
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException("option --" + name + " takes no value");
                }
                value = "true";
            } else if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException("option --" + name + " needs a value");
                }
                value = args[++i];
            }
            options.put(name, value);
        }
        return new CliArgs(List.copyOf(positionals), Map.copyOf(options));
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    double number(String name, double fallback) {
        String v = options.get(name);
        return v == null ? fallback : parseNumber("--" + name, v);
    }

    long integer(String name, long fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be an integer, got '" + v + "'");
        }
    }

    /** A "beta,gamma" pair, e.g. --through 0.999,0.9. */
    double[] pair(String name) {
        String v = options.get(name);
        String[] parts = v.split(",");
        if (parts.length != 2) {
            throw new UsageException("--" + name + " must be BETA,GAMMA (e.g. 0.999,0.9), got '" + v + "'");
        }
        return new double[]{parseNumber("--" + name + " beta", parts[0]), parseNumber("--" + name + " gamma", parts[1])};
    }

    static double parseNumber(String field, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(field + " must be a number, got '" + text + "'");
        }
    }

    /** Bad command-line input: printed with the usage, exit status 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
