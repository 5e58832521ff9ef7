package io.kadam.model.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import io.kadam.model.SeededRandom;
import io.kadam.model.nn.CnnConfig;
import io.kadam.model.nn.GptConfig;
import io.kadam.optimizer.KAdam;
import io.kadam.optimizer.UpdateStats;
import io.kadam.optimizer.schedule.LrSchedule;
import io.kadam.optimizer.tensor.HostCopy;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * One training run with a small, explicit contract (Ray Tune's Trainable): {@link #setup},
 * {@link #step}, {@link #evaluate}, {@link #save}, {@link #restore}, {@link #close}. Call it from
 * one thread; several trials may run at once on different threads.
 */
public final class Trial implements AutoCloseable {

    /** 2: parameters by name, read back into the block's own arrays (1 used DJL's block format). */
    private static final int CHECKPOINT_VERSION = 2;

    /** No parameter of these models comes near this; a larger length is a corrupt file. */
    private static final int MAX_ENCODED_PARAMETER = 1 << 30;

    private final TrialConfig config;
    private final NDManager manager;
    private final Task task;
    private final KAdam optimizer;
    private final LrSchedule lr;
    private final ParameterStore parameters;
    private long step;

    private Trial(TrialConfig config, NDManager manager, Task task) {
        this.config = config;
        this.manager = manager;
        this.task = task;
        this.lr = config.schedule().build(config.optimizer());
        this.optimizer = new KAdam(config.optimizer(), lr);
        this.parameters = new ParameterStore(manager, false);
    }

    /**
     * Builds the model on {@code device}, initializes it from the seed, and prepares the calling
     * thread ({@code threads} torch threads; 0 leaves torch's setting alone).
     */
    public static Trial setup(TrialConfig config, TrialData data, Device device, int threads) {
        Autograd.prepareThread(threads);
        SeededRandom seed = new SeededRandom(config.seed());
        Task task;
        if (config.model() instanceof GptConfig gpt && data instanceof TrialData.Text text) {
            task = new LanguageTask(gpt, text.tokens(), config.batchSize(), config.evalBatches(), seed.fork("data"));
        } else if (config.model() instanceof CnnConfig cnn && data instanceof TrialData.Images images) {
            task = new ImageTask(cnn, images.train(), images.test(), config.batchSize(), config.evalBatches(), seed.fork("data"));
        } else {
            throw new IllegalArgumentException("model " + config.model().getClass().getSimpleName() + " cannot train on "
                    + data.getClass().getSimpleName() + " data (nanoGPT needs text, the CNN images)");
        }
        NDManager manager = NDManager.newBaseManager(device);
        try {
            // allocate as zeros (no draw from torch's RNG, which every trial in the JVM shares),
            // then fill from the trial's own seed
            task.block().setInitializer(Initializer.ZEROS, p -> true);
            task.block().initialize(manager, DataType.FLOAT32, task.inputShape());
            task.initializeWeights(seed.fork("init"));
            return new Trial(config, manager, task);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Updates made so far: the index n of the next update. */
    public long stepsDone() {
        return step;
    }

    public TrialConfig config() {
        return config;
    }

    public Block model() {
        return task.block();
    }

    /**
     * Where the last step's time went, for benchmarks: data and forward/backward, the k-Adam
     * update, and reading the metrics (the loss and the update statistics: the step's only
     * device-to-host reads).
     */
    public record StepTiming(double modelSeconds, double optimizerSeconds, double metricsSeconds) {
    }

    private StepTiming lastTiming = new StepTiming(0, 0, 0);

    public StepTiming lastTiming() {
        return lastTiming;
    }

    /** One iteration: forward, backward, k-Adam update; the loss read once. */
    public StepMetrics step() {
        long start = System.nanoTime();
        double eta = lr.at(step);
        NDArray value;
        long model;
        long updated;
        float loss;
        try (NDScope scope = new NDScope()) {
            NDList[] batch = task.nextBatch(manager);
            value = Autograd.backward(() -> {
                NDArray output = task.block().forward(parameters, batch[0], true).singletonOrThrow();
                return task.loss(output, batch[1].singletonOrThrow());
            });
            model = System.nanoTime();
            optimizer.step(task.block().getParameters());
            updated = System.nanoTime();
            loss = value.getFloat();
        }
        UpdateStats stats = optimizer.takeStats();
        long end = System.nanoTime();
        lastTiming = new StepTiming((model - start) / 1e9, (updated - model) / 1e9, (end - updated) / 1e9);
        StepMetrics metrics = new StepMetrics(step, loss, eta, stats.maxUpdate(), stats.levelMaxUpdates(), stats.gradNorm(),
                (end - start) / 1e9);
        step++;
        return metrics;
    }

    /** Test loss (and accuracy for the CNN) of the current weights. */
    public EvalMetrics evaluate() {
        long start = System.nanoTime();
        double[] result;
        try (NDScope scope = new NDScope()) {
            result = task.evaluate(parameters, manager);
        }
        return new EvalMetrics(step - 1, result[0], result[1], (System.nanoTime() - start) / 1e9);
    }

    /**
     * Writes weights, every level of the optimizer state, the data order and the step to {@code file},
     * atomically (a temporary file renamed over it), so a crash never leaves half a checkpoint.
     */
    public void save(Path file) throws IOException {
        save(file, out -> { });
    }

    /** Writes bytes after the trial's state that {@link #restore(Path, Extra)} hands back. */
    @FunctionalInterface
    public interface Extra<S> {
        void accept(S stream) throws IOException;
    }

    /** As {@link #save(Path)}, with {@code extra} written into the same atomic file. */
    public void save(Path file, Extra<DataOutputStream> extra) throws IOException {
        // a unique temporary: a zombie attempt of the same trial (its driver or executor lost but
        // the JVM not yet gone) may be saving the same checkpoint at the same moment
        Path tmp = file.resolveSibling(file.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
        try (OutputStream raw = Files.newOutputStream(tmp);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw))) {
            out.writeInt(CHECKPOINT_VERSION);
            out.writeLong(step);
            task.saveState(out);
            saveWeights(out);
            optimizer.save(out);
            extra.accept(out);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Continues from a checkpoint written by {@link #save} for the same config. */
    public void restore(Path file) throws IOException {
        restore(file, in -> { });
    }

    /** As {@link #restore(Path)}, reading what {@link #save(Path, Extra)} wrote after the state. */
    public void restore(Path file, Extra<DataInputStream> extra) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            int version = in.readInt();
            if (version != CHECKPOINT_VERSION) {
                throw new IOException(file + ": checkpoint format " + version + ", this code reads " + CHECKPOINT_VERSION);
            }
            long restoredStep = in.readLong();
            task.loadState(in);
            loadWeights(in, file);
            optimizer.load(in, manager);
            extra.accept(in);
            step = restoredStep;
        } catch (RuntimeException e) { // e.g. a truncated array inside the file
            throw new IOException(file + ": unreadable checkpoint: " + e, e);
        }
    }

    /**
     * Every parameter by name, in block order. DJL's {@code saveParameters} would do, but its
     * {@code loadParameters} replaces each parameter's array with one decoded into a Java buffer
     * (see {@link HostCopy}); {@link #loadWeights} copies into the arrays the block already has.
     */
    private void saveWeights(DataOutputStream out) throws IOException {
        PairList<String, Parameter> parameters = task.block().getParameters();
        out.writeInt(parameters.size());
        for (Pair<String, Parameter> p : parameters) {
            byte[] encoded = p.getValue().getArray().encode();
            out.writeUTF(p.getKey());
            out.writeInt(encoded.length);
            out.write(encoded);
        }
    }

    private void loadWeights(DataInputStream in, Path file) throws IOException {
        PairList<String, Parameter> parameters = task.block().getParameters();
        int count = in.readInt();
        if (count != parameters.size()) {
            throw new IOException(file + ": the checkpoint holds " + count + " parameters, this trial's model has " + parameters.size());
        }
        for (Pair<String, Parameter> p : parameters) {
            String name = in.readUTF();
            if (!name.equals(p.getKey())) {
                throw new IOException(file + ": the checkpoint has parameter " + name + " where this trial's model has " + p.getKey());
            }
            int length = in.readInt();
            if (length < 0 || length > MAX_ENCODED_PARAMETER) {
                throw new IOException(file + ": parameter " + name + " claims " + length + " bytes");
            }
            byte[] encoded = new byte[length];
            in.readFully(encoded);
            NDArray target = p.getValue().getArray();
            try (NDArray saved = NDArray.decode(manager, encoded)) {
                if (!saved.getShape().equals(target.getShape()) || saved.getDataType() != target.getDataType()) {
                    throw new IOException(file + ": parameter " + name + " is " + saved.getShape() + " " + saved.getDataType()
                            + " in the checkpoint, " + target.getShape() + " " + target.getDataType() + " in this trial's model");
                }
                HostCopy.fill(target, saved.toFloatArray());
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
