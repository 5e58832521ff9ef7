package io.kadam.jobs.notebooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the notebooks and the tables' SQL are, from the jobs module (surefire's working directory) or the root. */
final class NotebookPaths {
    private NotebookPaths() {}

    /** The repository root: the first directory up from the working directory holding notebooks/ and jobs/. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("notebooks")) && Files.isDirectory(dir.resolve("jobs/src/main/resources/sql"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no notebooks/ and jobs/src/main/resources/sql above " + Path.of("").toAbsolutePath());
    }

    static Path notebooks() {
        return root().resolve("notebooks");
    }

    static Path zeppelinNote() {
        return notebooks().resolve("kadam-results.zpln");
    }

    static Path jupyterNotebook() {
        return notebooks().resolve("kadam-results.ipynb");
    }

    static Path sqlDir() {
        return root().resolve("jobs/src/main/resources/sql");
    }

    /** The text of a table's .sql file, as ResultTables reads it. */
    static String sql(String table) {
        try {
            return Files.readString(sqlDir().resolve(table + ".sql"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
