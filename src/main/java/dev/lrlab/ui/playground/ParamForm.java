package dev.lrlab.ui.playground;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A form for one spec object (a landscape, an optimizer or a schedule): a type select and one
 * field per parameter, built from the factories' defaults, nested where the spec nests (schedule
 * envelopes, sequential children, a non-stationary base). Fires {@link ChangeEvent} on every edit;
 * errors are shown on the field whose JSON path the validator names.
 */
public class ParamForm extends Div {

    private final FormCatalog.Kind kind;
    private final Select<String> type = new Select<>();
    private final Div fields = new Div();
    private final Map<String, Binding> bindings = new LinkedHashMap<>();
    private String path;
    private int steps = 100;
    private boolean updating;

    public ParamForm(FormCatalog.Kind kind, String path) {
        this.kind = kind;
        this.path = path;
        addClassName("lr-param-form");
        type.setItems(FormCatalog.types(kind));
        type.setItemLabelGenerator(t -> getTranslation("type." + kind.name().toLowerCase(Locale.ROOT) + "." + t));
        type.addClassName("lr-type-select");
        type.addValueChangeListener(e -> {
            if (!updating && e.getValue() != null) {
                Map<String, Object> next = FormCatalog.defaults(kind, e.getValue(), steps);
                Map<String, Object> previous = getValue();
                // keep shared hyperparameters (lr, eps, weightDecay ...) when switching type
                for (String k : next.keySet()) {
                    if (!k.equals("type") && previous.containsKey(k) && sameShape(previous.get(k), next.get(k))) {
                        next.put(k, previous.get(k));
                    }
                }
                build(next);
                fire();
            }
        });
        fields.addClassName("lr-param-fields");
        add(type, fields);
    }

    /** A schedule's form at {@code path}, for pages outside the playground (a class seat). */
    public static ParamForm schedule(String path) {
        return new ParamForm(FormCatalog.Kind.SCHEDULE, path);
    }

    public void setTypeLabel(String label) {
        type.setLabel(label);
    }

    /** The run's step count: schedules such as oneCycle default to it. */
    public void setSteps(int steps) {
        this.steps = steps;
    }

    public void setPath(String path) {
        this.path = path;
        bindings.values().forEach(b -> b.setPath(path));
    }

    public String path() {
        return path;
    }

    /** Shows {@code value} (a spec object); missing fields take their defaults. */
    public void setValue(Map<String, Object> value) {
        String t = (String) value.get("type");
        Map<String, Object> full = FormCatalog.defaults(kind, t, steps);
        full.putAll(value);
        build(full);
    }

