package dev.lrlab.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lrlab.core.landscape.Landscape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The experiment being edited, with its edit rules, as plain Java: a landscape, one to
 * {@code maxRuns} runs, which are shown and which is selected. Every edit is undoable. Views only
 * forward form events here and show {@link #spec()}; the rules live in one place and are tested
 * without a browser.
 *
 * <p>Rules: a new run starts where the selected one starts; a duplicate is the selected run with
 * " ′" after its label and no colour of its own (it is drawn in its palette colour); removing a run
 * keeps the others' colours (they are fixed first) and never removes the last run; a new landscape
 * keeps every run valid — starts of the wrong dimension become the landscape's default start, game
 * settings appear for games and stages games cannot have (clipping, noise, roll-back, the curvature
 * schedule) are dropped.
 */
public final class ExperimentDraft {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Undo steps kept. */
    static final int HISTORY = 100;

    private final int maxRuns;
    private State state;
    private final Deque<State> undo = new ArrayDeque<>();
    private final Deque<State> redo = new ArrayDeque<>();

    /** Everything an edit can change, immutable once recorded. */
    private record State(Map<String, Object> landscape, List<Map<String, Object>> runs, List<Boolean> visible,
                         int selected) {
    }

    public ExperimentDraft(int maxRuns) {
        this.maxRuns = maxRuns;
        this.state = new State(new LinkedHashMap<>(), List.of(), List.of(), 0);
    }

    // ------------------------------------------------------------------ reading

    /** The spec as edited (fresh copies: callers may keep or change it). */
    public Map<String, Object> spec() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("version", 1);
        spec.put("landscape", copy(state.landscape()));
        List<Object> runs = new ArrayList<>();
        for (Map<String, Object> r : state.runs()) {
            runs.add(copy(r));
        }
        spec.put("runs", runs);
        return spec;
    }

    public Map<String, Object> landscape() {
        return copy(state.landscape());
    }

    public int runCount() {
        return state.runs().size();
    }

    public Map<String, Object> run(int i) {
        return copy(state.runs().get(i));
    }

    public int selected() {
        return state.selected();
    }

    public boolean isVisible(int i) {
        return state.visible().get(i);
    }

    public List<Boolean> visibility() {
        return state.visible();
    }

    /** A run's colour: its own, or its palette colour. */
    public String color(int i) {
        Object c = state.runs().get(i).get("color");
        return c instanceof String s ? s : RunPalette.color(i);
    }

    public String label(int i) {
        Object l = state.runs().get(i).get("label");
        return l == null ? "" : l.toString();
    }

    public boolean canAddRun() {
        return runCount() < maxRuns;
    }

    public boolean canRemoveRun() {
        return runCount() > 1;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    // ------------------------------------------------------------------ editing

    /** Replaces everything (a loaded link, preset or the default); clears the history. */
    @SuppressWarnings("unchecked")
    public void load(Map<String, Object> spec) {
        List<Map<String, Object>> runs = new ArrayList<>();
        List<Boolean> visible = new ArrayList<>();
        for (Object r : (List<?>) spec.get("runs")) {
            runs.add(copy((Map<String, Object>) r));
            visible.add(true);
        }
        state = new State(copy((Map<String, Object>) spec.get("landscape")), runs, visible, 0);
        undo.clear();
        redo.clear();
    }

    /** Selecting is not an edit of the experiment: no undo step. */
    public void select(int i) {
        if (i >= 0 && i < runCount()) {
            state = new State(state.landscape(), state.runs(), state.visible(), i);
        }
    }

    /** Showing or hiding a run changes the view, not the experiment, and never selects it. */
    public void setVisible(int i, boolean shown) {
        List<Boolean> v = new ArrayList<>(state.visible());
        v.set(i, shown);
        state = new State(state.landscape(), state.runs(), v, state.selected());
    }

    /** The selected run as its form now holds it. */
    public void setRun(Map<String, Object> run) {
        List<Map<String, Object>> runs = mutableRuns();
        runs.set(state.selected(), copy(run));
        commit(state.landscape(), runs, state.visible(), state.selected());
    }

    /** A click on the landscape: the selected run starts there (first two coordinates). */
    @SuppressWarnings("unchecked")
    public void setStart(double[] point) {
        List<Map<String, Object>> runs = mutableRuns();
        Map<String, Object> r = runs.get(state.selected());
        List<Object> start = r.get("start") instanceof List<?> l ? new ArrayList<>((List<Object>) l) : new ArrayList<>();
        for (int k = 0; k < point.length; k++) {
            if (k < start.size()) {
                start.set(k, point[k]);
            } else {
                start.add(point[k]);
            }
        }
        r.put("start", start);
        commit(state.landscape(), runs, state.visible(), state.selected());
    }

    /**
     * A new landscape spec; {@code built} is that landscape when it is valid (null while the form
     * holds an invalid one: the runs are then left as they are).
     */
    public void setLandscape(Map<String, Object> landscape, Landscape built) {
        List<Map<String, Object>> runs = mutableRuns();
        if (built != null) {
            for (Map<String, Object> run : runs) {
                fitRunTo(run, built);
            }
        }
        commit(copy(landscape), runs, state.visible(), state.selected());
    }

    @SuppressWarnings("unchecked")
    private static void fitRunTo(Map<String, Object> run, Landscape l) {
        if (!(run.get("start") instanceof List<?> start) || start.size() != l.dim()) {
            List<Double> s = new ArrayList<>();
            for (double d : l.defaultStart()) {
                s.add(d);
            }
            run.put("start", s);
        }
        if (!l.isGame()) {
            run.remove("game");
            return;
        }
        run.remove("clipNorm");
        run.remove("noise");
        run.remove("rollback");
        if (run.get("schedule") instanceof Map<?, ?> s && "curvature".equals(((Map<String, Object>) s).get("type"))) {
            run.put("schedule", new LinkedHashMap<>(Map.of("type", "constant")));
        }
    }

    /** A new default run starting where the selected run starts; selects it. */
    public boolean addRun() {
        if (!canAddRun()) {
            return false;
        }
        List<Map<String, Object>> runs = mutableRuns();
        Map<String, Object> r = DefaultExperiment.run(runs.size());
        Object start = runs.isEmpty() ? null : runs.get(state.selected()).get("start");
        if (start != null) {
            r.put("start", start);
        }
        runs.add(r);
        return appendRun(runs);
    }

    /** A copy of the selected run (then change one thing); selects it. */
    public boolean duplicateRun() {
        if (!canAddRun() || runCount() == 0) {
            return false;
        }
        List<Map<String, Object>> runs = mutableRuns();
        Map<String, Object> copy = copy(runs.get(state.selected()));
        copy.put("label", copy.getOrDefault("label", "") + " ′");
        copy.remove("color");
        runs.add(copy);
        return appendRun(runs);
    }

    private boolean appendRun(List<Map<String, Object>> runs) {
        List<Boolean> visible = new ArrayList<>(state.visible());
        visible.add(true);
        commit(state.landscape(), runs, visible, runs.size() - 1);
        return true;
    }

    /** Removes the selected run (never the last one); the others keep their colours. */
    public boolean removeRun() {
        if (!canRemoveRun()) {
            return false;
        }
        List<Map<String, Object>> runs = mutableRuns();
        for (int i = 0; i < runs.size(); i++) {
            runs.get(i).putIfAbsent("color", RunPalette.color(i));
        }
        int gone = state.selected();
        runs.remove(gone);
        List<Boolean> visible = new ArrayList<>(state.visible());
        visible.remove(gone);
        commit(state.landscape(), runs, visible, Math.max(0, gone - 1));
        return true;
    }

    public boolean undo() {
        if (undo.isEmpty()) {
            return false;
        }
        redo.push(state);
        state = undo.pop();
        return true;
    }

    public boolean redo() {
        if (redo.isEmpty()) {
            return false;
        }
        undo.push(state);
        state = redo.pop();
        return true;
    }

    private void commit(Map<String, Object> landscape, List<Map<String, Object>> runs, List<Boolean> visible,
                        int selected) {
        State next = new State(landscape, Collections.unmodifiableList(runs), List.copyOf(visible), selected);
        if (sameExperiment(next, state)) {
            state = next;
            return;
        }
        undo.push(state);
        while (undo.size() > HISTORY) {
            undo.removeLast();
        }
        redo.clear();
        state = next;
    }

    private static boolean sameExperiment(State a, State b) {
        return a.landscape().equals(b.landscape()) && a.runs().equals(b.runs());
    }

    private List<Map<String, Object>> mutableRuns() {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (Map<String, Object> r : state.runs()) {
            runs.add(copy(r));
        }
        return runs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> m) {
        if (m == null) {
            return new LinkedHashMap<>();
        }
        try {
            return JSON.readValue(JSON.writeValueAsBytes(m), LinkedHashMap.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
