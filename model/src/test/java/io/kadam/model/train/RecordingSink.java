package io.kadam.model.train;

import java.util.ArrayList;
import java.util.List;

/** Keeps a trial's metrics in memory. Thread-confined: one sink per trial. */
final class RecordingSink implements MetricSink {
    final List<StepMetrics> steps = new ArrayList<>();
    final List<EvalMetrics> evals = new ArrayList<>();

    @Override
    public void step(StepMetrics metrics) {
        steps.add(metrics);
    }

    @Override
    public void eval(EvalMetrics metrics) {
        evals.add(metrics);
    }

    List<StepMetrics> stepsWithoutTiming() {
        return steps.stream().map(StepMetrics::withoutTiming).toList();
    }

    List<EvalMetrics> evalsWithoutTiming() {
        return evals.stream().map(EvalMetrics::withoutTiming).toList();
    }
}
