package dev.lrlab.ui.classroom;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.lrlab.experiment.sweep.SpecPath;
import dev.lrlab.spec.OptimizerFactory;
import dev.lrlab.ui.playground.ParamForm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A seat's view of the experiment's main fields: the ones the instructor freed are editable, the
 * others read-only with a lock. Values are written as the playground's forms write them (the
 * optimizer's and schedule's names, the schedule's fields by their labels), never as JSON.
 * Read-only is only the page's courtesy: the server refuses a submission that changes a locked
 * field whatever the page did.
 */
final class SeatFields extends Div {
    private final Consumer<Map<String, Object>> onEdited;
    private Map<String, Object> spec;
    private Map<String, Object> canonical;

    SeatFields(Consumer<Map<String, Object>> onEdited) {
        this.onEdited = onEdited;
        addClassName("lr-seat-fields");
    }

    /** Shows the seat's spec ({@code canonical}: the same with every default) with its locks. */
    void show(Map<String, Object> spec, Map<String, Object> canonical, List<String> editable) {
        this.spec = spec;
        this.canonical = canonical;
        removeAll();
        List<String> paths = new ArrayList<>(MainFields.present(canonical));
        for (String e : editable) {
            if (!paths.contains(e) && SpecPath.parse(e, "path").get(canonical) != null) {
                paths.add(e);
            }
        }
        for (String p : paths) {
            Object value = SpecPath.parse(p, "path").get(canonical);
            boolean open = editable.stream().anyMatch(e -> p.equals(e) || p.startsWith(e + ".") || p.startsWith(e + "["));
            Component field = open ? editor(p, value) : locked(p, value);
            field.getElement().setAttribute("data-path", p);
            add(field);
        }
    }

    /** After an edit compiled: the new spec is the one further edits start from. */
    void accepted(Map<String, Object> spec, Map<String, Object> canonical) {
        this.spec = spec;
        this.canonical = canonical;
    }

    private String label(String path) {
        return MainFields.label(path, this::getTranslation);
    }

    private TextField locked(String path, Object value) {
        TextField f = new TextField(label(path));
        f.addClassName("lr-seat-field");
        f.setValue(readable(path, value));
        f.setReadOnly(true);
        f.setSuffixComponent(VaadinIcon.LOCK.create());
        f.setTooltipText(getTranslation("class.seat.locked"));
        return f;
    }

    /** The value as the forms name it: "Adam", "Step decay (StepLR) · …", "0.1", "−4, 2". */
    private String readable(String path, Object value) {
        if (path.endsWith("optimizer.type") && value != null) {
            return SpecText.word(this::getTranslation, "type.optimizer." + value, value.toString());
        }
        if (value instanceof Map<?, ?> m) {
            return SpecText.of(m, "schedule", this::getTranslation);
        }
        if (value instanceof Double d && Double.isFinite(d) && d != 0) {
            // a crowd sweep's grid value (0.017975297148130592) reads as 0.01798; the run uses all digits
            java.math.BigDecimal r = new java.math.BigDecimal(d).round(new java.math.MathContext(4)).stripTrailingZeros();
            return Math.abs(d) >= 1e-4 ? r.toPlainString() : r.toString(); // 100, not 1E+2; 1E-7, not 0.0000001
        }
        return MainFields.text(value);
    }

    @SuppressWarnings("unchecked")
    private Component editor(String path, Object value) {
        if (path.endsWith("optimizer.type")) {
            Select<String> type = new Select<>();
            type.setLabel(label(path));
            type.addClassName("lr-seat-field");
            type.setItems(OptimizerFactory.TYPES);
            type.setItemLabelGenerator(t -> SpecText.word(this::getTranslation, "type.optimizer." + t, t));
            type.setValue(String.valueOf(value));
            type.addValueChangeListener(ev -> {
                if (ev.isFromClient()) {
                    // another optimizer keeps the learning rate; its other fields take their defaults
                    Map<String, Object> optimizer = new LinkedHashMap<>();
                    optimizer.put("type", ev.getValue());
                    Object lr = SpecPath.parse(path.replace(".type", ".lr"), "path").get(canonical);
                    if (lr != null) {
                        optimizer.put("lr", lr);
                    }
                    commit(path.substring(0, path.length() - ".type".length()), optimizer, type::setInvalid);
                }
            });
            return type;
        }
        if (value instanceof Map<?, ?> m) {
            ParamForm form = ParamForm.schedule(path);
            form.addClassName("lr-seat-field");
            Object steps = SpecPath.parse("runs[0].steps", "path").get(canonical);
            if (steps instanceof Number n) {
                form.setSteps(n.intValue());
            }
            form.setValue((Map<String, Object>) m);
            form.setTypeLabel(label(path));
            form.addChangeListener(ev -> commit(path, form.getValue(), bad -> { }));
            return form;
        }
        TextField f = new TextField(label(path));
        f.addClassName("lr-seat-field");
        f.setValue(MainFields.text(value));
        String last = path.substring(path.lastIndexOf('.') + 1);
        if (path.contains(".optimizer.")) {
            f.setHelperText(last); // PyTorch's name of the hyperparameter, as in the playground
        }
        f.addValueChangeListener(ev -> {
            if (!ev.isFromClient()) {
                return;
            }
            try {
                commit(path, MainFields.parse(ev.getValue(), value), f::setInvalid);
            } catch (IllegalArgumentException bad) {
                f.setInvalid(true);
                f.setErrorMessage(getTranslation("class.seat.badValue"));
            }
        });
        return f;
    }

    private void commit(String path, Object value, Consumer<Boolean> invalid) {
        Map<String, Object> next = SpecPath.deepCopyMap(this.spec);
        SpecPath.parse(path, "path").set(next, this.canonical, value);
        invalid.accept(false);
        onEdited.accept(next);
    }
}
