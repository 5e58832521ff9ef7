package io.kadam.optimizer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.PairList;

import java.util.Random;

/** Real parameters on the PyTorch engine whose gradients the tests choose exactly. */
final class TensorHarness implements AutoCloseable {

    final NDManager manager = NDManager.newBaseManager();
    final PairList<String, Parameter> parameters = new PairList<>();

    Parameter add(String name, Shape shape, float[] values) {
        Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build();
        NDArray array = manager.create(values, shape);
        array.setRequiresGradient(true);
        p.setArray(array);
        parameters.add(name, p);
        return p;
    }

    NDArray array(int i) {
        return parameters.get(i).getValue().getArray();
    }

    /** Makes ∇ of param i equal exactly {@code grads[i]}, by backward through Σ θ ⊙ G. */
    void setGradients(float[][] grads) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector();
             NDManager scope = manager.newSubManager()) {
            NDArray loss = null;
            for (int i = 0; i < grads.length; i++) {
                NDArray w = array(i);
                NDArray g = scope.create(grads[i], w.getShape());
                NDArray term = w.mul(g).sum();
                term.attach(scope);
                loss = loss == null ? term : loss.add(term);
                loss.attach(scope);
            }
            collector.backward(loss);
        }
    }

    float[] values(int i) {
        return array(i).toFloatArray();
    }

    float[] gradient(int i) {
        try (NDArray g = array(i).getGradient()) {
            return g.toFloatArray();
        }
    }

    static float[] randomValues(Random rng, int size, double scale) {
        float[] a = new float[size];
        for (int j = 0; j < size; j++) {
            a[j] = (float) (rng.nextGaussian() * scale);
        }
        return a;
    }

    @Override
    public void close() {
        manager.close();
    }
}
