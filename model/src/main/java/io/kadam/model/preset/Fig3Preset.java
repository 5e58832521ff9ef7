package io.kadam.model.preset;

import io.kadam.model.data.TextCorpus;
import io.kadam.model.data.TokenSplit;
import io.kadam.model.nn.GptConfig;
import io.kadam.model.train.EvalMetrics;
import io.kadam.model.train.MetricSink;
import io.kadam.model.train.ScheduleSpec;
import io.kadam.model.train.StepMetrics;
import io.kadam.model.train.TrialConfig;
import io.kadam.model.train.TrialData;
import io.kadam.model.train.TrialOutcome;
import io.kadam.model.train.TrialRunner;
import io.kadam.optimizer.KAdamConfig;
import io.kadam.optimizer.theory.AdamPoint;
import io.kadam.optimizer.theory.CurvePoint;
import io.kadam.optimizer.theory.NormalCurve;
import io.kadam.optimizer.theory.Stability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The paper's Fig. 3 at CPU scale (experiments.md): a 1-layer byte-level GPT on a text, Adam at
 * points of the normal curve through (0.999, 0.9) that cross into B−, and the slope of
 * log‖u_n‖∞ at step n (from n ± 5, as in the paper) against the predicted |C|/2 and the exact
 * discrete rate log γ − ½ log β. Without Spark: one trial after another in this JVM.
 *
 * <p>{@code java ... io.kadam.model.preset.Fig3Preset <text file> [points] [steps] [n]}
 */
public final class Fig3Preset {

    /** One point's result. */
    public record Row(AdamPoint point, double c, double predicted, double discreteRate, double[] measured,
                      String status, long steps, double seconds) {
        /** Relative error of the slope measured at the i-th n against |C|/2 (NaN outside B−). */
        public double relativeError(int i) {
            return c < 0 ? (measured[i] - predicted) / predicted : Double.NaN;
        }
    }

    private Fig3Preset() {}

    /** β from the B− end of the curve inside the square (γ → 1) up to just past the C = 0 crossing. */
    public static List<AdamPoint> points(int count) {
        NormalCurve curve = NormalCurve.through(new AdamPoint(0.999, 0.9));
        double zero = curve.crossingOfZero().orElseThrow().beta();
        List<AdamPoint> points = new ArrayList<>();
        for (CurvePoint cp : curve.section(curve.betaRange().lo(), zero + 0.002).points(count)) {
            points.add(cp.point());
        }
        return points;
    }

    public static TrialConfig config(AdamPoint p, long steps) {
        GptConfig model = GptConfig.tinyBytes();
        return new TrialConfig(model, KAdamConfig.adam(p.beta(), p.gamma()), ScheduleSpec.constant(1e-3), steps, 8, 0, 0, 1, 0);
    }

    /** Runs every point; the slope of log‖u_n‖∞ is measured at each of {@code ns} (NaN past a divergence). */
    public static List<Row> run(TokenSplit bytes, List<AdamPoint> points, long steps, int... ns) {
        List<Row> rows = new ArrayList<>();
        for (AdamPoint p : points) {
            double[] logU = new double[(int) steps];
            MetricSink sink = new MetricSink() {
                @Override
                public void step(StepMetrics m) {
                    logU[(int) m.step()] = Math.log(m.maxUpdate());
                }

                @Override
                public void eval(EvalMetrics m) {
                }
            };
            TrialOutcome outcome = TrialRunner.run(config(p, steps), new TrialData.Text(bytes), TrialRunner.Options.cpu(1), sink);
            double[] measured = new double[ns.length];
            for (int i = 0; i < ns.length; i++) {
                int n = ns[i];
                measured[i] = outcome.steps() > n + 5 ? (logU[n + 5] - logU[n - 5]) / 10 : Double.NaN;
            }
            rows.add(new Row(p, p.c(), Stability.predictedSlope(p), Stability.vanishingGradientRate(p), measured,
                    outcome.status().label(), outcome.steps(), outcome.seconds()));
        }
        return rows;
    }

    public static String format(List<Row> rows, int... ns) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%9s %9s %10s %7s %10s %12s",
                "beta", "gamma", "C", "region", "|C|/2", "ln g-ln b/2"));
        for (int n : ns) {
            out.append(String.format(Locale.ROOT, " %10s %9s", "slope@" + n, "err"));
        }
        out.append(String.format(Locale.ROOT, " %10s %6s %7s%n", "status", "steps", "sec"));
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%9.6f %9.6f %10.6f %7s %10.6f %12.6f", r.point().beta(), r.point().gamma(),
                    r.c(), r.point().region().label(), r.predicted(), r.discreteRate()));
            for (int i = 0; i < ns.length; i++) {
                String err = r.c() < 0 && Double.isFinite(r.measured()[i])
                        ? String.format(Locale.ROOT, "%+.1f%%", 100 * r.relativeError(i)) : "-";
                out.append(String.format(Locale.ROOT, " %10.6f %9s", r.measured()[i], err));
            }
            out.append(String.format(Locale.ROOT, " %10s %6d %7.1f%n", r.status(), r.steps(), r.seconds()));
        }
        return out.toString();
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: Fig3Preset <text file> [points=8] [steps=2400] [n,n,...=800,1500]");
            System.exit(2);
        }
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        long steps = args.length > 2 ? Long.parseLong(args[2]) : 2400;
        int[] ns = java.util.Arrays.stream((args.length > 3 ? args[3] : "800,1500").split(",")).mapToInt(Integer::parseInt).toArray();
        TokenSplit bytes = TextCorpus.load(Path.of(args[0]), "byte", TextCorpus.DEFAULT_TEST_FRACTION);
        System.out.println("Fig. 3 CPU preset: " + bytes.description() + "; 1-layer GPT 2 heads dim 32 context 32, batch 8, "
                + "Adam lr 1e-3, eps 1e-30, " + steps + " steps, slope from n +- 5 at n = " + java.util.Arrays.toString(ns));
        System.out.print(format(run(bytes, points(count), steps, ns), ns));
    }
}
