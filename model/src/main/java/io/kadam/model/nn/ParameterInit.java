package io.kadam.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Pair;
import io.kadam.model.SeededRandom;
import io.kadam.optimizer.tensor.HostCopy;

import java.util.Arrays;

/**
 * Initial weights from a per-trial {@link SeededRandom}, never from torch's RNG: torch has one
 * global generator per JVM, shared by every trial that Spark runs in it, so DJL's initializers
 * (Xavier, Normal, ...) would make a trial's weights depend on what its neighbours drew.
 *
 * <p>Use {@link #initialize}: it lets DJL allocate every parameter as zeros (no draw from torch),
 * then overwrites each one, in {@code block.getParameters()} order, with values drawn here. The
 * same seed therefore gives the same weights on any thread, whatever else is running.
 *
 * <p>A {@link Rule} decides each parameter's values. {@link #PYTORCH_DEFAULT} is what
 * {@code nn.Conv2d}, {@code nn.Linear}, {@code nn.BatchNorm2d} and {@code nn.LayerNorm} do on
 * construction; other models (nanoGPT: normal(0, 0.02) weights, zero biases) pass their own rule
 * built from {@link #normal}, {@link #uniform}, {@link #zeros} and {@link #ones}.
 */
public final class ParameterInit {

    private ParameterInit() {
    }

    /** How to fill one parameter. */
    @FunctionalInterface
    public interface Rule {
        /**
         * @param name      the parameter's key in {@code block.getParameters()}, e.g.
         *                  {@code "01Conv2d_weight"}
         * @param parameter the parameter: its {@link Parameter#getType() type}, shape and array
         * @param fanIn     for a weight, the product of all its dimensions but the first (Linear:
         *                  in-features; Conv: in-channels × kernel area); for any other parameter,
         *                  the fan-in of the first weight of the same layer, since PyTorch bounds a
         *                  bias by its layer's fan-in; 0 when the layer has no weight
         * @param rng       the trial's init stream; draw from nothing else
         */
        void fill(String name, Parameter parameter, long fanIn, SeededRandom rng);
    }

    /**
     * PyTorch's defaults. Weights: kaiming-uniform with a = √5, which is U(−1/√fan_in, 1/√fan_in);
     * biases: U(−1/√fan_in, 1/√fan_in) with the layer's fan-in; norm layers: γ = 1, β = 0, running
     * mean 0, running variance 1. A parameter of type OTHER has no default: pass your own rule.
     */
    public static final Rule PYTORCH_DEFAULT = (name, parameter, fanIn, rng) -> {
        NDArray array = parameter.getArray();
        switch (parameter.getType()) {
            case WEIGHT, BIAS -> uniform(array, rng, fanIn > 0 ? 1.0 / Math.sqrt(fanIn) : 0.0);
            case GAMMA, RUNNING_VAR -> ones(array);
            case BETA, RUNNING_MEAN -> zeros(array);
            default -> throw new IllegalArgumentException(
                    "no default initialization for parameter " + name + " of type " + parameter.getType() + ": pass a Rule");
        }
    };

    /**
     * Allocates the block's parameters for {@code inputShapes} (float32, as zeros: no torch RNG) and
     * fills every one with {@code rule}. Parameters already allocated are kept and refilled. A DJL
     * {@code Trainer.initialize} afterwards leaves them as they are.
     */
    public static void initialize(Block block, NDManager manager, SeededRandom rng, Rule rule, Shape... inputShapes) {
        block.setInitializer(Initializer.ZEROS, p -> true);
        block.initialize(manager, DataType.FLOAT32, inputShapes);
        apply(block, rng, rule);
    }

    /** Refills every parameter of an initialized block, in {@code block.getParameters()} order. */
    public static void apply(Block block, SeededRandom rng, Rule rule) {
        visit(block, "", rng, rule);
    }

    // Mirrors AbstractBaseBlock.getParameters(): a block's own parameters first, then each child's,
    // named "<childKey>_<name>", so the draw order and the names are those of getParameters().
    private static void visit(Block block, String prefix, SeededRandom rng, Rule rule) {
        long layerFanIn = 0;
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            if (p.getValue().getType() == Parameter.Type.WEIGHT) {
                layerFanIn = fanIn(p.getValue().getShape());
                break;
            }
        }
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            Parameter parameter = p.getValue();
            long fanIn = parameter.getType() == Parameter.Type.WEIGHT ? fanIn(parameter.getShape()) : layerFanIn;
            rule.fill(prefix + p.getKey(), parameter, fanIn, rng);
        }
        for (Pair<String, Block> child : block.getChildren()) {
            visit(child.getValue(), prefix + child.getKey() + "_", rng, rule);
        }
    }

    /** Product of all dimensions but the first (PyTorch's fan_in); 1 for a 1-d shape. */
    public static long fanIn(Shape shape) {
        long f = 1;
        for (int i = 1; i < shape.dimension(); i++) {
            f *= shape.get(i);
        }
        return f;
    }

    /** Fills with U(−bound, bound), row-major, one draw per element. */
    public static void uniform(NDArray array, SeededRandom rng, double bound) {
        float[] v = new float[elements(array)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
        }
        HostCopy.fill(array, v);
    }

    /** Fills with N(0, std²), row-major, one draw per element. */
    public static void normal(NDArray array, SeededRandom rng, double std) {
        float[] v = new float[elements(array)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rng.nextGaussian() * std);
        }
        HostCopy.fill(array, v);
    }

    public static void zeros(NDArray array) {
        HostCopy.fill(array, new float[elements(array)]);
    }

    public static void ones(NDArray array) {
        float[] v = new float[elements(array)];
        Arrays.fill(v, 1f);
        HostCopy.fill(array, v);
    }

    private static int elements(NDArray array) {
        if (array.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("ParameterInit fills float32 arrays only, got " + array.getDataType()
                    + " (initialize in float32, then cast)");
        }
        return Math.toIntExact(array.size());
    }
}
