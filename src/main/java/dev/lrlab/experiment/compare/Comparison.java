package dev.lrlab.experiment.compare;

import dev.lrlab.core.engine.ExperimentResult;
import dev.lrlab.core.engine.ExperimentRunner;
import dev.lrlab.core.engine.RunConfig;
import dev.lrlab.core.engine.RunResult;
import dev.lrlab.core.engine.RunSimulator;
import dev.lrlab.core.landscape.Landscape;
import dev.lrlab.experiment.Compiled;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.spec.Params;
import dev.lrlab.spec.SpecException;
import dev.lrlab.spec.WorkCost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A comparison: 2–4 experiments side by side, {@code {"version": 1, "panels": [<experiment>, …],
 * "tolerance": 1e-6}}. Each panel is compiled once (errors name {@code panels[i].runs[0]…}); the
 * caps hold for the comparison as a whole (the work of every panel together, WorkCost). What differs is
 * computed from the canonical specs, panel by panel against panel 0; the metrics come from the
 * same simulations as the results.
 */
public final class Comparison {
    public static final int MIN_PANELS = 2;
    public static final int MAX_PANELS = 4;

    private final List<Compiled> panels;
    private final double tolerance;

    private Comparison(List<Compiled> panels, double tolerance) {
        this.panels = List.copyOf(panels);
        this.tolerance = tolerance;
    }

    /** True when a parsed body is a comparison rather than one experiment. */
    public static boolean isComparison(Map<String, ?> spec) {
        return spec != null && spec.containsKey("panels");
    }

    /** Validates and compiles every panel once. */
    public static Comparison compile(ExperimentService service, Map<String, ?> spec) {
        Params root = Params.root(spec);
        root.allowOnly("version", "panels", "tolerance");
        if (root.has("version") && root.number("version", 1) != 1) {
            throw new SpecException("version", "unsupported version (this server understands version 1)",
                    List.of("1"));
        }
        double tolerance = root.number("tolerance", RunMetrics.DEFAULT_TOLERANCE, 0, 1e12);
        List<Params> ps = root.objects("panels");
        if (ps.size() < MIN_PANELS || ps.size() > MAX_PANELS) {
            throw new SpecException("panels", "needs " + MIN_PANELS + " to " + MAX_PANELS + " experiments, has "
                    + ps.size());
        }
        List<Compiled> out = new ArrayList<>();
        List<WorkCost> costs = new ArrayList<>();
        for (Params p : ps) {
            Compiled c;
            try {
                c = service.compile(p.asMap());
            } catch (SpecException e) {
                String f = e.field() == null || e.field().isEmpty() ? p.path() : p.path() + "." + e.field();
                throw new SpecException(f, e.getMessage(), e.allowed());
            }
            costs.add(WorkCost.of(c.engine()));
            out.add(c);
        }
        // one request, one budget: the panels' work together (each panel alone passed its compile)
        WorkCost.sum(costs, "panels[%d]").check(service.limits(), "this comparison");
        return new Comparison(out, tolerance);
    }

    /** A comparison of panels compiled elsewhere (a page's workspaces): no compile here. */
    public static Comparison of(List<Compiled> panels, double tolerance) {
        if (panels.size() < MIN_PANELS || panels.size() > MAX_PANELS) {
            throw new IllegalArgumentException("needs " + MIN_PANELS + " to " + MAX_PANELS + " panels");
        }
        return new Comparison(panels, tolerance);
    }

    public List<Compiled> panels() {
        return panels;
    }

    public double tolerance() {
        return tolerance;
    }

    /** Per panel, the canonical fields that differ from panel 0 (empty for panel 0). */
    public List<List<SpecDiff.Difference>> differences() {
        Map<String, Object> base = panels.get(0).canonical();
        return panels.stream().map(c -> SpecDiff.of(base, c.canonical())).toList();
    }

    /** The canonical comparison spec: every panel canonical. */
    public Map<String, Object> canonical() {
        return Map.of("version", 1, "panels", panels.stream().map(Compiled::canonical).toList(),
                "tolerance", tolerance);
    }

    /** Simulates every panel on the bounded pool (one slot, one time limit for the whole comparison). */
    public ComparisonResult simulate(ExperimentService service) {
        return service.bounded(this::simulateNow);
    }

    /** Simulates every panel on the calling thread. */
    public ComparisonResult simulateNow() {
        List<ExperimentResult> results = new ArrayList<>();
        List<RunMetrics> metrics = new ArrayList<>();
        for (int p = 0; p < panels.size(); p++) {
            Compiled c = panels.get(p);
            Landscape l = c.landscape();
            List<RunResult> runs = new ArrayList<>();
            for (RunConfig cfg : c.engine().runs()) {
                RunSimulator sim = new RunSimulator(l, cfg, true);
                sim.runToEnd();
                RunResult r = ExperimentRunner.result(sim);
                runs.add(r);
                metrics.add(RunMetrics.of(p, cfg.index(), sim, r, tolerance));
            }
            results.add(new ExperimentResult(c.canonical(), l.displayName(), l.dim(), l.viewBox(), l.minima(), runs));
        }
        return new ComparisonResult(results, differences(), metrics);
    }
}