    /** The spec object as edited; fields left empty are omitted, so they take their defaults. */
    public Map<String, Object> getValue() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", type.getValue());
        for (Map.Entry<String, Binding> e : bindings.entrySet()) {
            Object v = e.getValue().read();
            if (v != null) {
                out.put(e.getKey(), v);
            }
        }
        return out;
    }

    /** Marks the field at {@code field} (a JSON path) invalid; true when it belongs to this form. */
    public boolean showError(String field, String message) {
        if (field.equals(path + ".type")) {
            type.setInvalid(true);
            type.setErrorMessage(message);
            return true;
        }
        for (Binding b : bindings.values()) {
            if (b.showError(field, message)) {
                return true;
            }
        }
        return false;
    }

    public void clearErrors() {
        type.setInvalid(false);
        bindings.values().forEach(Binding::clearError);
    }

    public Registration addChangeListener(ComponentEventListener<ChangeEvent> listener) {
        return addListener(ChangeEvent.class, listener);
    }

    /** Re-applies translated labels and help texts. */
    public void relabel() {
        type.setLabel(getTranslation("form." + kind.name().toLowerCase(Locale.ROOT)));
        String t = type.getValue();
        type.setItems(FormCatalog.types(kind));
        updating = true;
        type.setValue(t);
        updating = false;
        bindings.values().forEach(Binding::relabel);
    }

    private void build(Map<String, Object> values) {
        updating = true;
        try {
            type.setValue((String) values.get("type"));
            fields.removeAll();
            bindings.clear();
            for (Map.Entry<String, Object> e : values.entrySet()) {
                if (e.getKey().equals("type")) {
                    continue;
                }
                Binding b = bindingFor(e.getKey(), e.getValue());
                bindings.put(e.getKey(), b);
                fields.add(b.component());
            }
            relabel();
        } finally {
            updating = false;
        }
    }

    private void fire() {
        if (!updating) {
            fireEvent(new ChangeEvent(this));
        }
    }

    /**
     * A sequential schedule needs one milestone fewer than phases: adding or removing a phase
     * fits the milestones at once, so the form stays valid and the lr preview follows the edit.
     */
    private void phasesChanged(String listName, int phases) {
        if (!"schedules".equals(listName) || !(bindings.get("milestones") instanceof NumbersBinding milestones)) {
            return;
        }
        List<Object> current;
        try {
            current = NumberLists.parse(milestones.field.getValue(), false);
        } catch (NumberFormatException e) {
            return; // the student is typing a list: the validator will point at it
        }
        updating = true;
        try {
            milestones.field.setValue(NumberLists.format(fitMilestones(current, phases - 1, steps)));
        } finally {
            updating = false;
        }
    }

    /**
     * {@code milestones} cut or extended to {@code n}: a new phase starts halfway between the
     * last milestone and the run's end (at least one step later), so the earlier phases keep theirs.
     */
    static List<Object> fitMilestones(List<Object> milestones, int n, int steps) {
        List<Object> out = new ArrayList<>(milestones.subList(0, Math.min(n, milestones.size())));
        while (out.size() < Math.max(0, n)) {
            int last = out.isEmpty() ? 0 : ((Number) out.get(out.size() - 1)).intValue();
            out.add(last + Math.max(1, (steps - last) / 2));
        }
        return out;
    }

    private static boolean sameShape(Object a, Object b) {
        return a == null || b == null || (a instanceof Number && b instanceof Number) || a.getClass() == b.getClass();
    }

    @SuppressWarnings("unchecked")
    private Binding bindingFor(String name, Object value) {
        FormCatalog.Kind nested = FormCatalog.nestedKind(name);
        if (nested != null && value instanceof Map<?, ?> m) {
            return new NestedBinding(name, nested, (Map<String, Object>) m);
        }
        if (nested != null && value instanceof List<?> l && (l.isEmpty() || l.get(0) instanceof Map)) {
            return new NestedListBinding(name, nested, (List<Map<String, Object>>) l);
        }
        if (value instanceof Boolean b) {
            return new BoolBinding(name, b);
        }
        if (FormCatalog.CHOICES.containsKey(name)) {
            return new FieldBinding<>(name, select(name, FormCatalog.CHOICES.get(name)), (String) value);
        }
        if (value instanceof List<?> l) {
            return new NumbersBinding(name, l);
        }
        if (FormCatalog.INTEGER_FIELDS.contains(name)) {
            return new FieldBinding<>(name, new IntegerField(), value == null ? null : ((Number) value).intValue());
        }
        return new FieldBinding<>(name, new NumberField(), value instanceof Number n ? n.doubleValue() : null);
    }

    /** Fired on every edit of this form or a nested one. */
    public static final class ChangeEvent extends ComponentEvent<ParamForm> {
        public ChangeEvent(ParamForm source) {
            super(source, false);
        }
    }

    /** One field of the form. */
    private abstract class Binding {
        final String name;

        Binding(String name) {
            this.name = name;
        }

        abstract Component component();

        abstract Object read();

        void setPath(String parent) {
        }

        String fieldPath() {
            return path + "." + name;
        }

        boolean showError(String field, String message) {
            if (field.equals(fieldPath())) {
                setError(message);
                return true;
            }
            return false;
        }

        abstract void setError(String message);

        abstract void clearError();

        abstract void relabel();

        /** The human label ("Learning rate η"); the spec name where none is written. */
        String label() {
            return FieldLabels.label(name, ParamForm.this::getTranslation);
        }

        String help() {
            String h = getTranslation("param." + name);
            return h.startsWith("!") ? null : h;
        }

        /** Under the field: its PyTorch / spec name in small code type, then the one-line explanation. */
        Component helper() {
            Span code = new Span(FieldLabels.specName(name));
            code.addClassName("lr-param-name");
            Span text = new Span(help() == null ? "" : " " + help());
            return new Span(code, text);
        }
    }

    /** A single input field: number, whole number, choice or text. */
    private class FieldBinding<V, C extends Component & HasValue<?, V> & HasValidation & HasLabel & HasHelper>
            extends Binding {
        final C field;

        FieldBinding(String name, C field, V value) {
            super(name);
            this.field = field;
            field.setValue(value);
            field.addClassName("lr-param");
            field.getElement().setAttribute("data-param", name);
            field.addValueChangeListener(e -> {
                field.setInvalid(false);
                fire();
            });
        }

        Component component() {
            return field;
        }

        Object read() {
            return field.getValue();
        }

        void setError(String m) {
            field.setErrorMessage(m);
            field.setInvalid(true);
        }

        void clearError() {
            field.setInvalid(false);
        }

        void relabel() {
            field.setLabel(label());
            field.setHelperComponent(helper());
            if (field instanceof Select<?> s) {
                relabelChoices(s);
            }
        }
    }

    private final class BoolBinding extends Binding {
        final Checkbox box = new Checkbox();
        final Span error = new Span();
        final Div wrap = new Div(box, error);

        BoolBinding(String name, boolean value) {
            super(name);
            box.setValue(value);
            box.getElement().setAttribute("data-param", name);
            wrap.addClassName("lr-param");
            wrap.addClassName("lr-param-bool");
            error.addClassName("lr-field-error");
            box.addValueChangeListener(e -> {
                clearError();
                fire();
            });
        }

        Component component() {
            return wrap;
        }

        Object read() {
            return box.getValue();
        }

        void setError(String m) {
            error.setText(m);
        }

        void clearError() {
            error.setText("");
        }

        void relabel() {
            box.setLabel(label());
            box.setHelperComponent(helper());
        }
    }

    /** A list of numbers typed as "1, 10"; a matrix as rows separated by ";". */
    private final class NumbersBinding extends FieldBinding<String, TextField> {
        final boolean matrix;

        NumbersBinding(String name, List<?> value) {
            super(name, lazyText(), NumberLists.format(value));
            matrix = !value.isEmpty() && value.get(0) instanceof List;
        }

        @Override
        Object read() {
            try {
                return NumberLists.parse(field.getValue(), matrix);
            } catch (NumberFormatException e) {
                // handed to the validator as text, so the error lands on this field
                return field.getValue();
            }
        }

        @Override
        boolean showError(String f, String m) {
            if (f.equals(fieldPath()) || f.startsWith(fieldPath() + "[")) {
                setError(m);
                return true;
            }
            return false;
        }
    }

    /** Lists are validated when the user leaves the field, not on every keystroke. */
    private static TextField lazyText() {
        TextField t = new TextField();
        t.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.ON_BLUR);
        return t;
    }

    /** Shows a choice list's items in the new language (Select caches the labels it rendered). */
    @SuppressWarnings("unchecked")
    private static void relabelChoices(Select<?> s) {
        Select<String> choices = (Select<String>) s;
        choices.setItemLabelGenerator(choices.getItemLabelGenerator());
    }

    /** A choice list; a value with a written label ({@code choice.<field>.<value>}) shows it, PyTorch's own names stay. */
    private Select<String> select(String field, List<String> options) {
        Select<String> select = new Select<>();
        select.setItems(options);
        select.setItemLabelGenerator(v -> FieldLabels.translatedOr("choice." + field + "." + v, v, this::getTranslation));
        return select;
    }

    private final class NestedBinding extends Binding {
        final ParamForm form;
        final Div wrap = new Div();
        final Span title = new Span();

        NestedBinding(String name, FormCatalog.Kind kind, Map<String, Object> value) {
            super(name);
            form = new ParamForm(kind, path + "." + name);
            form.setSteps(steps);
            form.setValue(value);
            form.addChangeListener(e -> fire());
            title.addClassName("lr-nested-title");
            wrap.addClassName("lr-nested");
            wrap.add(title, form);
        }

        Component component() {
            return wrap;
        }

        Object read() {
            return form.getValue();
        }

        @Override
        void setPath(String parent) {
            form.setPath(parent + "." + name);
        }

        @Override
        boolean showError(String f, String m) {
            return form.showError(f, m);
        }

        void setError(String m) {
        }

        void clearError() {
            form.clearErrors();
        }

        void relabel() {
            title.setText(label());
            form.relabel();
        }
    }

    /** A list of nested objects, e.g. the phases of a sequential schedule. */
    private final class NestedListBinding extends Binding {
        final FormCatalog.Kind kind;
        final List<ParamForm> forms = new ArrayList<>();
        final Div wrap = new Div();
        final Div list = new Div();
        final Span title = new Span();
        final Button add = new Button(VaadinIcon.PLUS.create());

        NestedListBinding(String name, FormCatalog.Kind kind, List<Map<String, Object>> value) {
            super(name);
            this.kind = kind;
            title.addClassName("lr-nested-title");
            wrap.addClassName("lr-nested");
            add.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            add.addClassName("lr-add-phase");
            add.addClickListener(e -> {
                addForm(FormCatalog.defaults(kind, "constant", steps));
                phasesChanged(name, forms.size());
                fire();
            });
            wrap.add(title, list, add);
            value.forEach(this::addForm);
        }

        private void addForm(Map<String, Object> value) {
            ParamForm form = new ParamForm(kind, "");
            form.setSteps(steps);
            form.setValue(value);
            form.addChangeListener(e -> fire());
            Button remove = new Button(VaadinIcon.TRASH.create());
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            Div item = new Div(form, remove);
            item.addClassName("lr-nested-item");
            remove.addClickListener(e -> {
                forms.remove(form);
                list.remove(item);
                renumber();
                phasesChanged(name, forms.size());
                fire();
            });
            forms.add(form);
            list.add(item);
            renumber();
            form.relabel();
        }

        private void renumber() {
            for (int i = 0; i < forms.size(); i++) {
                forms.get(i).setPath(fieldPath() + "[" + i + "]");
            }
        }

        Component component() {
            return wrap;
        }

        Object read() {
            List<Map<String, Object>> out = new ArrayList<>();
            forms.forEach(f -> out.add(f.getValue()));
            return out;
        }

        @Override
        void setPath(String parent) {
            renumber();
        }

        @Override
        boolean showError(String f, String m) {
            for (ParamForm form : forms) {
                if (form.showError(f, m)) {
                    return true;
                }
            }
            return false;
        }

        void setError(String m) {
        }

        void clearError() {
            forms.forEach(ParamForm::clearErrors);
        }

        void relabel() {
            title.setText(label());
            add.setText(getTranslation("form.addPhase"));
            forms.forEach(ParamForm::relabel);
        }
    }
}
