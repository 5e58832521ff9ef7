package io.kadam.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;

/**
 * One parameter's k-Adam state: its update count n and the moving averages (m_i, v_i) of every
 * level, allocated once (zeros, like the weight) and updated in place.
 */
final class ParamState implements AutoCloseable {

    long step;
    final NDArray[] m;
    final NDArray[] v;

    /**
     * Zero-copy views of m and v for the fused CPU path, made once: creating a view is a JNI
     * call, which for a small model costs more than the update itself. Only for the state this
     * class owns; the weight's view is made per step, as its array may be swapped by the caller.
     */
    private java.nio.FloatBuffer[] mViews;
    private java.nio.FloatBuffer[] vViews;

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

    java.nio.FloatBuffer mView(int level) {
        if (mViews == null) {
            mViews = new java.nio.FloatBuffer[m.length];
            vViews = new java.nio.FloatBuffer[v.length];
            for (int i = 0; i < m.length; i++) {
                mViews[i] = CpuFusedUpdate.view(m[i]);
                vViews[i] = CpuFusedUpdate.view(v[i]);
            }
        }
        return mViews[level];
    }

    java.nio.FloatBuffer vView(int level) {
        mView(level);
        return vViews[level];
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
