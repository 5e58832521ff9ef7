package io.kadam.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects one step's max-updates across all parameters: slot 0 is the total ‖u_n‖∞, slot i the
 * level-i ‖u_n^(i)‖∞. Host values (the fused CPU path) are folded in at once; device values stay
 * on the device as scalar tensors and are reduced and read in a single transfer at
 * {@link #finish()}, so the hot loop never waits on the device per parameter.
 */
final class MaxUpdateTracker {

    private final double[] hostMax;
    private final List<List<NDArray>> deviceMax;

    MaxUpdateTracker(int levels) {
        hostMax = new double[levels + 1];
        deviceMax = new ArrayList<>();
        for (int i = 0; i <= levels; i++) {
            deviceMax.add(new ArrayList<>());
        }
        reset();
    }

    /** A host-side max |x| for a slot (NaN propagates). */
    void observe(int slot, double maxAbs) {
        hostMax[slot] = maxNaN(hostMax[slot], maxAbs);
    }

    /** max |x| of a tensor for a slot, reduced on x's device and kept there until {@link #finish}. */
    void observe(int slot, NDArray x) {
        // max(max x, −min x) = max |x| without allocating |x|; max() and min() propagate NaN
        NDArray m = x.max().maximum(x.min().neg());
        NDScope.unregister(m); // outlives the per-parameter scope that created it
        deviceMax.get(slot).add(m);
    }

    /** This step's max-updates (one device→host read if any device values), then resets. */
    MaxUpdate finish() {
        double[] slots = hostMax.clone();
        boolean onDevice = deviceMax.stream().anyMatch(l -> !l.isEmpty());
        if (onDevice) {
            NDList perSlot = new NDList();
            List<Integer> slotIndex = new ArrayList<>();
            try (NDScope scope = new NDScope()) {
                for (int s = 0; s < slots.length; s++) {
                    List<NDArray> values = deviceMax.get(s);
                    if (!values.isEmpty()) {
                        perSlot.add(NDArrays.stack(new NDList(values)).max());
                        slotIndex.add(s);
                    }
                }
                float[] read = NDArrays.stack(perSlot).toFloatArray();
                for (int i = 0; i < read.length; i++) {
                    int s = slotIndex.get(i);
                    slots[s] = maxNaN(slots[s], read[i]);
                }
            } finally {
                deviceMax.forEach(l -> {
                    l.forEach(NDArray::close);
                    l.clear();
                });
            }
        }
        reset();
        return new MaxUpdate(slots[0], Arrays.copyOfRange(slots, 1, slots.length));
    }

    private void reset() {
        Arrays.fill(hostMax, 0.0);
    }

    private static double maxNaN(double a, double b) {
        return Math.max(a, b); // Math.max returns NaN if either is NaN: divergence stays visible
    }
}
