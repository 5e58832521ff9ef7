package io.kadam.optimizer.tensor;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;

/**
 * A zero-copy view of a CPU tensor's own memory that holds the tensor it views, so the view can
 * never outlive its owner. DJL's {@code toByteBuffer(true)} returns a bare direct buffer over the
 * tensor's memory: nothing ties the buffer to the tensor, and once the tensor is closed (its
 * scope ended, a checkpoint replaced it, the trial closed its manager) a cached buffer reads and
 * writes memory that libtorch has handed to another tensor. Here every access goes through
 * {@link #floats()} or {@link #ints()}, which refuse a closed owner instead.
 *
 * <p>Only dense float32 or int32 arrays in CPU memory can be viewed. The arrays this project views
 * (parameters, their gradients, optimizer moments, tensors from {@link HostCopy}) are contiguous
 * by construction; DJL would hand out a view of a temporary copy for a non-contiguous one.
 */
public final class HostView {

    private final NDArray owner;
    private final FloatBuffer floats;
    private final IntBuffer ints;

    private HostView(NDArray owner, ByteBuffer bytes) {
        this.owner = owner;
        boolean isFloat = owner.getDataType() == DataType.FLOAT32;
        this.floats = isFloat ? bytes.asFloatBuffer() : null;
        this.ints = isFloat ? null : bytes.asIntBuffer();
    }

    /** Whether {@code array} can be viewed: dense float32 or int32 in CPU memory, not closed. */
    public static boolean supports(NDArray array) {
        return Device.Type.CPU.equals(array.getDevice().getDeviceType())
                && (array.getDataType() == DataType.FLOAT32 || array.getDataType() == DataType.INT32)
                && !array.isSparse()
                && !array.isReleased();
    }

    /** Whether {@code array} can be viewed as float32 values: {@link #supports} and float32. */
    public static boolean supportsFloats(NDArray array) {
        return supports(array) && array.getDataType() == DataType.FLOAT32;
    }

    /** The view of {@code array}'s memory; it keeps {@code array} and checks it on every access. */
    public static HostView of(NDArray array) {
        if (!supports(array)) {
            throw new IllegalArgumentException("a host view needs a dense float32 or int32 CPU array that is open, got "
                    + array.getDataType() + " on " + array.getDevice() + (array.isSparse() ? " (sparse)" : "")
                    + (array.isReleased() ? " (closed)" : ""));
        }
        ByteBuffer bytes = array.toByteBuffer(true);
        long expected = array.size() * 4;
        if (!bytes.isDirect() || bytes.capacity() != expected) {
            throw new IllegalStateException("DJL gave no direct view of the array's " + expected + " bytes (got "
                    + bytes.capacity() + (bytes.isDirect() ? "" : ", a copy") + ")");
        }
        return new HostView(array, bytes);
    }

    /** The float32 values, read and written in place; the owner must still be open. */
    public FloatBuffer floats() {
        checkOpen();
        if (floats == null) {
            throw new IllegalStateException("the viewed array is " + owner.getDataType() + ", not float32");
        }
        return floats;
    }

    /** The int32 values, read and written in place; the owner must still be open. */
    public IntBuffer ints() {
        checkOpen();
        if (ints == null) {
            throw new IllegalStateException("the viewed array is " + owner.getDataType() + ", not int32");
        }
        return ints;
    }

    /** The array whose memory this is. */
    public NDArray owner() {
        return owner;
    }

    private void checkOpen() {
        if (owner.isReleased()) {
            throw new IllegalStateException("the array behind this view (" + owner.getShape() + " " + owner.getDataType()
                    + ") is closed: its memory belongs to libtorch again");
        }
    }
}
