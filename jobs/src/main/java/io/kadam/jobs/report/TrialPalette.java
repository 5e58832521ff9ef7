package io.kadam.jobs.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A color and a legend label for each trial of a figure with one line per trial. With many
 * trials only about {@link #MAX_LEGEND} of them, spread evenly over the sorted order, get a
 * legend entry; the shading tells the rest.
 */
final class TrialPalette {

    static final int MAX_LEGEND = 10;

    private final Map<String, Color> colors = new HashMap<>();
    private final Map<String, String> labels = new HashMap<>();
    private final Set<String> inLegend = new HashSet<>();
    private final List<TrialInfo> order;

    private TrialPalette(List<TrialInfo> order) {
        this.order = List.copyOf(order);
        int n = order.size();
        for (int i = 0; i < Math.min(n, MAX_LEGEND); i++) {
            int at = n <= MAX_LEGEND ? i : (int) Math.round(i * (n - 1) / (double) (MAX_LEGEND - 1));
            inLegend.add(order.get(at).trialId());
        }
    }

    /** Shaded by region and |C| (see {@link RegionStyle#shade}), ordered by C, labelled "C = … (B±)". */
    static TrialPalette byC(List<TrialInfo> trials) {
        List<TrialInfo> sorted = new ArrayList<>(trials);
        sorted.sort(Comparator.comparingDouble(TrialInfo::c).thenComparingInt(TrialInfo::idx));
        TrialPalette p = new TrialPalette(sorted);
        double maxPlus = trials.stream().filter(t -> t.c() > 0).mapToDouble(TrialInfo::c).max().orElse(0);
        double maxMinus = trials.stream().filter(t -> t.c() < 0).mapToDouble(t -> -t.c()).max().orElse(0);
        Set<String> taken = new HashSet<>();
        for (TrialInfo t : sorted) {
            p.colors.put(t.trialId(), RegionStyle.shade(t.region(), t.c(), t.c() > 0 ? maxPlus : maxMinus));
            p.labels.put(t.trialId(), Fmt.unique("C = " + Fmt.num(t.c()) + " (" + RegionStyle.label(t.region()) + ")", taken));
        }
        return p;
    }

    /** Greens from light (smallest β) to dark (largest β), labelled "β = …, γ = …": for B0 sweeps, where C is 0. */
    static TrialPalette byBeta(List<TrialInfo> trials) {
        List<TrialInfo> sorted = new ArrayList<>(trials);
        sorted.sort(Comparator.comparingDouble(TrialInfo::beta).thenComparingInt(TrialInfo::idx));
        TrialPalette p = new TrialPalette(sorted);
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            TrialInfo t = sorted.get(i);
            p.colors.put(t.trialId(), RegionStyle.zeroShade(sorted.size() == 1 ? 1 : i / (double) (sorted.size() - 1)));
            p.labels.put(t.trialId(), Fmt.unique("β = " + Fmt.num(t.beta()) + ", γ = " + Fmt.num(t.gamma()), taken));
        }
        return p;
    }

    /** The trials in legend order. */
    List<TrialInfo> order() {
        return order;
    }

    Color color(TrialInfo t) {
        return colors.get(t.trialId());
    }

    String label(TrialInfo t) {
        return labels.get(t.trialId());
    }

    boolean inLegend(TrialInfo t) {
        return inLegend.contains(t.trialId());
    }
}
