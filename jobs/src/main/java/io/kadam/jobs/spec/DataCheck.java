package io.kadam.jobs.spec;

import io.kadam.model.data.DataException;
import io.kadam.model.data.DatasetResolver;

import java.nio.file.Path;
import java.util.Map;

/**
 * Whether a spec's data set is where its trials will look for it, checked at parse time so that a
 * missing file fails the sweep before Spark starts, not in every task. Pluggable so that tests
 * can point it at a temporary directory, or skip it for specs whose data is not on the machine.
 */
@FunctionalInterface
public interface DataCheck {

    /** Throws {@link DataException}, naming the missing file and where it looked, when the data is not there. */
    void require(DataSpec data);

    /** Checks nothing. */
    DataCheck NONE = data -> {
    };

    /**
     * Resolves the data set as a trial will ({@link DatasetResolver}): under the spec's
     * {@code data_dir}, else {@code KADAM_DATA_DIR} from {@code env}. "generated" needs no files.
     */
    static DataCheck resolver(Map<String, String> env) {
        return data -> {
            if (!data.dataset().equals(SpecParser.GENERATED)) {
                new DatasetResolver(data.dataDir() == null ? null : Path.of(data.dataDir()), env).resolve(data.dataset());
            }
        };
    }

    /** {@link #resolver} with this process's environment. */
    static DataCheck fromEnvironment() {
        return resolver(System.getenv());
    }
}
