package io.kadam.jobs.sql;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Spark table as aligned plain text, numbers to 6 significant digits (Spark's show() prints 17). */
public final class TablePrinter {
    private TablePrinter() {}

    public static String format(Dataset<Row> table, List<String> columns, int maxRows) {
        List<Row> rows = table.selectExpr(columns.toArray(String[]::new)).limit(maxRows + 1).collectAsList();
        StructField[] fields = table.selectExpr(columns.toArray(String[]::new)).schema().fields();
        List<String[]> cells = new ArrayList<>();
        String[] header = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            header[i] = fields[i].name();
        }
        cells.add(header);
        for (Row row : rows.subList(0, Math.min(rows.size(), maxRows))) {
            String[] line = new String[fields.length];
            for (int i = 0; i < fields.length; i++) {
                line[i] = cell(row.get(i));
            }
            cells.add(line);
        }
        int[] width = new int[fields.length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                width[i] = Math.max(width[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                out.append(i == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%" + width[i] + "s", line[i]));
            }
            out.append('\n');
        }
        if (rows.size() > maxRows) {
            out.append("... (more rows in the Parquet table)\n");
        }
        return out.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "-";
        }
        if (value instanceof Double d) {
            return Double.isNaN(d) ? "NaN" : String.format(Locale.ROOT, "%.6g", d);
        }
        return value.toString();
    }
}
