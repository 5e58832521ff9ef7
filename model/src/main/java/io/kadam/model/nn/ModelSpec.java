package io.kadam.model.nn;

/** A model's configuration: {@link GptConfig} or {@link CnnConfig}. */
public interface ModelSpec {
}
