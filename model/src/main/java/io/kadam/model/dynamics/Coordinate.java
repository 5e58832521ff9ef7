package io.kadam.model.dynamics;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import io.kadam.model.SeededRandom;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One scalar parameter: entry {@code index} of the row-major weight {@code parameter}.
 */
public record Coordinate(String parameter, int index) {

    /**
     * {@code count} distinct coordinates drawn uniformly from the entries of the named parameters
     * (their concatenation, in the order given), from {@code rng}; sorted by parameter then index.
     */
    public static List<Coordinate> sample(PairList<String, Parameter> parameters, List<String> names, int count, SeededRandom rng) {
        long[] sizes = new long[names.size()];
        long total = 0;
        for (int p = 0; p < names.size(); p++) {
            Parameter parameter = parameters.get(names.get(p));
            if (parameter == null) {
                throw new IllegalArgumentException("no parameter '" + names.get(p) + "'; the model has " + parameters.keys());
            }
            sizes[p] = parameter.getArray().size();
            total += sizes[p];
        }
        if (count < 1 || count > total) {
            throw new IllegalArgumentException("count must be in [1, " + total + "] (the entries of " + names + "), got " + count);
        }
        Set<Long> drawn = new LinkedHashSet<>();
        while (drawn.size() < count) {
            drawn.add((long) (rng.nextDouble() * total));
        }
        List<Coordinate> out = new ArrayList<>();
        for (long flat : drawn) {
            int p = 0;
            while (flat >= sizes[p]) {
                flat -= sizes[p++];
            }
            out.add(new Coordinate(names.get(p), (int) flat));
        }
        out.sort((a, b) -> a.parameter.equals(b.parameter) ? Integer.compare(a.index, b.index)
                : Integer.compare(names.indexOf(a.parameter), names.indexOf(b.parameter)));
        return List.copyOf(out);
    }

    /** The 2-D weights of the transformer blocks (attention q, k, v, proj and the MLP), by key. */
    public static List<String> blockWeights(PairList<String, Parameter> parameters) {
        List<String> out = new ArrayList<>();
        for (Pair<String, Parameter> p : parameters) {
            if (shortName(p.getKey()).matches("h\\d+_(attn_(q|k|v|proj)|mlp_(fc|proj))_weight")) {
                out.add(p.getKey());
            }
        }
        return out;
    }

    /**
     * A parameter key without DJL's two-digit child numbers: {@code 01h0_02attn_01q_weight} →
     * {@code h0_attn_q_weight}.
     */
    public static String shortName(String key) {
        return key.replaceAll("(^|_)\\d{2}(?=[a-z])", "$1");
    }

    /** e.g. "h0_attn_q_weight[517]". */
    public String label() {
        return shortName(parameter) + "[" + index + "]";
    }
}
