package io.kadam.model.dynamics;

import io.kadam.model.data.TokenSplit;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one check on one training setup and puts its result in the tables' long form
 * ({@link CheckOutput}). Series and metric names are the result tables' contract (listed in the
 * jobs module's store documentation); each is the field of the check's own result it comes from.
 */
public final class CheckRunner {

    private CheckRunner() {}

    public static CheckOutput run(CheckSpec check, AdamWSetup setup, TokenSplit data) {
        return switch (check.kind()) {
            case REPLAY -> replay(ReplayCheck.run(new ReplayCheck.Config(setup, List.of(), check.coordinates(),
                    check.coordinateSeed(), check.substeps(), check.interpolation()), data));
            case NORM -> norm(NormCheck.run(new NormCheck.Config(setup, check.substeps()), data));
            case INNER_PRODUCT -> innerProduct(InnerProductCheck.run(setup, data));
            case COARSE_GRAINING -> coarseGraining(CoarseGrainingCheck.run(new CoarseGrainingCheck.Config(setup,
                    check.coordinates(), check.coordinateSeed(), check.perturbation()), data));
        };
    }

    /** discrete (the float32 run), continuous (Euler), discrete64 (float64 replay) per coordinate. */
    static CheckOutput replay(ReplayCheck.Result r) {
        List<CheckOutput.Point> points = new ArrayList<>();
        for (ReplayCheck.Row row : r.rows()) {
            String subject = subject(row.parameter(), row.index());
            points.add(new CheckOutput.Point("discrete", subject, row.iteration(), row.discrete()));
            points.add(new CheckOutput.Point("continuous", subject, row.iteration(), row.continuous()));
            points.add(new CheckOutput.Point("discrete64", subject, row.iteration(), row.discrete64()));
        }
        List<CheckOutput.Metric> metrics = List.of(
                new CheckOutput.Metric("median_relative_mean_gap", r.medianRelativeMean()),
                new CheckOutput.Metric("mean_relative_mean_gap", r.meanRelativeMean()),
                new CheckOutput.Metric("mean_relative_max_gap", r.meanRelativeMax()),
                new CheckOutput.Metric("worst_relative_max_gap", r.worstRelativeMax()),
                new CheckOutput.Metric("float64_floor", r.float64Floor()),
                new CheckOutput.Metric("lost_gradients", r.lostGradients().size()),
                new CheckOutput.Metric("solve_seconds", r.solveSeconds()));
        return new CheckOutput(CheckKind.REPLAY, points, metrics, r.losses());
    }

    /** true, eq8 (continuous u), eq8_discrete, eq8_corrected, ode per head matrix. */
    static CheckOutput norm(NormCheck.Result r) {
        List<CheckOutput.Point> points = new ArrayList<>();
        for (NormCheck.Row row : r.rows()) {
            points.add(new CheckOutput.Point("true", row.matrix(), row.iteration(), row.trueSquaredNorm()));
            points.add(new CheckOutput.Point("eq8", row.matrix(), row.iteration(), row.eq8Continuous()));
            points.add(new CheckOutput.Point("eq8_discrete", row.matrix(), row.iteration(), row.eq8Discrete()));
            points.add(new CheckOutput.Point("eq8_corrected", row.matrix(), row.iteration(), row.eq8Corrected()));
            points.add(new CheckOutput.Point("ode", row.matrix(), row.iteration(), row.odeSquaredNorm()));
        }
        List<NormCheck.MatrixSummary> m = r.matrices();
        List<CheckOutput.Metric> metrics = List.of(
                new CheckOutput.Metric("worst_relative_error", r.worstRelativeError()),
                new CheckOutput.Metric("median_growth_ratio", r.medianGrowthRatio()),
                new CheckOutput.Metric("mean_cross_share", m.stream().mapToDouble(NormCheck.MatrixSummary::crossShare).average().orElse(Double.NaN)),
                new CheckOutput.Metric("worst_corrected_relative_error",
                        m.stream().mapToDouble(NormCheck.MatrixSummary::maxCorrectedRelativeError).max().orElse(Double.NaN)),
                new CheckOutput.Metric("worst_ode_relative_error",
                        m.stream().mapToDouble(NormCheck.MatrixSummary::maxOdeRelativeError).max().orElse(Double.NaN)),
                new CheckOutput.Metric("max_same_time_cosine",
                        m.stream().mapToDouble(NormCheck.MatrixSummary::maxSameTimeCosine).max().orElse(Double.NaN)),
                new CheckOutput.Metric("solve_seconds", r.solveSeconds()));
        return new CheckOutput(CheckKind.NORM, points, metrics, r.losses());
    }

