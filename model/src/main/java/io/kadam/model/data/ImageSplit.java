package io.kadam.model.data;

/** A dataset's standard training and test images. */
public record ImageSplit(ImageSet train, ImageSet test) {
}
