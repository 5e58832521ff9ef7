package io.kadam.optimizer.tensor;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HostView writes through to the tensor and refuses a closed one; HostCopy copies exactly. */
class HostMemoryTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager(Device.cpu());
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void aViewReadsAndWritesTheTensorsOwnMemory() {
        NDArray array = manager.zeros(new Shape(2, 3));
        HostView view = HostView.of(array);
        view.floats().put(4, 7.5f);
        assertArrayEquals(new float[]{0, 0, 0, 0, 7.5f, 0}, array.toFloatArray());
        array.muli(2);
        assertEquals(15f, view.floats().get(4));
        assertSame(array, view.owner());
    }

    @Test
    void aViewOfAClosedTensorRefusesAccess() {
        NDArray array = manager.zeros(new Shape(8));
        HostView view = HostView.of(array);
        array.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, view::floats);
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HostView.of(array));
    }

    @Test
    void aViewRefusesTheWrongTypeAndOtherDtypes() {
        HostView ints = HostView.of(manager.zeros(new Shape(3), DataType.INT32));
        assertThrows(IllegalStateException.class, ints::floats);
        HostView floats = HostView.of(manager.zeros(new Shape(3)));
        assertThrows(IllegalStateException.class, floats::ints);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HostView.of(manager.zeros(new Shape(3), DataType.FLOAT64)));
        assertTrue(e.getMessage().contains("float64"), e.getMessage());
    }

    @Test
    void copiesHoldTheValuesAndTheShape() {
        float[] values = {1, -2, 3.25f, Float.NaN, Float.NEGATIVE_INFINITY, 6};
        NDArray floats = HostCopy.of(manager, values, new Shape(3, 2));
        assertEquals(new Shape(3, 2), floats.getShape());
        assertArrayEquals(values, floats.toFloatArray());
        values[0] = 99; // a copy: later changes to the Java array do not reach the tensor
        assertEquals(1f, floats.toFloatArray()[0]);
        int[] tokens = {5, 0, 255, -1};
        NDArray ints = HostCopy.of(manager, tokens, new Shape(2, 2));
        assertEquals(DataType.INT32, ints.getDataType());
        assertArrayEquals(tokens, ints.toIntArray());
        assertEquals(2.5f, HostCopy.scalar(manager, 2.5f).getFloat());
        assertEquals(new Shape(), HostCopy.scalar(manager, 2.5f).getShape());
    }

    @Test
    void fillKeepsTheTensorAndRefusesAWrongCount() {
        NDArray array = manager.zeros(new Shape(2, 2));
        HostCopy.fill(array, new float[]{1, 2, 3, 4});
        assertArrayEquals(new float[]{1, 2, 3, 4}, array.toFloatArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostCopy.fill(array, new float[3]));
        assertTrue(e.getMessage().contains("3 values do not fill shape (2, 2)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HostCopy.of(manager, new float[5], new Shape(2, 2)));
    }

    @Test
    void ownedCopiesAndClosesTheOriginal() {
        NDArray decoded = NDArray.decode(manager, manager.create(new float[]{1, 2, 3}).encode());
        decoded.setName("m");
        NDArray owned = HostCopy.owned(decoded);
        assertTrue(decoded.isReleased());
        assertArrayEquals(new float[]{1, 2, 3}, owned.toFloatArray());
        assertEquals("m", owned.getName());
    }
}
