package io.kadam.optimizer.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TheoryTableTest {

    @Test
    void rowsCarryTheTheory() {
        AdamPoint defaults = new AdamPoint(0.999, 0.9);
        TheoryRow row = TheoryRow.of(defaults, 1000);
        assertEquals(0.999, row.beta());
        assertEquals(0.9, row.gamma());
        assertEquals(221.0 / 999.0, row.c(), 1e-15);
        assertEquals(Region.B_PLUS, row.region());
        assertEquals(0.0, row.predictedSlope());
        assertEquals(Math.log(0.9) - 0.5 * Math.log(0.999), row.vanishingGradientRate(), 1e-15);
        assertEquals(Stability.bound(defaults, 1000), row.bound());
        assertTrue(row.arcPosition().isEmpty());

        TheoryRow swapped = TheoryRow.of(new AdamPoint(0.9, 0.999), 10);
        assertEquals(Region.B_MINUS, swapped.region());
        assertEquals(109.0 / 1998.0, swapped.predictedSlope(), 1e-15);

        AdamPoint onBZero = new AdamPoint(0.5, 2.0 / 3.0);
        TheoryRow zero = TheoryRow.of(onBZero, OptionalDouble.of(0.25), 3, 1e-12);
        assertEquals(Region.B_ZERO, zero.region());
        assertEquals(0.0, zero.predictedSlope());
        assertEquals(Math.sqrt(15.0 / 16.0) * 81.0 / 65.0, zero.bound(), 1e-14);
        assertEquals(0.25, zero.arcPosition().getAsDouble());
    }

    @Test
    void formatsOneLinePerRowUnderAHeader() {
        List<CurvePoint> along = NormalCurve.through(new AdamPoint(0.999, 0.9)).whole().points(8);
        List<TheoryRow> rows = TheoryTable.rowsAlong(along, 1000);
        rows.addAll(TheoryTable.rows(List.of(new AdamPoint(0.5, 2.0 / 3.0)), 1000));
        rows.add(TheoryRow.of(new AdamPoint(0.5, 2.0 / 3.0), OptionalDouble.empty(), 1000, 1e-12));

        String table = TheoryTable.format(rows);
        String[] lines = table.split("\n");
        assertEquals(rows.size() + 1, lines.length, table);
        for (String column : new String[] {"beta", "gamma", "C", "region", "bound"}) {
            assertTrue(lines[0].contains(column), lines[0]);
        }
        for (int i = 0; i < rows.size(); i++) {
            String line = lines[i + 1];
            assertTrue(line.contains(" " + rows.get(i).region().label() + " "), line);
            assertEquals(lines[0].length(), line.length(), "fixed width:\n" + table);
        }
        assertTrue(lines[1].contains("B-") && lines[8].contains("B+"), table);
        assertTrue(lines[lines.length - 1].contains("B0"), table);
        assertTrue(lines[lines.length - 1].trim().startsWith("-"), "no arc position: " + lines[lines.length - 1]);
        System.out.print(table);
    }
}
