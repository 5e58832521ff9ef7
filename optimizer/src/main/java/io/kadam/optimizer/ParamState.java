package io.kadam.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import io.kadam.optimizer.tensor.HostView;

import java.nio.FloatBuffer;

/**
 * One parameter's k-Adam state: its update count n and the moving averages (m_i, v_i) of every
 * level, allocated once (zeros, like the weight) and updated in place.
 */
final class ParamState implements AutoCloseable {

    long step;
    final NDArray[] m;
    final NDArray[] v;

    /**
     * Views of m and v for the fused CPU path, made once: creating a view is a JNI call, which for
     * a small model costs more than the update itself. Each view holds its array, and refuses
     * access once the array is closed. Only for the state this class owns; the weight's view is
     * made per step, as its array may be swapped by the caller.
     */
    private HostView[] mViews;
    private HostView[] vViews;

    ParamState(long step, NDArray[] m, NDArray[] v) {
        this.step = step;
        this.m = m;
        this.v = v;
    }

    static ParamState zerosLike(NDArray weight, int levels) {
        NDArray[] m = new NDArray[levels];
        NDArray[] v = new NDArray[levels];
        for (int i = 0; i < levels; i++) {
            m[i] = weight.getManager().zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
            v[i] = weight.getManager().zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
            // state lives as long as the weight, even when the first step runs inside a caller's
            // NDScope (which closes everything created in it)
            NDScope.unregister(m[i], v[i]);
        }
        return new ParamState(0, m, v);
    }

    FloatBuffer mView(int level) {
        if (mViews == null) {
            mViews = new HostView[m.length];
            vViews = new HostView[v.length];
            for (int i = 0; i < m.length; i++) {
                mViews[i] = HostView.of(m[i]);
                vViews[i] = HostView.of(v[i]);
            }
        }
        return mViews[level].floats();
    }

    FloatBuffer vView(int level) {
        mView(level);
        return vViews[level].floats();
    }

    /** m_1, v_1, m_2, v_2, ... for checkpoints. */
    NDList moments() {
        NDList list = new NDList();
        for (int i = 0; i < m.length; i++) {
            list.add(m[i]);
            list.add(v[i]);
        }
        return list;
    }

    @Override
    public void close() {
        for (int i = 0; i < m.length; i++) {
            m[i].close();
            v[i].close();
        }
    }
}
