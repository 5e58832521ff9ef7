package io.kadam.jobs.report;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The report's figures in page order; each decides itself whether the sweep has data for it. */
final class FigureFactory {

    /** Every figure kind, in the order of the page. */
    static final List<Function<SweepData, Optional<Figure>>> KINDS = List.of(
            PlaneFigure::build,
            MaxUpdateFigure::build,
            MaxUpdateFigure::buildB0,
            SlopeFigure::build,
            TestLossFigure::build,
            BestLossFigure::build,
            ByKFigure::accuracy,
            ByKFigure::loss,
            data -> CheckFigure.build(data, 0),
            data -> CheckFigure.build(data, 1),
            data -> CheckFigure.build(data, 2),
            data -> CheckFigure.build(data, 3));

    private FigureFactory() {}

    static List<Figure> figures(SweepData data) {
        return KINDS.stream().map(kind -> kind.apply(data)).flatMap(Optional::stream).toList();
    }
}
