package dev.lrlab.ui.classroom;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import dev.lrlab.experiment.sweep.SpecPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A seat's view of the experiment's main fields: the ones the instructor freed are editable, the
 * others read-only with a lock. Read-only is only the page's courtesy: the server refuses a
 * submission that changes a locked field whatever the page did.
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
            TextField f = new TextField(getTranslation(MainFields.labelKey(p)));
            f.setHelperText(p);
            f.setValue(MainFields.text(value));
            f.addClassName("lr-seat-field");
            f.getElement().setAttribute("data-path", p);
            boolean open = editable.stream().anyMatch(e -> p.equals(e) || p.startsWith(e + ".") || p.startsWith(e + "["));
            f.setReadOnly(!open);
            if (!open) {
                f.setSuffixComponent(VaadinIcon.LOCK.create());
                f.setTooltipText(getTranslation("class.seat.locked"));
            } else {
                f.addValueChangeListener(ev -> {
                    if (!ev.isFromClient()) {
                        return;
                    }
                    try {
                        Map<String, Object> next = SpecPath.deepCopyMap(this.spec);
                        SpecPath.parse(p, "path").set(next, this.canonical, MainFields.parse(ev.getValue(), value));
                        f.setInvalid(false);
                        onEdited.accept(next);
                    } catch (IllegalArgumentException bad) {
                        f.setInvalid(true);
                        f.setErrorMessage(getTranslation("class.seat.badValue"));
                    }
                });
            }
            add(f);
        }
    }

    /** After an edit compiled: the new spec is the one further edits start from. */
    void accepted(Map<String, Object> spec, Map<String, Object> canonical) {
        this.spec = spec;
        this.canonical = canonical;
    }
}
