package io.kadam.optimizer.tensor;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Tensors filled from Java values that own their memory. DJL's {@code NDManager.create(float[],
 * ...)} and {@code NDArray.set(float[])} do not copy into libtorch memory on the CPU: they make a
 * Java direct buffer the tensor's storage ({@code from_blob}, {@code set_}) and keep that buffer
 * alive only through the one Java wrapper they return. Every other libtorch reference to the
 * storage (a view, a tensor saved for backward, a parameter's gradient bookkeeping) is invisible
 * to the garbage collector: once the wrapper is closed or dropped, a collection frees the memory
 * while libtorch may still read or write it. Tensors made here are allocated by libtorch and
 * filled by a copy, so a collection can never free memory a tensor uses.
 *
 * <p>On a GPU the engine copies to device memory anyway; the same calls work there.
 */
public final class HostCopy {

    private HostCopy() {}

    /** A float32 tensor of {@code shape} on {@code manager}'s device holding a copy of {@code values}. */
    public static NDArray of(NDManager manager, float[] values, Shape shape) {
        checkSize(values.length, shape);
        if (!isCpu(manager.getDevice())) {
            return manager.create(values, shape); // copied to the device by the engine
        }
        NDArray array = manager.create(shape, DataType.FLOAT32); // libtorch memory, every value written below
        HostView.of(array).floats().put(0, values);
        return array;
    }

    /** An int32 tensor of {@code shape} on {@code manager}'s device holding a copy of {@code values}. */
    public static NDArray of(NDManager manager, int[] values, Shape shape) {
        checkSize(values.length, shape);
        if (!isCpu(manager.getDevice())) {
            return manager.create(values, shape);
        }
        NDArray array = manager.create(shape, DataType.INT32);
        HostView.of(array).ints().put(0, values);
        return array;
    }

    /** A float32 scalar (shape ()) holding {@code value}. */
    public static NDArray scalar(NDManager manager, float value) {
        return of(manager, new float[]{value}, new Shape());
    }

    /**
     * Overwrites every value of {@code target} in place: the tensor keeps its own memory (and its
     * identity, e.g. as a block's parameter).
     */
    public static void fill(NDArray target, float[] values) {
        checkSize(values.length, target.getShape());
        if (HostView.supportsFloats(target)) {
            HostView.of(target).floats().put(0, values);
        } else if (!isCpu(target.getDevice())) {
            target.set(values); // the engine copies a host buffer to device memory
        } else {
            throw new IllegalArgumentException("cannot fill a " + target.getDataType() + " array with float32 values");
        }
    }

    /**
     * A copy of {@code array} in libtorch memory; {@code array} is closed. For arrays the engine
     * decoded from a stream, which sit in Java buffers.
     */
    public static NDArray owned(NDArray array) {
        NDArray copy = array.duplicate();
        copy.setName(array.getName());
        array.close();
        return copy;
    }

    private static void checkSize(int length, Shape shape) {
        if (length != shape.size()) {
            throw new IllegalArgumentException(length + " values do not fill shape " + shape + " (" + shape.size() + " values)");
        }
    }

    private static boolean isCpu(Device device) {
        return Device.Type.CPU.equals(device.getDeviceType());
    }
}
