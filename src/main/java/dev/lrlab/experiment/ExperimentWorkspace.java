package dev.lrlab.experiment;

import dev.lrlab.core.landscape.Landscape;
import dev.lrlab.spec.SpecException;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One page's experiment: the {@link ExperimentDraft} being edited and the experiment it compiles
 * to. Every edit compiles exactly once and every opened link or preset once; the result (or the
 * error that says which field is wrong) is kept until the next edit, so a page, a comparison panel
 * or a class seat reads it as often as it likes without compiling again. Not thread-safe: one UI
 * session owns it.
 */
public final class ExperimentWorkspace {
    private final ExperimentService service;
    private final ExperimentDraft draft;
    private Compiled compiled;
    private SpecException error;

    public ExperimentWorkspace(ExperimentService service) {
        this.service = service;
        this.draft = new ExperimentDraft(service.limits().maxRuns());
    }

    /**
     * The draft, for reading (labels, colours) and for view state that is no edit (which run is
     * selected or shown); changes to the experiment go through {@link #edit} so they compile.
     */
    public ExperimentDraft draft() {
        return draft;
    }

    /** The compiled experiment of the current draft, or null while the draft is invalid. */
    public Compiled compiled() {
        return compiled;
    }

    /** Why the current draft does not compile (null when it does). */
    public SpecException error() {
        return error;
    }

    /** Opens a share code: one compile. {@code ShareCodeException} for a damaged code (draft untouched). */
    public Compiled open(String code) {
        return loaded(service.open(code));
    }

    /** Loads a spec (preset, default, pushed by a class): one compile. {@link SpecException} when invalid. */
    public Compiled load(Map<String, ?> spec) {
        return loaded(service.compile(spec));
    }

    /** Shows an experiment compiled elsewhere (an opened short link): no compile here. */
    public Compiled load(Compiled c) {
        return loaded(c);
    }

    private Compiled loaded(Compiled c) {
        draft.load(c.canonical());
        compiled = c;
        error = null;
        return c;
    }

    /** Applies one edit to the draft and compiles the result once; true when it compiles. */
    public boolean edit(Consumer<ExperimentDraft> change) {
        change.accept(draft);
        return recompile();
    }

    /** The selected run as its form now holds it. */
    public boolean setRun(Map<String, Object> run) {
        return edit(d -> d.setRun(run));
    }

    /**
     * A new landscape from its form: validated and built alone first (reusing built landscapes),
     * so the runs can be fitted to it; then the whole experiment compiles once.
     */
    public boolean setLandscape(Map<String, Object> landscape) {
        Landscape built;
        try {
            built = service.landscape(landscape);
        } catch (SpecException e) {
            built = null; // the compile below reports it on its field
        }
        Landscape fitted = built;
        return edit(d -> d.setLandscape(landscape, fitted));
    }

    public boolean undo() {
        return draft.undo() && recompile();
    }

    public boolean redo() {
        return draft.redo() && recompile();
    }

    private boolean recompile() {
        try {
            compiled = service.compile(draft.spec());
            error = null;
            return true;
        } catch (SpecException e) {
            compiled = null;
            error = e;
            return false;
        }
    }

    /** The share code of the compiled experiment (no compile: the minimal form comes from the defaults). */
    public String shareCode() {
        return compiled == null ? null : service.shareCode(compiled);
    }
}
