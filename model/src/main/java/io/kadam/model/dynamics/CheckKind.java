package io.kadam.model.dynamics;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The continuous-time checks a sweep can run instead of plain training, by their spec names. */
public enum CheckKind {
    /** Fig. 1: the Euler solution of Eq. 4 replayed on a run's gradients against the run ({@link ReplayCheck}). */
    REPLAY("Fig. 1"),
    /** Fig. 5, Theorem 2: ‖W‖² of each qk-normed query/key head matrix against Eq. 8 ({@link NormCheck}). */
    NORM("Fig. 5"),
    /** Fig. 8, Assumption 1: ⟨W(t_N), g(t_n)⟩ with and without qk-norm ({@link InnerProductCheck}). */
    INNER_PRODUCT("Fig. 8"),
    /** Fig. 9, Assumption 2: training with the true v and with the coarse-grained ṽ ({@link CoarseGrainingCheck}). */
    COARSE_GRAINING("Fig. 9");

    private final String figure;

    CheckKind(String figure) {
        this.figure = figure;
    }

    /** The paper's figure this check reproduces, e.g. "Fig. 1". */
    public String figure() {
        return figure;
    }

    /** The spec and table name: {@code replay}, {@code norm}, {@code inner-product}, {@code coarse-graining}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(CheckKind::label).toList();
    }

    public static CheckKind parse(String label) {
        for (CheckKind kind : values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown check '" + label + "'; known: " + String.join(", ", labels()));
    }

    /**
     * Whether the check records every query/key head-matrix entry at every iteration (Figs. 5, 8
     * and 9 need whole matrices; Fig. 1 only its sampled coordinates).
     */
    public boolean recordsHeadMatrices() {
        return this != REPLAY;
    }

    /** Whether the check is about qk-normed matrices, so that the spec's model must have qk-norm on. */
    public boolean needsQkNorm() {
        return this != REPLAY;
    }
}
