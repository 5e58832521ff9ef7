package io.kadam.model.nn;

/** A model's configuration: {@link GptConfig} or {@link CnnConfig}; serializable, as trials travel to Spark executors. */
public interface ModelSpec extends java.io.Serializable {
}
