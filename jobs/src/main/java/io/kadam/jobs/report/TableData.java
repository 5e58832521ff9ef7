package io.kadam.jobs.report;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A result table collected to the driver: its column names and rows of plain Java values
 * (Double, Long, Integer, String, or null), small enough to draw and print.
 */
public record TableData(List<String> columns, List<List<Object>> rows) {

    public TableData {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public static TableData empty(List<String> columns) {
        return new TableData(columns, List.of());
    }

    /** The given columns of a Spark table (small: it is collected). */
    public static TableData collect(Dataset<Row> table, List<String> columns) {
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : table.selectExpr(columns.toArray(String[]::new)).collectAsList()) {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.get(i);
            }
            rows.add(Arrays.asList(values));
        }
        return new TableData(columns, rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public int size() {
        return rows.size();
    }

    public Object value(int row, String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + columns);
        }
        return rows.get(row).get(i);
    }

    /** The value as a double; NaN when it is null or not a number. */
    public double number(int row, String column) {
        return value(row, column) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** The value as text; "" when it is null. */
    public String text(int row, String column) {
        Object v = value(row, column);
        return v == null ? "" : v.toString();
    }
}
