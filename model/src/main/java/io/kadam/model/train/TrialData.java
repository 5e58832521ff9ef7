package io.kadam.model.train;

import io.kadam.model.data.ImageSet;
import io.kadam.model.data.TokenSplit;

/** A trial's loaded data: tokens for nanoGPT, images for the CNN. Immutable, shareable. */
public sealed interface TrialData {

    record Text(TokenSplit tokens) implements TrialData {}

    /** Normalized train and test images (normalize both with the train set's statistics). */
    record Images(ImageSet train, ImageSet test) implements TrialData {}
}
