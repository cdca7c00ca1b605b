package dev.lrlab.ui.playground;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;

/**
 * The runs of the experiment as chips: select one to edit, show or hide it, add, duplicate
 * (then change one thing) or remove. Fires {@link ActionEvent}s; the view owns the runs.
 */
public class RunChips extends Div {

    public enum Action { SELECT, ADD, DUPLICATE, REMOVE, TOGGLE }

    private final Div chips = new Div();
    private final Button add = new Button(VaadinIcon.PLUS.create());
    private final Button duplicate = new Button(VaadinIcon.COPY_O.create());
    private final Button remove = new Button(VaadinIcon.TRASH.create());
    private final List<Checkbox> toggles = new ArrayList<>();
    private int max = 8;

    public RunChips() {
        addClassName("lr-run-chips");
        chips.addClassName("lr-chip-row");
        add.setId("run-add");
        duplicate.setId("run-duplicate");
        remove.setId("run-remove");
        for (Button b : List.of(add, duplicate, remove)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add.addClickListener(e -> fireEvent(new ActionEvent(this, Action.ADD, -1, false)));
        duplicate.addClickListener(e -> fireEvent(new ActionEvent(this, Action.DUPLICATE, -1, false)));
        remove.addClickListener(e -> fireEvent(new ActionEvent(this, Action.REMOVE, -1, false)));
        Div buttons = new Div(add, duplicate, remove);
        buttons.addClassName("lr-chip-buttons");
        add(chips, buttons);
    }

    public void setMax(int max) {
        this.max = max;
    }

    /** Redraws the chips: one per run (label, colour, visibility), the selected one highlighted. */
    public void show(List<String> labels, List<String> colors, List<Boolean> visible, int selected) {
        chips.removeAll();
        toggles.clear();
        for (int i = 0; i < labels.size(); i++) {
            int index = i;
            Span dot = new Span();
            dot.addClassName("lr-dot");
            dot.getStyle().set("background", colors.get(i));
            Checkbox show = new Checkbox(visible.get(i));
            show.setAriaLabel(getTranslation("runs.toggle", labels.get(i)));
            // ticking visibility is not choosing the run to edit (Remove would then delete a hidden run)
            show.getElement().executeJs("this.addEventListener('click', e => e.stopPropagation())");
            show.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    fireEvent(new ActionEvent(this, Action.TOGGLE, index, e.getValue()));
                }
            });
            Span name = new Span(labels.get(i).isBlank() ? getTranslation("runs.unnamed", i + 1) : labels.get(i));
            Div chip = new Div(show, dot, name);
            chip.addClassName("lr-chip");
            chip.setId("run-chip-" + i);
            if (i == selected) {
                chip.addClassName("lr-chip-selected");
            }
            chip.addClickListener(e -> fireEvent(new ActionEvent(this, Action.SELECT, index, false)));
            toggles.add(show);
            chips.add(chip);
        }
        add.setEnabled(labels.size() < max);
        duplicate.setEnabled(labels.size() < max);
        remove.setEnabled(labels.size() > 1);
    }

    public void relabel() {
        add.setText(getTranslation("runs.add"));
        duplicate.setText(getTranslation("runs.duplicate"));
        remove.setText(getTranslation("runs.remove"));
        duplicate.setTooltipText(getTranslation("runs.duplicate.help"));
    }

    public Registration addActionListener(ComponentEventListener<ActionEvent> listener) {
        return addListener(ActionEvent.class, listener);
    }

    /** A request from the user; {@code run} is -1 for the selected run. */
    public static final class ActionEvent extends ComponentEvent<RunChips> {
        private final Action action;
        private final int run;
        private final boolean value;

        public ActionEvent(RunChips source, Action action, int run, boolean value) {
            super(source, true);
            this.action = action;
            this.run = run;
            this.value = value;
        }

        public Action action() {
            return action;
        }

        public int run() {
            return run;
        }

        public boolean value() {
            return value;
        }
    }
}
