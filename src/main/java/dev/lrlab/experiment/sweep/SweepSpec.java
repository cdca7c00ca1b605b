package dev.lrlab.experiment.sweep;

import dev.lrlab.experiment.Compiled;
import java.util.List;
import java.util.Map;

/**
 * A validated sweep, ready to run: the user's base spec, its one compile, the parameters and the
 * runs to simulate at every point. Made by {@link Sweeps#prepare}, which has checked every path,
 * every value and the caps, so running it does no validation of its own beyond combinations.
 *
 * @param base       the user's experiment spec (not canonical: swept values are set into it)
 * @param compiled   the base spec compiled once (analysis, canonical parents for missing fields)
 * @param parameters one or two, first parameter slowest
 * @param runs       indexes of the swept runs in the base spec (ascending)
 */
public record SweepSpec(Map<String, Object> base, Compiled compiled, List<SweepParameter> parameters,
                        List<Integer> runs) {
    public SweepSpec {
        parameters = List.copyOf(parameters);
        runs = List.copyOf(runs);
    }

    /** Number of grid points: the product of the parameters' value counts. */
    public int points() {
        int n = 1;
        for (SweepParameter p : parameters) {
            n *= p.values().size();
        }
        return n;
    }

    /** The values of grid point {@code index} (first parameter slowest). */
    public List<Object> valuesAt(int index) {
        if (parameters.size() == 1) {
            return List.of(parameters.get(0).values().get(index));
        }
        int n1 = parameters.get(1).values().size();
        return List.of(parameters.get(0).values().get(index / n1), parameters.get(1).values().get(index % n1));
    }

    /**
     * The full experiment of grid point {@code index}: the base spec with the point's values set (all
     * runs kept), e.g. to open a clicked point of a sweep in the playground.
     */
    public Map<String, Object> specAt(int index) {
        Map<String, Object> raw = SpecPath.deepCopyMap(base);
        List<Object> values = valuesAt(index);
        for (int k = 0; k < parameters.size(); k++) {
            parameters.get(k).specPath().set(raw, compiled.canonical(), values.get(k));
        }
        return raw;
    }
}
