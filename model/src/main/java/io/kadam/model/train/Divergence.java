package io.kadam.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where a diverged step went non-finite: which stage of the step first produced a non-finite
 * value, and the first non-finite weight after the update (block order), which is where the
 * gradient or the update was non-finite: a NaN or ±∞ in g or u leaves θ − η u non-finite at the
 * same coordinate. Computed only when a step diverged, so its cost (one host copy of the
 * weights) never touches a healthy run.
 *
 * @param step        the step's index n
 * @param stage       the first stage of the step whose value was not finite
 * @param level       for {@link Stage#UPDATE}: the first level (1..k) whose max-update was not finite,
 *                    0 when every level was finite (the weight decay term was not)
 * @param parameter   the first parameter holding a non-finite weight after the update, or null if none
 * @param coordinate  its index in the parameter (one per dimension), or empty
 * @param value       the non-finite value found there (NaN when there is none)
 * @param nonFinite   non-finite weights in all parameters
 * @param parameters  parameters holding at least one
 */
public record Divergence(long step, Stage stage, int level, String parameter, long[] coordinate, float value,
                         long nonFinite, int parameters) {

    /** The parts of a step, in the order they run. */
    public enum Stage {
        LOSS("loss", "the forward pass"),
        GRADIENT("gradient", "backward"),
        UPDATE("update", "k-Adam's update");

        private final String label;
        private final String where;

        Stage(String label, String where) {
            this.label = label;
            this.where = where;
        }

        public String label() {
            return label;
        }
    }

    public Divergence {
        coordinate = coordinate.clone();
    }

    @Override
    public long[] coordinate() {
        return coordinate.clone();
    }

    /** Whether the step's metrics show a non-finite loss or max-update (the trial then ends diverged). */
    static boolean diverged(StepMetrics m) {
        return !Double.isFinite(m.loss()) || !Double.isFinite(m.maxUpdate());
    }

    /** Locates the divergence of step {@code m} in the weights as they are after its update. */
    static Divergence locate(StepMetrics m, PairList<String, Parameter> weights) {
        Stage stage;
        int level = 0;
        if (!Double.isFinite(m.loss())) {
            stage = Stage.LOSS;
        } else if (!Double.isFinite(m.gradNorm())) {
            stage = Stage.GRADIENT;
        } else {
            stage = Stage.UPDATE;
            double[] levels = m.levelMaxUpdates();
            for (int i = 0; i < levels.length && level == 0; i++) {
                if (!Double.isFinite(levels[i])) {
                    level = i + 1;
                }
            }
        }
        String first = null;
        long[] coordinate = new long[0];
        float value = Float.NaN;
        long count = 0;
        int affected = 0;
        for (Pair<String, Parameter> p : weights) {
            NDArray array = p.getValue().getArray();
            float[] values = array.toFloatArray();
            long here = 0;
            for (int i = 0; i < values.length; i++) {
                if (!Float.isFinite(values[i])) {
                    if (first == null) {
                        first = p.getKey();
                        coordinate = unravel(i, array.getShape());
                        value = values[i];
                    }
                    here++;
                }
            }
            count += here;
            affected += here > 0 ? 1 : 0;
        }
        return new Divergence(m.step(), stage, level, first, coordinate, value, count, affected);
    }

    /** Row-major flat index → one index per dimension. */
    static long[] unravel(long flat, Shape shape) {
        long[] index = new long[shape.dimension()];
        for (int d = index.length - 1; d >= 0; d--) {
            long size = shape.get(d);
            index[d] = flat % size;
            flat /= size;
        }
        return index;
    }

    /** One line for the trial's reason, e.g. "non-finite gradient at step 22 (backward): ...". */
    public String reason() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "non-finite %s at step %d (%s", stage.label, step, stage.where));
        if (stage == Stage.UPDATE) {
            s.append(level > 0 ? ", level " + level : ", weight decay term");
        }
        s.append("); ");
        if (parameter == null) {
            s.append("all weights still finite after the update");
        } else {
            s.append(String.format(Locale.ROOT, "first non-finite weight after the update: %s%s = %s (%d in %d parameter%s)",
                    parameter, Arrays.toString(coordinate), value, nonFinite, parameters, parameters == 1 ? "" : "s"));
        }
        return s.toString();
    }
}
