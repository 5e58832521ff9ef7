package io.kadam.jobs.report;

import io.kadam.jobs.spec.Analysis;
import io.kadam.jobs.sql.ResultTables;
import io.kadam.jobs.sql.ResultTables.Table;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The self-contained {@code index.html} of a sweep's report: what was run and by which code, each
 * figure embedded as a base64 PNG data URI with its caption, and the key tables. No scripts, no
 * external files.
 */
final class HtmlPage {

    /** A figure and its rendered PNG. */
    record Rendered(Figure figure, byte[] png) {}

    private static final String STYLE = """
            body { font-family: sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; }
            h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
            table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 0.9em; }
            th, td { border: 1px solid #ccc; padding: 3px 8px; } th { background: #f2f2f2; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            table.meta th { text-align: left; }
            figure { margin: 1.5em 0; } figure img { max-width: 100%; border: 1px solid #ddd; }
            figcaption { margin-top: 0.4em; } .note { color: #666; }
            """;

    private HtmlPage() {}

    static String render(SweepData data, List<Rendered> figures, List<String> problems, CodeVersion version, Instant made,
                         String resultsDir) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>kadam report: ")
                .append(esc(data.name())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<h1>kadam report: sweep <code>").append(esc(data.name())).append("</code></h1>\n");
        meta(h, data, version, made, resultsDir);

        h.append("<h2>Figures</h2>\n");
        if (figures.isEmpty()) {
            h.append("<p class=\"note\">No figure: this sweep has no data that the figures show.</p>\n");
        }
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i).figure();
            h.append("<figure id=\"").append(esc(f.fileName().replace(".png", ""))).append("\">\n<img src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(figures.get(i).png())).append("\" alt=\"").append(esc(f.title()))
                    .append("\" width=\"").append(ChartStyle.WIDTH).append("\">\n<figcaption><b>Figure ").append(i + 1).append(". ")
                    .append(esc(f.title())).append(".</b> ").append(esc(f.caption())).append(" <span class=\"note\">(")
                    .append(esc(f.fileName())).append(")</span></figcaption>\n</figure>\n");
        }
        for (String problem : problems) {
            h.append("<p class=\"note\">").append(esc(problem)).append("</p>\n");
        }

        h.append("<h2>Tables</h2>\n");
        Analysis p = data.params();
        if (data.isCheckSweep()) {
            table(h, checkMetrics(data), "check_metrics: the " + data.check().kind() + " check's numbers per trial");
        } else if (data.isProductGrid()) {
            table(h, data.table(Table.BEST_ACCURACY), "best_accuracy: best test accuracy over lr × weight decay per k × strategy × coupling");
            table(h, data.table(Table.BEST_LOSS_BY_K), "best_loss_by_k: best test loss over lr × weight decay per k × strategy × coupling");
        } else {
            table(h, data.table(Table.SLOPE_VS_C), "slope_vs_c: slope of log max-update at n = " + p.slopeStep() + " (from n ± 5) vs |C|/2");
            table(h, data.table(Table.BOUND_VIOLATIONS), "bound_violations: steps above the Eq. 5 bound");
            TableData best = data.table(Table.BEST_LOSS);
            boolean evaluated = IntStream.range(0, best.size()).anyMatch(i -> best.value(i, "best_loss_n2") != null);
            if (evaluated) {
                table(h, best, "best_loss: best test loss within the first " + p.n1() + " and " + p.n2() + " iterations");
            }
        }
        notCompleted(h, data);
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void meta(StringBuilder h, SweepData data, CodeVersion version, Instant made, String resultsDir) {
        Map<String, Long> counts = data.statusCounts();
        String statuses = counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        Analysis p = data.params();
        h.append("<table class=\"meta\">\n");
        row(h, "sweep", data.name());
        row(h, "grid", data.isProductGrid() ? "product grid (k-Adam: k × strategy × lr × weight decay × coupling)"
                : data.isB0Sweep() ? "Adam at points on B0 (C = 0)" : "Adam at points of the (β, γ) plane");
        if (data.isCheckSweep()) {
            row(h, "check", data.check().kind() + ": every trial ran this continuous-time check on its AdamW training run");
        }
        row(h, "trials", data.trials().size() + (statuses.isEmpty() ? "" : ": " + statuses));
        row(h, "code", version.describe());
        row(h, "made", DateTimeFormatter.ISO_INSTANT.format(made.atOffset(ZoneOffset.UTC).withNano(0).toInstant()));
        row(h, "results", resultsDir);
        row(h, "table parameters", "slope at n = " + p.slopeStep() + " (from n ± 5); best loss within N₁ = " + p.n1() + " and N₂ = "
                + p.n2() + " iterations");
        row(h, "notation", "β = second-moment decay (PyTorch beta2), γ = momentum (PyTorch beta1), C = 2/γ − 1/β − 1; "
                + "B+ (C > 0): bounded updates, B− (C < 0): growing, B0: C = 0");
        h.append("</table>\n");
    }

    private static void row(StringBuilder h, String key, String value) {
        h.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    private static void table(StringBuilder h, TableData t, String title) {
        if (t.isEmpty()) {
            return;
        }
        h.append("<h3>").append(esc(title)).append("</h3>\n<table>\n<tr>");
        for (String c : t.columns()) {
            h.append("<th>").append(esc(c)).append("</th>");
        }
        h.append("</tr>\n");
        for (List<Object> r : t.rows()) {
            h.append("<tr>");
            for (Object v : r) {
                h.append(v instanceof Number ? "<td class=\"num\">" : "<td>").append(esc(Fmt.cell(v))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    /** One row per trial: its coordinates and every metric of its check, in the check's order. */
    private static TableData checkMetrics(SweepData data) {
        List<String> names = data.check().metricNames();
        List<String> columns = new ArrayList<>(List.of("idx", "lr", "beta", "gamma", "weight_decay", "seed"));
        columns.addAll(names);
        List<List<Object>> rows = new ArrayList<>();
        for (TrialInfo t : data.trials()) {
            List<Object> row = new ArrayList<>(Arrays.asList(t.idx(), t.lr(), t.beta(), t.gamma(), t.weightDecay(), t.seed()));
            for (String name : names) {
                row.add(data.check().metric(t.trialId(), name));
            }
            rows.add(row);
        }
        return new TableData(columns, rows);
    }

    /** The trials that ended other than completed, with why. */
    private static void notCompleted(StringBuilder h, SweepData data) {
        List<List<Object>> rows = new ArrayList<>();
        for (TrialInfo t : data.trials()) {
            if (!"completed".equals(t.status())) {
                rows.add(Arrays.asList(t.idx(), t.trialId(), t.status(), t.stepsDone(), t.reason()));
            }
        }
        table(h, new TableData(List.of("idx", "trial_id", "status", "steps_done", "reason"), rows), "trials that did not complete");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