    /**
     * cos_final = |cos(W_N, g_n)|, cos_same = |cos(W_n, g_n)|, inner_final = ⟨W_N, g_n⟩ per head
     * matrix, each prefixed with the run: {@code qk_norm.} or {@code no_qk_norm.}.
     */
    static CheckOutput innerProduct(InnerProductCheck.Result r) {
        List<CheckOutput.Point> points = new ArrayList<>();
        for (InnerProductCheck.Row row : r.rows()) {
            String run = row.qkNorm() ? "qk_norm." : "no_qk_norm.";
            points.add(new CheckOutput.Point(run + "cos_final", row.matrix(), row.iteration(), row.cosineWithFinal()));
            points.add(new CheckOutput.Point(run + "cos_same", row.matrix(), row.iteration(), row.cosineSameTime()));
            points.add(new CheckOutput.Point(run + "inner_final", row.matrix(), row.iteration(), row.innerWithFinal()));
        }
        List<CheckOutput.Metric> metrics = new ArrayList<>();
        for (InnerProductCheck.Summary s : List.of(r.withQkNorm(), r.withoutQkNorm())) {
            String run = s.qkNorm() ? "qk_norm." : "no_qk_norm.";
            metrics.add(new CheckOutput.Metric(run + "mean_abs_cos_final", s.meanAbsCosineWithFinal()));
            metrics.add(new CheckOutput.Metric(run + "late_abs_cos_final", s.lateAbsCosineWithFinal()));
            metrics.add(new CheckOutput.Metric(run + "mean_abs_cos_same", s.meanAbsCosineSameTime()));
            metrics.add(new CheckOutput.Metric(run + "mean_abs_inner_final", s.meanAbsInnerWithFinal()));
            metrics.add(new CheckOutput.Metric(run + "final_loss", s.finalLoss()));
        }
        return new CheckOutput(CheckKind.INNER_PRODUCT, points, metrics, r.withQkNorm().losses());
    }

    /** true_v, coarse_v, perturbed per coordinate, and the three runs' losses as subject "loss". */
    static CheckOutput coarseGraining(CoarseGrainingCheck.Result r) {
        List<CheckOutput.Point> points = new ArrayList<>();
        for (CoarseGrainingCheck.Row row : r.rows()) {
            String subject = subject(row.parameter(), row.index());
            points.add(new CheckOutput.Point("true_v", subject, row.iteration(), row.trueV()));
            points.add(new CheckOutput.Point("coarse_v", subject, row.iteration(), row.coarseV()));
            points.add(new CheckOutput.Point("perturbed", subject, row.iteration(), row.perturbed()));
        }
        double[] losses = new double[r.losses().size()];
        for (CoarseGrainingCheck.LossRow row : r.losses()) {
            losses[row.iteration()] = row.trueV();
            points.add(new CheckOutput.Point("true_v", "loss", row.iteration(), row.trueV()));
            points.add(new CheckOutput.Point("coarse_v", "loss", row.iteration(), row.coarseV()));
            points.add(new CheckOutput.Point("perturbed", "loss", row.iteration(), row.perturbed()));
        }
        List<CoarseGrainingCheck.MatrixGap> m = r.matrices();
        List<CheckOutput.Metric> metrics = List.of(
                new CheckOutput.Metric("coarse_relative_mean_gap", r.meanCoarseRelativeMean()),
                new CheckOutput.Metric("perturbed_relative_mean_gap", r.meanPerturbedRelativeMean()),
                new CheckOutput.Metric("coarse_loss_gap", r.lossGapCoarse()),
                new CheckOutput.Metric("perturbed_loss_gap", r.lossGapPerturbed()),
                new CheckOutput.Metric("coarse_max_one_minus_cos",
                        m.stream().mapToDouble(CoarseGrainingCheck.MatrixGap::coarseMaxOneMinusCos).max().orElse(Double.NaN)),
                new CheckOutput.Metric("final_loss_true_v", r.finalLossTrue()),
                new CheckOutput.Metric("final_loss_coarse_v", r.finalLossCoarse()));
        return new CheckOutput(CheckKind.COARSE_GRAINING, points, metrics, losses);
    }

    private static String subject(String parameter, int index) {
        return new Coordinate(parameter, index).label();
    }
}
