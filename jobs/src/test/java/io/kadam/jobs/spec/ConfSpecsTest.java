package io.kadam.jobs.spec;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every sweep spec in conf/ parses and expands; the paper's experiments have the paper's sizes. */
class ConfSpecsTest {

    // tests run in jobs/; conf/ is beside it
    private static final Path CONF = Path.of(System.getProperty("user.dir")).getParent().resolve("conf");

    /** The data is not on every machine: only the specs are checked here, not their data files. */
    private static SweepSpec parse(String name) {
        return SpecParser.parse(CONF.resolve(name + ".yaml"), DataCheck.NONE);
    }

    @Test
    void everySpecParsesAndExpandsIntoDistinctTrials() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> yamls = Files.newDirectoryStream(CONF, "*.yaml")) {
            yamls.forEach(files::add);
        }
        assertTrue(files.size() >= 17, "expected the paper's specs, their CPU presets and quickstart in " + CONF);
        for (Path file : files) {
            SweepSpec spec = SpecParser.parse(file, DataCheck.NONE);
            String fileName = file.getFileName().toString();
            assertEquals(fileName.substring(0, fileName.length() - ".yaml".length()), spec.name(), fileName);
            List<TrialSpec> trials = SweepExpander.expand(spec);
            assertEquals(spec.trialCount(), trials.size(), fileName);
            Set<String> ids = new HashSet<>();
            for (TrialSpec t : trials) {
                assertTrue(ids.add(t.trialId()), fileName + ": trial " + t.index() + " repeats id " + t.trialId());
                assertEquals(spec.name(), t.sweep());
            }
        }
    }

    @Test
    void paperExperimentsHaveThePapersSizes() {
        Map<String, Integer> counts = Map.of("fig3", 64, "fig4", 128, "fig7", 11, "fig12", 128, "fig13", 128,
                // k = 1 (Adam) once for all 4 strategies
                "fig6", (1 + 9 * 4) * 6 * 5 * 2, "fig16", (1 + 4 * 4) * 5 * 3, "quickstart", 4);
        counts.forEach((name, count) -> assertEquals(count, SweepExpander.expand(parse(name)).size(), name));
    }

    @Test
    void fig3CrossesFromBMinusIntoBPlus() {
        List<TrialSpec> trials = SweepExpander.expand(parse("fig3"));
        long minus = trials.stream().filter(t -> t.point().region().equals("B-")).count();
        assertTrue(minus > 0 && minus < trials.size(), minus + " of " + trials.size() + " in B-");
        assertEquals(3000, trials.get(0).config().steps());
    }

    @Test
    void quickstartHasAtLeastTwoPointsInBMinusAndNeedsNoData() {
        SweepSpec spec = SpecParser.parse(CONF.resolve("quickstart.yaml"), DataCheck.resolver(Map.of()));
        long minus = SweepExpander.expand(spec).stream().filter(t -> t.point().region().equals("B-")).count();
        assertTrue(minus >= 2, minus + " points in B-");
    }

    @Test
    void fig7PointsReadB0() {
        for (TrialSpec t : SweepExpander.expand(parse("fig7-cpu"))) {
            assertEquals("B0", t.point().region(), "C = " + t.point().c());
        }
    }

    @Test
    void fig6CountsEpochsInSteps() {
        TrialSpec first = SweepExpander.expand(parse("fig6")).get(0);
        long stepsPerEpoch = 98; // ceil(50000 / 512)
        assertEquals(100 * stepsPerEpoch, first.config().steps());
        assertEquals(5 * stepsPerEpoch, first.config().evalInterval());
        assertEquals(stepsPerEpoch, first.config().schedule().stepsPerUnit());
        assertEquals(100, first.config().schedule().total());
        assertEquals(first.point().lr() / 10, first.config().schedule().floor(), 1e-18);
    }

    @Test
    void fig6CpuLetsAdamReachItsBestLearningRate() {
        List<TrialSpec> trials = SweepExpander.expand(parse("fig6-cpu"));
        Set<Double> lrs = new HashSet<>();
        trials.stream().filter(t -> t.point().k() == 1).forEach(t -> lrs.add(t.point().lr()));
        assertTrue(lrs.contains(1e-2) && lrs.contains(3e-3), "lrs " + lrs);
        assertFalse(trials.stream().anyMatch(t -> !t.point().coupling().equals("decoupled")));
    }

    @Test
    void fig14IsAllBMinusAndAnnealed() {
        for (TrialSpec t : SweepExpander.expand(parse("fig14"))) {
            assertEquals("B-", t.point().region(), "C = " + t.point().c());
            assertTrue(t.config().schedule().anneal());
        }
    }
}
