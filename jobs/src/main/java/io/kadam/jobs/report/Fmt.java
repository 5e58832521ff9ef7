package io.kadam.jobs.report;

import java.util.Locale;
import java.util.Set;

/** Number and label formatting for figures and the page. */
final class Fmt {
    private Fmt() {}

    /** 4 significant digits, a real minus sign, no exponent for ordinary magnitudes. */
    static String num(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (x == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.4g", x);
        if (s.contains("e")) {
            String[] parts = s.split("e");
            s = stripZeros(parts[0]) + "e" + Integer.parseInt(parts[1]);
        } else {
            s = stripZeros(s);
        }
        return s.replace('-', '−');
    }

    /** A value for a table cell: 6 significant digits like the printed tables, "–" for null. */
    static String cell(Object value) {
        if (value == null) {
            return "–";
        }
        if (value instanceof Double d) {
            return Double.isNaN(d) ? "NaN" : String.format(Locale.ROOT, "%.6g", d);
        }
        return value.toString();
    }

    /** name, or name with " (2)", " (3)", ... if it is taken; the result is added to taken. */
    static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = name + " (" + i + ")";
        }
        return candidate;
    }

    private static String stripZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
