package io.kadam.jobs.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** notebooks/kadam-results.ipynb as committed, without Python: outputs cleared, the jobs' tables, the requirements. */
class JupyterNotebookFileTest {

    private static JsonNode notebook() throws Exception {
        return ZeppelinNote.parse(Files.readString(NotebookPaths.jupyterNotebook(), StandardCharsets.UTF_8));
    }

    private static String code(JsonNode nb) {
        StringBuilder all = new StringBuilder();
        for (JsonNode cell : nb.path("cells")) {
            if (cell.path("cell_type").asText().equals("code")) {
                cell.path("source").forEach(line -> all.append(line.asText()));
                all.append('\n');
            }
        }
        return all.toString();
    }

    @Test
    void committedWithoutOutputs() throws Exception {
        JsonNode nb = notebook();
        assertEquals(4, nb.path("nbformat").asInt());
        assertEquals("python3", nb.path("metadata").path("kernelspec").path("name").asText());
        int code = 0;
        for (JsonNode cell : nb.path("cells")) {
            if (cell.path("cell_type").asText().equals("code")) {
                code++;
                String id = cell.path("id").asText();
                assertEquals(0, cell.path("outputs").size(), "cell " + id + " has outputs: clear them before committing "
                        + "(jupyter nbconvert --clear-output --inplace notebooks/kadam-results.ipynb)");
                assertTrue(cell.path("execution_count").isNull(), "cell " + id + " has an execution count: clear the outputs");
            }
        }
        assertTrue(code >= 7, "code cells: " + code);
    }

    @Test
    void readsTheJobsSqlFilesForEveryTable() throws Exception {
        String code = code(notebook());
        assertTrue(code.contains("os.environ.get(\"KADAM_RESULTS\", \"../results\")"), "KADAM_RESULTS default");
        assertTrue(code.contains("os.environ.get(\"KADAM_SQL_DIR\", \"../jobs/src/main/resources/sql\")"), "KADAM_SQL_DIR default");
        assertTrue(Files.isDirectory(NotebookPaths.notebooks().resolve("../jobs/src/main/resources/sql")));
        Matcher m = Pattern.compile("TABLES = \\[([^]]*)]").matcher(code);
        assertTrue(m.find(), "no TABLES list");
        List<String> tables = new ArrayList<>();
        for (String t : m.group(1).split(",")) {
            tables.add(t.trim().replace("\"", ""));
        }
        assertEquals(ZeppelinNote.tableTitles(), tables, "the notebook's tables are ResultTables.Table's, in order");
        assertTrue(code.contains("hive_partitioning = true"), "sweep from the sweep=<name> directories");
        assertTrue(code.contains("SEMI JOIN trials"), "steps and evals of committed trials only");
        assertTrue(code.contains("source(\"analysis\")"), "each sweep's parameters from the analysis table");
        assertTrue(!code.contains("KADAM_N"), "no notebook-wide parameters: they belong to each sweep");
    }

    @Test
    void requirementsNameWhatTheNotebookAndItsTestImport() throws Exception {
        String req = Files.readString(NotebookPaths.notebooks().resolve("requirements.txt"), StandardCharsets.UTF_8);
        for (String pkg : List.of("duckdb", "pandas", "pyarrow", "matplotlib", "ipykernel", "nbclient", "nbconvert")) {
            assertTrue(Pattern.compile("(?m)^" + pkg + "\\b").matcher(req).find(), "requirements.txt lacks " + pkg);
        }
    }
}
