package dev.lrlab.experiment.compare;

import dev.lrlab.experiment.Compiled;
import dev.lrlab.experiment.DefaultExperiment;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.experiment.ExperimentWorkspace;
import dev.lrlab.share.ShareCodeException;
import dev.lrlab.spec.SpecException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Compare page's panels: one {@link ExperimentWorkspace} per panel, so each panel is edited like
 * the playground (one compile per edit), plus what only a comparison has: opening a comparison
 * code or preset (each panel compiled once), duplicate / remove / add, what differs from panel 1
 * and the comparison's share code. Not thread-safe: one UI session owns it.
 */
public final class ComparisonWorkspace {
    private final ExperimentService service;
    private final List<ExperimentWorkspace> panels = new ArrayList<>();

    public ComparisonWorkspace(ExperimentService service) {
        this.service = service;
    }

    public List<ExperimentWorkspace> panels() {
        return List.copyOf(panels);
    }

    public ExperimentWorkspace panel(int i) {
        return panels.get(i);
    }

    public int size() {
        return panels.size();
    }

    /**
     * Opens a share code. A comparison code gives its panels; an experiment's code (the
     * playground's "Compare…") gives that experiment in panel 1 and a copy in panel 2, compiled once.
     */
    public void open(String code) {
        Map<String, Object> spec = service.unpack(code);
        try {
            if (Comparison.isComparison(spec)) {
                load(spec);
            } else {
                Compiled c = service.compile(spec);
                show(List.of(c, c));
            }
        } catch (SpecException e) {
            throw new ShareCodeException("unrunnable", "The share code holds a spec this server cannot run: "
                    + (e.field() == null || e.field().isEmpty() ? "" : e.field() + " ") + e.getMessage(), e,
                    (e.field() == null || e.field().isEmpty() ? "" : e.field() + " ") + e.getMessage());
        }
    }

    /** Loads a comparison spec ({@code {"version":1,"panels":[…]}}): each panel compiled once. */
    public void load(Map<String, ?> comparison) {
        show(Comparison.compile(service, comparison).panels());
    }

    private void show(List<Compiled> compiled) {
        panels.clear();
        for (Compiled c : compiled) {
            panels.add(workspaceOf(c));
        }
    }

    private ExperimentWorkspace workspaceOf(Compiled c) {
        ExperimentWorkspace w = new ExperimentWorkspace(service);
        w.load(c); // a compiled experiment is immutable: panels may share it until one is edited
        return w;
    }

    public boolean canAdd() {
        return panels.size() < Comparison.MAX_PANELS;
    }

    public boolean canRemove() {
        return panels.size() > Comparison.MIN_PANELS;
    }

    /** A copy of panel {@code i} right after it ("duplicate, then change one thing"); false when full or invalid. */
    public boolean duplicate(int i) {
        Compiled c = panels.get(i).compiled();
        if (!canAdd() || c == null) {
            return false;
        }
        panels.add(i + 1, workspaceOf(c));
        return true;
    }

    /** A new panel with the default experiment at the end; false when full. */
    public boolean add() {
        if (!canAdd()) {
            return false;
        }
        ExperimentWorkspace w = new ExperimentWorkspace(service);
        w.load(DefaultExperiment.spec());
        panels.add(w);
        return true;
    }

    public boolean remove(int i) {
        if (!canRemove()) {
            return false;
        }
        panels.remove(i);
        return true;
    }

    /** Every panel's compiled experiment, or null while one of them does not compile. */
    public List<Compiled> compiled() {
        List<Compiled> out = new ArrayList<>();
        for (ExperimentWorkspace w : panels) {
            if (w.compiled() == null) {
                return null;
            }
            out.add(w.compiled());
        }
        return out;
    }

    /** The comparison of the panels as they are (no compile), or null while one is invalid. */
    public Comparison comparison() {
        List<Compiled> c = compiled();
        return c == null ? null : Comparison.of(c, RunMetrics.DEFAULT_TOLERANCE);
    }

    /** Per panel, what differs from panel 1 (empty for panel 1 and for a panel that does not compile). */
    public List<List<SpecDiff.Difference>> differences() {
        List<List<SpecDiff.Difference>> out = new ArrayList<>();
        Compiled base = panels.get(0).compiled();
        for (ExperimentWorkspace w : panels) {
            Compiled c = w.compiled();
            out.add(base == null || c == null || w == panels.get(0) ? List.of()
                    : SpecDiff.of(base.canonical(), c.canonical()));
        }
        return out;
    }

    /** The comparison's minimal form: {@code {"version":1,"panels":[<minimal panel>, …]}}; null while one is invalid. */
    public Map<String, Object> minimal() {
        List<Compiled> c = compiled();
        if (c == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", 1);
        m.put("panels", c.stream().map(Compiled::minimal).toList());
        return m;
    }

    /** The comparison's share code (no compile); null while a panel is invalid. */
    public String shareCode() {
        Map<String, Object> m = minimal();
        return m == null ? null : service.pack(m);
    }
}
