package io.kadam.jobs.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * notebooks/kadam-results.zpln without Spark: it parses, its table paragraphs hold exactly the .sql files (modulo the
 * parameter syntax) and it is what {@link ZeppelinNote} generates. With {@code -Dkadam.notebooks.write=true} the test
 * rewrites the note instead of failing on a difference.
 */
class ZeppelinNoteTest {

    private static final Set<String> FORMS = Set.of("sweep", "every");

    @Test
    void theNoteIsGeneratedFromTheSqlFiles() throws Exception {
        Path note = NotebookPaths.zeppelinNote();
        String expected = ZeppelinNote.render();
        if (Boolean.getBoolean("kadam.notebooks.write")) {
            Files.writeString(note, expected, StandardCharsets.UTF_8);
        }
        assertTrue(Files.isRegularFile(note), note + " is missing: mvn -pl jobs test -Dtest=ZeppelinNoteTest -Dkadam.notebooks.write=true");
        assertEquals(expected, Files.readString(note, StandardCharsets.UTF_8),
                note + " is not what ZeppelinNote generates from the .sql files (a .sql file or the generator changed?): "
                        + "mvn -pl jobs test -Dtest=ZeppelinNoteTest -Dkadam.notebooks.write=true");
    }

    @Test
    void theNoteParsesAsAZeppelinNote() throws Exception {
        JsonNode note = ZeppelinNote.parse(Files.readString(NotebookPaths.zeppelinNote(), StandardCharsets.UTF_8));
        assertEquals("kadam results", note.path("name").asText());
        JsonNode paragraphs = note.path("paragraphs");
        assertTrue(paragraphs.isArray() && paragraphs.size() >= 9, "paragraphs: " + paragraphs.size());
        Set<String> ids = new TreeSet<>();
        for (JsonNode p : paragraphs) {
            for (String field : List.of("title", "text", "id", "status")) {
                assertTrue(p.path(field).isTextual(), p.path("title") + ": no " + field);
            }
            assertTrue(p.path("config").isObject(), p.path("title") + ": no config");
            assertTrue(ids.add(p.path("id").asText()), "duplicate paragraph id " + p.path("id"));
            String text = p.path("text").asText();
            assertTrue(text.startsWith("%md\n") || text.startsWith("%spark\n") || text.startsWith("%spark.sql\n"), p.path("title") + ": " + text);
        }
        JsonNode views = paragraph(note, ZeppelinNote.VIEWS_TITLE);
        String scala = views.path("text").asText();
        for (String needle : List.of("z.textbox(\"results\"", "createOrReplaceTempView(\"trials\")", "Seq(\"steps\", \"evals\")",
                "\"left_semi\"", "createOrReplaceTempView(table)",
                "results + \"/analysis\"", "createOrReplaceTempView(\"analysis\")")) {
            assertTrue(scala.contains(needle), "the views paragraph lacks " + needle);
        }
        assertFalse(scala.contains("${"), "a %spark paragraph must not look like a form");
    }

    @Test
    void eachTableParagraphIsTheJobsSqlAsItIs() throws Exception {
        JsonNode note = ZeppelinNote.parse(Files.readString(NotebookPaths.zeppelinNote(), StandardCharsets.UTF_8));
        List<String> tableTitles = new ArrayList<>();
        for (JsonNode p : note.path("paragraphs")) {
            if (ZeppelinNote.tableTitles().contains(p.path("title").asText())) {
                tableTitles.add(p.path("title").asText());
            }
        }
        assertEquals(ZeppelinNote.tableTitles(), tableTitles, "one paragraph per table, in ResultTables.Table order");
        for (String table : ZeppelinNote.tableTitles()) {
            String text = paragraph(note, table).path("text").asText();
            assertTrue(text.startsWith("%spark.sql\n"), table + ": " + text);
            assertEquals(NotebookPaths.sql(table), ZeppelinNote.body(text), table + ": the note's SQL differs from " + table + ".sql");
            // the parameters are per sweep, in the analysis view: no form may override them for every sweep at once
            assertEquals(Map.of(), forms(text), table + ": forms");
        }
    }

    @Test
    void onlyKnownFormsAndEveryFormHasADefault() throws Exception {
        JsonNode note = ZeppelinNote.parse(Files.readString(NotebookPaths.zeppelinNote(), StandardCharsets.UTF_8));
        for (JsonNode p : note.path("paragraphs")) {
            String text = p.path("text").asText();
            if (text.startsWith("%spark\n")) {
                continue; // Scala paragraphs have native forms (z.textbox), no templates
            }
            Map<String, String> forms = forms(text);
            assertTrue(FORMS.containsAll(forms.keySet()), p.path("title") + ": forms " + forms.keySet());
            forms.forEach((name, value) -> assertNotNull(value, p.path("title") + ": form " + name + " without a default"));
            assertFalse(text.contains("$${"), p.path("title") + ": a note-level form");
        }
    }

    static JsonNode paragraph(JsonNode note, String title) {
        for (JsonNode p : note.path("paragraphs")) {
            if (p.path("title").asText().equals(title)) {
                return p;
            }
        }
        throw new AssertionError("no paragraph titled " + title);
    }

    /** The paragraph's simple forms as Zeppelin extracts them (the last occurrence of a name wins), name -> default. */
    static Map<String, String> forms(String text) {
        Map<String, String> forms = new LinkedHashMap<>();
        Matcher m = ZeppelinNote.ZEPPELIN_FORM.matcher(text);
        while (m.find()) {
            String body = m.group(2);
            int eq = body.indexOf('=');
            forms.put((eq > 0 ? body.substring(0, eq) : body).trim(), eq > 0 ? body.substring(eq + 1) : null);
        }
        return forms;
    }
}
