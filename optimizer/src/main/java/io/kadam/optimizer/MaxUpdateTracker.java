package io.kadam.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects one step's statistics across all parameters: slot 0 the total ‖u_n‖∞, slot i the
 * level-i ‖u_n^(i)‖∞, and the gradient's sum of squares. Host values (the fused CPU path) are
 * folded in at once; device values stay on the device as scalar tensors and are reduced and
 * read in a single transfer at {@link #finish()}, so the hot loop never waits on the device per
 * parameter.
 */
final class MaxUpdateTracker {

    private final int slots;
    private final double[] hostMax;
    private double hostSumSquares;
    private final List<List<NDArray>> deviceMax = new ArrayList<>();
    private final List<NDArray> deviceSumSquares = new ArrayList<>();

    MaxUpdateTracker(int levels) {
        slots = levels + 1;
        hostMax = new double[slots];
        for (int i = 0; i < slots; i++) {
            deviceMax.add(new ArrayList<>());
        }
    }

    /** A host-side max |x| for a slot; Math.max propagates NaN, so divergence stays visible. */
    void observe(int slot, double maxAbs) {
        hostMax[slot] = Math.max(hostMax[slot], maxAbs);
    }

    void observeSumSquares(double sumSquares) {
        hostSumSquares += sumSquares;
    }

    /** max |x| of a tensor for a slot, reduced on x's device and kept there until {@link #finish}. */
    void observe(int slot, NDArray x) {
        // max(max x, −min x) = max |x| without allocating |x|; max() and min() propagate NaN
        deviceMax.get(slot).add(keep(x.max().maximum(x.min().neg())));
    }

    /** Σ g² of a gradient, reduced on its device. */
    void observeSumSquares(NDArray grad) {
        deviceSumSquares.add(keep(grad.square().sum()));
    }

    /** This step's statistics (one device→host read if there are device values), then resets. */
    UpdateStats finish() {
        double[] max = hostMax.clone();
        double sumSquares = hostSumSquares;
        if (!deviceSumSquares.isEmpty()) { // every device-path update observes every slot
            try (NDScope scope = new NDScope()) {
                NDList reduced = new NDList();
                for (List<NDArray> values : deviceMax) {
                    reduced.add(NDArrays.stack(new NDList(values)).max());
                }
                reduced.add(NDArrays.stack(new NDList(deviceSumSquares)).sum());
                float[] read = NDArrays.stack(reduced).toFloatArray(); // the one read of the step
                for (int s = 0; s < slots; s++) {
                    max[s] = Math.max(max[s], read[s]);
                }
                sumSquares += read[slots];
            } finally {
                deviceMax.forEach(MaxUpdateTracker::closeAll);
                closeAll(deviceSumSquares);
            }
        }
        Arrays.fill(hostMax, 0.0);
        hostSumSquares = 0;
        return new UpdateStats(max[0], Arrays.copyOfRange(max, 1, slots), Math.sqrt(sumSquares));
    }

    /** Keeps a per-parameter scalar alive past the scope of the update that made it. */
    private static NDArray keep(NDArray scalar) {
        NDScope.unregister(scalar);
        return scalar;
    }

    private static void closeAll(List<NDArray> arrays) {
        arrays.forEach(NDArray::close);
        arrays.clear();
    }
}
