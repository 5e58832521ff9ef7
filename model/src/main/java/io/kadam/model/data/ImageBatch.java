package io.kadam.model.data;

/** batchSize images (row-major, same layout as {@link ImageSet#pixels()}) and their labels. */
public record ImageBatch(float[] x, int[] y, int batchSize) {

    public ImageBatch {
        if (batchSize < 1 || y.length != batchSize || x.length % batchSize != 0) {
            throw new DataException("image batch: " + x.length + " pixels and " + y.length
                    + " labels do not make " + batchSize + " images");
        }
    }
}
