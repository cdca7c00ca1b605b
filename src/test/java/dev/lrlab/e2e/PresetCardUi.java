package dev.lrlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a student reads, and the record of each comparison for the report. The primitives read
 * the page ({@link Page}); {@code PresetCardsTableTest} reads the same numbers off the engine's
 * rows as the page would format them, so the table's claims are checked without a browser too.
 */
abstract class PresetCardUi {
    final String id;
    final List<String> seen = new ArrayList<>();

    PresetCardUi(String id) {
        this.id = id;
    }

    /** The divergence banner's text, or "" when it is hidden. */
    abstract String banner();

    /** The text of readout {@code key} for run {@code run} selected, the timeline where it is. */
    abstract String readoutText(int run, String key);

    /** The same with the timeline parked at {@code step}. */
    abstract String readoutTextAt(int run, int step, String key);

    /** The run's marker on the landscape with the timeline at {@code step} (1-D: θ and its loss). */
    abstract double[] markerAt(int run, int step);

    /** A chart's data per series, x → y, as its CSV export writes it. */
    abstract List<TreeMap<Double, Double>> chart(String chartId);

    /** The text of an element (end-of-run readouts). */
    abstract String text(String selector);

    /** The step in "‹label› diverged at step k" of the banner. */
    int divergedAt(String label) {
        for (String part : banner().split(" · ")) {
            if (part.startsWith(label + " diverged at step ")) {
                return Integer.parseInt(part.substring((label + " diverged at step ").length()).trim());
            }
        }
        throw new AssertionError(id + ": no '" + label + " diverged' in the banner: " + banner());
    }

    /** A readout of the selected run (the analysis ones need no step). */
    double readout(int run, String key) {
        return one(key, readoutText(run, key));
    }

    double[] readoutList(int run, String key) {
        return numbers(readoutText(run, key)).stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A readout (loss, lr, grad) of run {@code run} with the timeline parked at {@code step}. */
    double readoutAt(int run, int step, String key) {
        return one(key, readoutTextAt(run, step, key));
    }

    private double one(String key, String text) {
        List<Double> n = numbers(text);
        assertThat(n).as(id + ": readout " + key + " = '" + text + "'").hasSize(1);
        return n.get(0);
    }

    /** A number of the end-of-run readouts: sharpness, edge or test of run {@code run}. */
    double endValue(String what, int run) {
        List<Double> n = numbers(text("#end-" + what + "-" + run));
        return n.get(n.size() - 1);
    }

    double eq(String what, double page, double engine, double relTol) {
        seen.add(what + " " + fmt(page));
        // readouts: relative (4 significant digits, also for 1e-28); chart points: exact up to rounding
        double tol = relTol == 0 ? 0 : Math.max(relTol * Math.abs(engine), relTol == PresetCardsIT.CHART ? 1e-15 : 0);
        assertThat(page).as(id + ": " + what + " on the page vs the engine").isCloseTo(engine, within(tol));
        return page;
    }

    void eq(String what, int page, Integer engine) {
        seen.add(what + " " + page);
        assertThat(engine).as(id + ": the engine has a value for " + what).isNotNull();
        assertThat(page).as(id + ": " + what + " on the page vs the engine").isEqualTo(engine.intValue());
    }

    void eqList(String what, double[] page, double[] engine) {
        assertThat(page).as(id + ": " + what).hasSameSizeAs(engine);
        for (int i = 0; i < page.length; i++) {
            eq(what + "[" + i + "]", page[i], engine[i], PresetCardsIT.READOUT);
        }
    }

    void claim(String what, boolean holds) {
        assertThat(holds).as(id + ": the card's claim: " + what).isTrue();
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:e-?\\d+)?");

    /** Every number in a readout's text, in order. */
    static List<Double> numbers(String text) {
        List<Double> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(Double.parseDouble(m.group()));
        }
        return out;
    }

    /** A figure for the report, 4 significant digits like the page. */
    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }

    /** The primitives read off the playground in Chromium. */
    static final class Page extends PresetCardUi {
        final PlaygroundPage p;

        Page(PlaygroundPage p, String id) {
            super(id);
            this.p = p;
        }

        @Override
        String banner() {
            return p.bannerVisible() ? p.banner() : "";
        }

        private void select(int run) {
            if (!p.runSelected(run)) {
                p.selectRun(run);
            }
        }

        @Override
        String readoutText(int run, String key) {
            select(run);
            return p.readout(key);
        }

        @Override
        String readoutTextAt(int run, int step, String key) {
            select(run);
            p.showStep(step);
            return p.readout(key);
        }

        @Override
        double[] markerAt(int run, int step) {
            // the readouts (of this run: a diverged one stops earlier) follow the same timeline; the
            // landscape counts its playhead in points (step / stride)
            select(run);
            p.showStep(step);
            return p.marker(run);
        }

        @Override
        List<TreeMap<Double, Double>> chart(String chartId) {
            return p.chartSeries(chartId);
        }

        @Override
        String text(String selector) {
            return p.text(selector);
        }
    }
}
