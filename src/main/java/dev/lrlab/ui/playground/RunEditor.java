package dev.lrlab.ui.playground;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import dev.lrlab.spec.RunDefaults;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The form of one run: optimizer, schedule, and the optional stages (clipping, gradient noise,
 * roll-back, momentum reset at restarts, the game's update method). Produces the run's spec
 * object; shows validation errors on the field their JSON path names.
 */
public class RunEditor extends Div {

    static final List<String> NOISE = List.of("none", "gaussian", "minibatch", "thermostat");
    static final List<String> GAME = List.of("simultaneous", "alternating", "optimistic", "extragradient");

    private final TextField label = new TextField();
    private final IntegerField steps = new IntegerField();
    private final IntegerField seed = new IntegerField();
    private final TextField start = new TextField();
    private final ParamForm optimizer = new ParamForm(FormCatalog.Kind.OPTIMIZER, "");
    private final ParamForm schedule = new ParamForm(FormCatalog.Kind.SCHEDULE, "");
    private final NumberField clipNorm = new NumberField();
    private final Select<String> noise = new Select<>();
    private final NumberField sigma = new NumberField();
    private final IntegerField batchSize = new IntegerField();
    private final NumberField targetK = new NumberField();
    private final Checkbox rollback = new Checkbox();
    private final NumberField rollbackRatio = new NumberField();
    private final NumberField rollbackFactor = new NumberField();
    private final Checkbox resetMomentum = new Checkbox();
    private final Select<String> gameMethod = new Select<>();
    private final Details optimizerBox = new Details();
    private final Details scheduleBox = new Details();
    private final Details stagesBox = new Details();
    private Map<String, Object> extra = new LinkedHashMap<>();
    private String path = "runs[0]";
    private boolean updating;
    private boolean gameLandscape;

    public RunEditor() {
        addClassName("lr-run-editor");
        label.setId("run-label");
        label.setValueChangeMode(ValueChangeMode.ON_BLUR);
        steps.setId("run-steps");
        steps.setMin(1);
        steps.setMax(100_000);
        steps.setStepButtonsVisible(true);
        seed.setId("run-seed");
        start.setId("run-start");
        start.setValueChangeMode(ValueChangeMode.ON_BLUR);
        clipNorm.setId("clip-norm");
        clipNorm.setClearButtonVisible(true);
        noise.setId("noise-type");
        noise.setItems(NOISE);
        noise.setValue("none");
        rollback.setId("rollback");
        gameMethod.setId("game-method");
        gameMethod.setItems(GAME);
        gameMethod.setValue("simultaneous");
        optimizer.setId("optimizer-form");
        schedule.setId("schedule-form");

        Div basics = new Div(label, steps, seed, start);
        basics.addClassName("lr-param-fields");
        optimizerBox.add(optimizer);
        optimizerBox.setOpened(true);
        scheduleBox.add(schedule);
        scheduleBox.setOpened(true);
        Div stageFields = new Div(clipNorm, noise, sigma, batchSize, targetK, rollback, rollbackRatio, rollbackFactor,
                resetMomentum, gameMethod);
        stageFields.addClassName("lr-param-fields");
        stagesBox.add(stageFields);
        add(basics, optimizerBox, scheduleBox, stagesBox);

        label.addValueChangeListener(e -> fire());
        steps.addValueChangeListener(e -> {
            Integer n = steps.getValue();
            if (n != null) {
                optimizer.setSteps(n);
                schedule.setSteps(n);
            }
            fire();
        });
        seed.addValueChangeListener(e -> fire());
        start.addValueChangeListener(e -> fire());
        optimizer.addChangeListener(e -> fire());
        schedule.addChangeListener(e -> fire());
        clipNorm.addValueChangeListener(e -> fire());
        noise.addValueChangeListener(e -> {
            showNoiseFields();
            fire();
        });
        sigma.addValueChangeListener(e -> fire());
        batchSize.addValueChangeListener(e -> fire());
        targetK.addValueChangeListener(e -> fire());
        rollback.addValueChangeListener(e -> {
            rollbackRatio.setVisible(rollback.getValue());
            rollbackFactor.setVisible(rollback.getValue());
            fire();
        });
        rollbackRatio.addValueChangeListener(e -> fire());
        rollbackFactor.addValueChangeListener(e -> fire());
        resetMomentum.addValueChangeListener(e -> fire());
        gameMethod.addValueChangeListener(e -> fire());
        showNoiseFields();
        setGameLandscape(false);
    }

    /** Which stages apply: games have an update method and no clipping, noise or roll-back. */
    public void setGameLandscape(boolean game) {
        this.gameLandscape = game;
        gameMethod.setVisible(game);
        clipNorm.setVisible(!game);
        noise.setVisible(!game);
        rollback.setVisible(!game);
        if (game) {
            sigma.setVisible(false);
            batchSize.setVisible(false);
            targetK.setVisible(false);
            rollbackRatio.setVisible(false);
            rollbackFactor.setVisible(false);
        } else {
            showNoiseFields();
            rollbackRatio.setVisible(rollback.getValue());
            rollbackFactor.setVisible(rollback.getValue());
        }
    }

    private void showNoiseFields() {
        String n = noise.getValue();
        sigma.setVisible("gaussian".equals(n));
        batchSize.setVisible("gaussian".equals(n) || "minibatch".equals(n));
        targetK.setVisible("thermostat".equals(n));
    }

    public void setPath(String path) {
        this.path = path;
        optimizer.setPath(path + ".optimizer");
        schedule.setPath(path + ".schedule");
    }

    /** Shows a run's spec object (canonical: defaults filled in). */
    @SuppressWarnings("unchecked")
    public void setValue(Map<String, Object> run) {
        updating = true;
        try {
            extra = new LinkedHashMap<>(run);
            label.setValue(str(run.get("label")));
            Integer n = run.get("steps") instanceof Number num ? num.intValue() : 100;
            steps.setValue(n);
            optimizer.setSteps(n);
            schedule.setSteps(n);
            seed.setValue(run.get("seed") instanceof Number num ? num.intValue() : 0);
            start.setValue(run.get("start") instanceof List<?> l ? NumberLists.format(l) : "");
            optimizer.setValue((Map<String, Object>) run.getOrDefault("optimizer", Map.of("type", "sgd")));
            Object sch = run.get("schedule");
            schedule.setValue(sch instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of("type", "constant"));
            clipNorm.setValue(run.get("clipNorm") instanceof Number c ? c.doubleValue() : null);
            Map<String, Object> nz = run.get("noise") instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
            noise.setValue(nz == null ? "none" : (String) nz.get("type"));
            sigma.setValue(nz != null && nz.get("sigma") instanceof Number s ? s.doubleValue() : RunDefaults.GAUSSIAN_SIGMA);
            batchSize.setValue(nz != null && nz.get("batchSize") instanceof Number b ? b.intValue() : RunDefaults.BATCH_SIZE);
            targetK.setValue(nz != null && nz.get("targetK") instanceof Number k ? k.doubleValue() : RunDefaults.THERMOSTAT_TARGET_K);
            Map<String, Object> rb = run.get("rollback") instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
            rollback.setValue(rb != null);
            rollbackRatio.setValue(rb != null && rb.get("ratio") instanceof Number r ? r.doubleValue() : RunDefaults.ROLLBACK_RATIO);
            rollbackFactor.setValue(rb != null && rb.get("factor") instanceof Number f ? f.doubleValue() : RunDefaults.ROLLBACK_FACTOR);
            resetMomentum.setValue(Boolean.TRUE.equals(run.get("resetMomentumOnRestart")));
            Map<String, Object> game = run.get("game") instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
            gameMethod.setValue(game == null ? RunDefaults.GAME_METHOD : (String) game.getOrDefault("method", RunDefaults.GAME_METHOD));
            setGameLandscape(gameLandscape);
        } finally {
            updating = false;
        }
    }

    /** The run's spec object as edited. */
    public Map<String, Object> getValue() {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("label", label.getValue());
        if (extra.get("color") != null) {
            run.put("color", extra.get("color"));
        }
        try {
            run.put("start", NumberLists.parse(start.getValue(), false));
        } catch (NumberFormatException e) {
            run.put("start", start.getValue());
        }
        run.put("steps", steps.getValue());
        run.put("seed", seed.getValue());
        run.put("optimizer", optimizer.getValue());
        run.put("schedule", schedule.getValue());
        if (!gameLandscape) {
            if (clipNorm.getValue() != null) {
                run.put("clipNorm", clipNorm.getValue());
            }
            String n = noise.getValue();
            if (n != null && !"none".equals(n)) {
                Map<String, Object> nz = new LinkedHashMap<>();
                nz.put("type", n);
                switch (n) {
                    case "gaussian" -> {
                        nz.put("sigma", sigma.getValue());
                        nz.put("batchSize", batchSize.getValue());
                    }
                    case "minibatch" -> nz.put("batchSize", batchSize.getValue());
                    default -> nz.put("targetK", targetK.getValue());
                }
                run.put("noise", nz);
            }
            if (rollback.getValue()) {
                Map<String, Object> rb = new LinkedHashMap<>();
                rb.put("ratio", rollbackRatio.getValue());
                rb.put("factor", rollbackFactor.getValue());
                if (extra.get("rollback") instanceof Map<?, ?> old && old.get("maxRetries") != null) {
                    rb.put("maxRetries", old.get("maxRetries"));
                }
                run.put("rollback", rb);
            }
        } else {
            Map<String, Object> game = new LinkedHashMap<>();
            if (extra.get("game") instanceof Map<?, ?> old) {
                old.forEach((k, v) -> game.put((String) k, v));
            }
            game.put("method", gameMethod.getValue());
            run.put("game", game);
        }
        run.put("resetMomentumOnRestart", resetMomentum.getValue());
        if (extra.get("record") != null) {
            run.put("record", extra.get("record"));
        }
        run.values().removeIf(v -> v == null);
        return run;
    }

    /** Marks the field named by {@code field}; true when it is in this run. */
    public boolean showError(String field, String message) {
        if (!field.startsWith(path + ".") && !field.equals(path)) {
            return false;
        }
        if (optimizer.showError(field, message) || schedule.showError(field, message)) {
            return true;
        }
        String f = field.substring(Math.min(field.length(), path.length() + 1));
        if (f.startsWith("start")) {
            return invalid(start, message);
        }
        if (f.startsWith("steps")) {
            steps.setErrorMessage(message);
            steps.setInvalid(true);
            return true;
        }
        if (f.startsWith("seed")) {
            seed.setErrorMessage(message);
            seed.setInvalid(true);
            return true;
        }
        if (f.startsWith("clipNorm")) {
            clipNorm.setErrorMessage(message);
            clipNorm.setInvalid(true);
            return true;
        }
        if (f.startsWith("noise")) {
            NumberField target = f.contains("sigma") ? sigma : f.contains("targetK") ? targetK : null;
            if (target != null) {
                target.setErrorMessage(message);
                target.setInvalid(true);
            } else if (f.contains("batchSize")) {
                batchSize.setErrorMessage(message);
                batchSize.setInvalid(true);
            } else {
                noise.setErrorMessage(message);
                noise.setInvalid(true);
            }
            return true;
        }
        if (f.startsWith("rollback")) {
            NumberField target = f.contains("factor") ? rollbackFactor : rollbackRatio;
            target.setErrorMessage(message);
            target.setInvalid(true);
            return true;
        }
        if (f.startsWith("game")) {
            gameMethod.setErrorMessage(message);
            gameMethod.setInvalid(true);
            return true;
        }
        return invalid(label, message);
    }

    private static boolean invalid(TextField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        return true;
    }

    public void clearErrors() {
        optimizer.clearErrors();
        schedule.clearErrors();
        for (var f : List.of(label, start)) {
            f.setInvalid(false);
        }
        for (var f : List.of(clipNorm, sigma, targetK, rollbackRatio, rollbackFactor)) {
            f.setInvalid(false);
        }
        steps.setInvalid(false);
        seed.setInvalid(false);
        batchSize.setInvalid(false);
        noise.setInvalid(false);
        gameMethod.setInvalid(false);
    }

    /** Sets the start point (a click on the landscape). */
    public void setStart(double[] point) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < point.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(String.format(java.util.Locale.ROOT, "%.3g", point[i]));
        }
        start.setValue(sb.toString());
    }

    public void relabel() {
        label.setLabel(getTranslation("run.label"));
        steps.setLabel(getTranslation("run.steps"));
        seed.setLabel(getTranslation("run.seed"));
        seed.setHelperText(getTranslation("run.seed.help"));
        start.setLabel(getTranslation("run.start"));
        start.setHelperText(getTranslation("run.start.help"));
        optimizerBox.setSummaryText(getTranslation("run.optimizer"));
        scheduleBox.setSummaryText(getTranslation("run.schedule"));
        stagesBox.setSummaryText(getTranslation("run.stages"));
        clipNorm.setLabel(getTranslation("run.clipNorm"));
        clipNorm.setHelperText(getTranslation("run.clipNorm.help"));
        noise.setLabel(getTranslation("run.noise"));
        noise.setItemLabelGenerator(n -> getTranslation("run.noise." + n));
        noise.setHelperText(getTranslation("run.noise.help"));
        sigma.setLabel("σ");
        sigma.setHelperText(getTranslation("run.noise.sigma"));
        batchSize.setLabel(getTranslation("run.noise.batchSize"));
        batchSize.setHelperText(getTranslation("run.noise.batchSize.help"));
        targetK.setLabel("K");
        targetK.setHelperText(getTranslation("run.noise.targetK"));
        rollback.setLabel(getTranslation("run.rollback"));
        rollback.setHelperText(getTranslation("run.rollback.help"));
        rollbackRatio.setLabel(getTranslation("run.rollback.ratio"));
        rollbackFactor.setLabel(getTranslation("run.rollback.factor"));
        resetMomentum.setLabel(getTranslation("run.resetMomentum"));
        resetMomentum.setHelperText(getTranslation("run.resetMomentum.help"));
        gameMethod.setLabel(getTranslation("run.game"));
        gameMethod.setItemLabelGenerator(m -> getTranslation("run.game." + m));
        gameMethod.setHelperText(getTranslation("run.game.help"));
        optimizer.relabel();
        schedule.relabel();
    }

    public Registration addChangeListener(ComponentEventListener<ChangeEvent> listener) {
        return addListener(ChangeEvent.class, listener);
    }

    private void fire() {
        if (!updating) {
            fireEvent(new ChangeEvent(this));
        }
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    /** Fired on every edit of the run. */
    public static final class ChangeEvent extends ComponentEvent<RunEditor> {
        public ChangeEvent(RunEditor source) {
            super(source, false);
        }
    }
}
