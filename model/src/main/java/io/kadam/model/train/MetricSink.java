package io.kadam.model.train;

/** Where a trial's metrics go as they are made (memory in tests, Parquet in sweeps). */
public interface MetricSink {

    void step(StepMetrics metrics);

    void eval(EvalMetrics metrics);
}
