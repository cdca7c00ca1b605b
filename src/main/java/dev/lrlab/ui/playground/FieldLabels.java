package dev.lrlab.ui.playground;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Human names of the form fields: a label per spec field ("Learning rate η") with the PyTorch
 * spelling as secondary text (weight_decay, betas[0]), and a validation path such as
 * runs[0].schedule.milestones turned into what the student sees ("Run 1 · Milestones (steps)").
 */
final class FieldLabels {

    private static final Pattern RUN = Pattern.compile("^runs\\[(\\d+)]");
    private static final Pattern LAST = Pattern.compile("([A-Za-z][A-Za-z0-9]*)(\\[\\d+])?$");

    private FieldLabels() {}

    /** The translated label of spec field {@code name}, or the name itself when none is written. */
    static String label(String name, Function<String, String> t) {
        return translatedOr("label." + name, name, t);
    }

    /** The translation of {@code key}, or {@code fallback} when the bundles have none (Vaadin answers "!key!"). */
    static String translatedOr(String key, String fallback, Function<String, String> t) {
        String l = t.apply(key);
        return l == null || l.isBlank() || l.startsWith("!") ? fallback : l;
    }

    /** PyTorch's spelling: snake_case, Adam's betas as a pair. */
    static String specName(String name) {
        if (name.equals("beta1")) {
            return "betas[0]";
        }
        if (name.equals("beta2")) {
            return "betas[1]";
        }
        if (name.length() <= 1) {
            return name;
        }
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The field a validation path points at, as labelled in the forms (with the run when there is one). */
    static String ofPath(String path, Function<String, String> t) {
        if (path == null || path.isBlank()) {
            return "";
        }
        Matcher last = LAST.matcher(path);
        String field = last.find() ? label(last.group(1), t) : path;
        Matcher run = RUN.matcher(path);
        if (run.find()) {
            return runLabel(Integer.parseInt(run.group(1)), t) + " · " + field;
        }
        return field;
    }

    private static String runLabel(int index, Function<String, String> t) {
        return java.text.MessageFormat.format(t.apply("runs.unnamed"), index + 1);
    }
}
