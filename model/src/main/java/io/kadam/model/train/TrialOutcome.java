package io.kadam.model.train;

/**
 * The end of a trial.
 *
 * @param steps        updates made
 * @param reason       why it stopped early, or "" when completed
 * @param finalLoss    training loss of the last step
 * @param bestTestLoss lowest test loss seen (NaN if never evaluated)
 * @param bestAccuracy highest test accuracy seen (NaN for language models)
 * @param seconds      wall time of the whole trial, including setup and evaluation
 */
public record TrialOutcome(TrialStatus status, long steps, String reason, double finalLoss, double bestTestLoss,
                           double bestAccuracy, double seconds) {
}
