package io.kadam.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.kadam.model.SeededRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpochSamplerTest {

    /** 10 single-pixel images; image i has pixel i and label i, so batches reveal the order. */
    private static final ImageSet TEN = tenImages();

    private static ImageSet tenImages() {
        float[] pixels = new float[10];
        int[] labels = new int[10];
        for (int i = 0; i < 10; i++) {
            pixels[i] = i;
            labels[i] = i;
        }
        return new ImageSet(pixels, labels, 10, 1, 1, 1, 10);
    }

    private static int[] epochOrder(EpochSampler sampler) {
        List<Integer> order = new ArrayList<>();
        int epoch = sampler.epoch();
        while (sampler.epoch() == epoch) {
            ImageBatch batch = sampler.next(4);
            for (int i = 0; i < batch.batchSize(); i++) {
                assertEquals(batch.y()[i], (int) batch.x()[i]);
                order.add(batch.y()[i]);
            }
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void everyImageOncePerEpochWithPartialLastBatch() {
        EpochSampler sampler = new EpochSampler(TEN, new SeededRandom(5));
        assertEquals(4, sampler.next(4).batchSize());
        assertEquals(4, sampler.next(4).batchSize());
        assertEquals(0, sampler.epoch());
        assertEquals(2, sampler.next(4).batchSize()); // drop_last=False
        assertEquals(1, sampler.epoch());

        int[] first = epochOrder(sampler);
        int[] second = epochOrder(sampler);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, Arrays.stream(first).sorted().toArray());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, Arrays.stream(second).sorted().toArray());
        assertFalse(Arrays.equals(first, second), "reshuffled between epochs");
    }

    @Test
    void restoringMidEpochContinuesIdentically() {
        EpochSampler original = new EpochSampler(TEN, new SeededRandom(11));
        for (int i = 0; i < 5; i++) {
            original.next(3); // 3+3+3+1 images finish epoch 0, then 3 into epoch 1
        }
        EpochSampler.State state = original.state();
        assertEquals(1, state.epoch());
        assertEquals(3, state.position());
        EpochSampler restored = EpochSampler.restore(TEN, state);
        for (int i = 0; i < 12; i++) {
            ImageBatch a = original.next(3);
            ImageBatch b = restored.next(3);
            assertArrayEquals(a.y(), b.y());
            assertArrayEquals(a.x(), b.x());
            assertEquals(original.epoch(), restored.epoch());
        }
        assertEquals(original.state(), restored.state());
    }

    @Test
    void sameSeedSameOrder() {
        assertArrayEquals(epochOrder(new EpochSampler(TEN, new SeededRandom(1))),
                epochOrder(new EpochSampler(TEN, new SeededRandom(1))));
    }
}
