package io.kadam.jobs.store;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopStreams;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

import java.io.IOException;

/**
 * The Parquet schemas of the tables (documented column by column in the package
 * documentation) and the one way they are written.
 *
 * <p>Nullable columns are {@code optional}, the rest {@code required}; Spark reads both as
 * nullable. Arrays use Parquet's standard 3-level LIST ({@code <name> (LIST) / repeated group
 * list / element}), which Spark, Hive and Arrow all read as {@code array<double>}.
 */
public final class ResultSchema {

    public static final MessageType TRIALS = MessageTypeParser.parseMessageType("""
            message trials {
              required binary trial_id (STRING);
              required int32 idx;
              required binary status (STRING);
              optional binary reason (STRING);
              required double beta;
              required double gamma;
              required double c;
              optional binary region (STRING);
              required double arc_s;
              required int32 k;
              optional binary strategy (STRING);
              required double lr;
              required double weight_decay;
              optional binary coupling (STRING);
              required int64 seed;
              required group level_betas (LIST) { repeated group list { required double element; } }
              required group level_gammas (LIST) { repeated group list { required double element; } }
              required int64 steps_planned;
              required int64 steps_done;
              required double final_loss;
              required double best_test_loss;
              required double best_accuracy;
              required double seconds;
              required int64 finished_at (TIMESTAMP(MILLIS,true));
              optional binary attempt (STRING);
              optional binary dataset (STRING);
              optional binary config (STRING);
              required int32 schema_version;
              optional binary error (STRING);
            }
            """);

    public static final MessageType STEPS = MessageTypeParser.parseMessageType("""
            message steps {
              required binary trial_id (STRING);
              required int64 step;
              required double loss;
              required double lr;
              required double max_update;
              required group level_max_update (LIST) { repeated group list { required double element; } }
              required double grad_norm;
              required double seconds;
            }
            """);

    public static final MessageType EVALS = MessageTypeParser.parseMessageType("""
            message evals {
              required binary trial_id (STRING);
              required int64 step;
              required double test_loss;
              required double accuracy;
              required double seconds;
            }
            """);

    public static final MessageType CHECK_SERIES = MessageTypeParser.parseMessageType("""
            message check_series {
              required binary trial_id (STRING);
              required binary check (STRING);
              required binary series (STRING);
              required binary subject (STRING);
              required int64 iteration;
              required double value;
            }
            """);

    public static final MessageType CHECK_METRICS = MessageTypeParser.parseMessageType("""
            message check_metrics {
              required binary trial_id (STRING);
              required binary check (STRING);
              required binary metric (STRING);
              required double value;
            }
            """);

    public static final MessageType ANALYSIS = MessageTypeParser.parseMessageType("""
            message analysis {
              required int64 slope_step;
              required int64 n1;
              required int64 n2;
            }
            """);

    private ResultSchema() {
    }

    /** Appends {@code values} as a 3-level LIST to {@code row}'s field {@code name} (empty is fine). */
    static void appendList(Group row, String name, double[] values, int from, int to) {
        Group list = row.addGroup(name);
        for (int i = from; i < to; i++) {
            list.addGroup("list").append("element", values[i]);
        }
    }

    /** Appends a string column, leaving it null (absent) for null. */
    static void appendOptional(Group row, String name, String value) {
        if (value != null) {
            row.append(name, value);
        }
    }

    /**
     * A writer for a new file on {@code fs} (not on {@code file.getFileSystem(conf)}: the output
     * directory's file system may be the raw one, see {@link ResultLayout#fileSystem}). Snappy,
     * as Spark writes by default; fails if the file exists, as a staging directory is unique to
     * one attempt.
     */
    static ParquetWriter<Group> open(FileSystem fs, Path file, MessageType schema, Configuration conf) throws IOException {
        OutputFile target = new OutputFile() {
            @Override
            public PositionOutputStream create(long blockSizeHint) throws IOException {
                return HadoopStreams.wrap(fs.create(file, false));
            }

            @Override
            public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
                return HadoopStreams.wrap(fs.create(file, true));
            }

            @Override
            public boolean supportsBlockSize() {
                return false;
            }

            @Override
            public long defaultBlockSize() {
                return 0;
            }

            @Override
            public String getPath() {
                return file.toString();
            }
        };
        return ExampleParquetWriter.builder(target)
                .withConf(conf)
                .withType(schema)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .build();
    }
}
