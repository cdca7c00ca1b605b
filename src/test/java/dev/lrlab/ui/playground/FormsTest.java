package dev.lrlab.ui.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.textfield.NumberField;
import dev.lrlab.experiment.DefaultExperiment;
import dev.lrlab.spec.ExperimentCompiler;
import dev.lrlab.spec.SpecException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The playground's forms without a browser: the spec they produce, the events, the error mapping. */
class FormsTest {

    private static NumberField numberField(ParamForm form, String param) {
        return form.getChildren().flatMap(c -> c.getChildren())
                .filter(c -> c instanceof NumberField && param.equals(c.getElement().getAttribute("data-param")))
                .map(c -> (NumberField) c).findFirst().orElseThrow();
    }

    @Test
    void optimizerFormFillsPyTorchDefaultsAndProducesTheSpec() {
        ParamForm form = new ParamForm(FormCatalog.Kind.OPTIMIZER, "runs[0].optimizer");
        form.setValue(Map.of("type", "adam", "lr", 0.05));
        Map<String, Object> v = form.getValue();
        assertThat(v).containsEntry("type", "adam").containsEntry("lr", 0.05).containsEntry("beta1", 0.9)
                .containsEntry("beta2", 0.999).containsEntry("eps", 1e-8).containsEntry("amsgrad", false);
    }

    @Test
    void editingFiresAChangeEventAndSwitchingTypeKeepsSharedHyperparameters() {
        ParamForm form = new ParamForm(FormCatalog.Kind.OPTIMIZER, "runs[0].optimizer");
        form.setValue(Map.of("type", "sgd", "lr", 0.15));
        List<Map<String, Object>> seen = new ArrayList<>();
        form.addChangeListener(e -> seen.add(e.getSource().getValue()));
        numberField(form, "momentum").setValue(0.9);
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).containsEntry("momentum", 0.9);
        // type switch through the select: lr is shared, momentum is not an Adam field
        @SuppressWarnings("unchecked")
        var select = (com.vaadin.flow.component.select.Select<String>) form.getChildren().findFirst().orElseThrow();
        select.setValue("adam");
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1)).containsEntry("type", "adam").containsEntry("lr", 0.15).doesNotContainKey("momentum");
    }

    @Test
    void validatorErrorsLandOnTheFieldTheirPathNames() {
        ParamForm form = new ParamForm(FormCatalog.Kind.OPTIMIZER, "runs[0].optimizer");
        form.setValue(Map.of("type", "adam", "beta1", 1.5));
        Map<String, Object> spec = new LinkedHashMap<>(DefaultExperiment.spec());
        Map<String, Object> run = new LinkedHashMap<>(DefaultExperiment.run(0));
        run.put("optimizer", form.getValue());
        spec.put("runs", List.of(run));
        SpecException e = org.junit.jupiter.api.Assertions.assertThrows(SpecException.class,
                () -> new ExperimentCompiler().compile(spec));
        assertThat(e.field()).isEqualTo("runs[0].optimizer.beta1");
        assertThat(form.showError(e.field(), e.getMessage())).isTrue();
        NumberField beta1 = numberField(form, "beta1");
        assertThat(beta1.isInvalid()).isTrue();
        assertThat(beta1.getErrorMessage()).contains("1.5");
        assertThat(form.showError("runs[0].optimizer.nope", "x")).isFalse();
        form.clearErrors();
        assertThat(beta1.isInvalid()).isFalse();
    }

    @Test
    void nestedScheduleFormsProduceSequentialWarmupThenCosine() {
        ParamForm form = new ParamForm(FormCatalog.Kind.SCHEDULE, "runs[0].schedule");
        form.setValue(FormCatalog.defaults(FormCatalog.Kind.SCHEDULE, "sequential", 100));
        Map<String, Object> v = form.getValue();
        assertThat(v.get("type")).isEqualTo("sequential");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> phases = (List<Map<String, Object>>) v.get("schedules");
        assertThat(phases).extracting(p -> p.get("type")).containsExactly("linear", "cosine");
        assertThat(v.get("milestones")).isEqualTo(List.of(10));
        assertThat(form.showError("runs[0].schedule.schedules[1].tMax", "must be at least 1")).isTrue();
    }

    private static java.util.stream.Stream<com.vaadin.flow.component.Component> descendants(
            com.vaadin.flow.component.Component c) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(c),
                c.getChildren().flatMap(FormsTest::descendants));
    }

    /** Adding a phase fits the milestones at once: the experiment stays valid (and its lr preview with it). */
    @Test
    @SuppressWarnings("unchecked")
    void addingOrRemovingAPhaseKeepsASequentialScheduleValid() {
        ParamForm form = new ParamForm(FormCatalog.Kind.SCHEDULE, "runs[0].schedule");
        form.setSteps(100);
        form.setValue(FormCatalog.defaults(FormCatalog.Kind.SCHEDULE, "sequential", 100));
        List<Map<String, Object>> seen = new ArrayList<>();
        form.addChangeListener(e -> seen.add(e.getSource().getValue()));
        com.vaadin.flow.component.button.Button add = descendants(form)
                .filter(c -> c.getElement().getClassList().contains("lr-add-phase"))
                .map(c -> (com.vaadin.flow.component.button.Button) c).findFirst().orElseThrow();
        add.click();
        assertThat(seen).hasSize(1); // one edit, one compile
        Map<String, Object> v = form.getValue();
        assertThat((List<Object>) v.get("schedules")).hasSize(3);
        assertThat(v.get("milestones")).isEqualTo(List.of(10, 55)); // halfway from the last one to the end
        Map<String, Object> spec = new LinkedHashMap<>(DefaultExperiment.spec());
        Map<String, Object> run = new LinkedHashMap<>(DefaultExperiment.run(0));
        run.put("schedule", v);
        spec.put("runs", List.of(run));
        new ExperimentCompiler().compile(spec);
        // removing the first phase drops the last milestone
        descendants(form).filter(c -> c.getElement().getClassList().contains("lr-nested-item")).findFirst()
                .flatMap(item -> item.getChildren().filter(c -> c instanceof com.vaadin.flow.component.button.Button)
                        .findFirst())
                .map(c -> (com.vaadin.flow.component.button.Button) c).orElseThrow().click();
        assertThat((List<Object>) form.getValue().get("schedules")).hasSize(2);
        assertThat(form.getValue().get("milestones")).isEqualTo(List.of(10));
        assertThat(ParamForm.fitMilestones(List.of(90), 3, 100)).isEqualTo(List.of(90, 95, 97));
        assertThat(ParamForm.fitMilestones(List.of(100), 2, 100)).isEqualTo(List.of(100, 101));
    }

    /** An invalid experiment has no lr curve: the preview of the last valid one is hidden and the note says why. */
    @Test
    void anInvalidExperimentHidesTheStaleLrPreview() {
        try (dev.lrlab.experiment.ExperimentService service =
                     new dev.lrlab.experiment.ExperimentService(dev.lrlab.spec.Limits.DEFAULT, 1, 10_000)) {
            dev.lrlab.experiment.ExperimentWorkspace workspace = new dev.lrlab.experiment.ExperimentWorkspace(service);
            workspace.load(DefaultExperiment.spec());
            ExperimentPanel panel = new ExperimentPanel(workspace, service);
            panel.showLoaded();
            panel.showCompiled();
            com.vaadin.flow.component.Component preview = descendants(panel)
                    .filter(c -> "schedule-preview".equals(c.getId().orElse(null))).findFirst().orElseThrow();
            com.vaadin.flow.component.html.Span note = descendants(panel)
                    .filter(c -> "schedule-note".equals(c.getId().orElse(null)))
                    .map(c -> (com.vaadin.flow.component.html.Span) c).findFirst().orElseThrow();
            assertThat(preview.isVisible()).isTrue();
            assertThat(note.getText()).isEqualTo(panel.getTranslation("schedule.preview.note"));
            Map<String, Object> run = new LinkedHashMap<>(DefaultExperiment.run(0));
            run.put("schedule", Map.of("type", "sequential", "schedules",
                    List.of(Map.of("type", "constant"), Map.of("type", "constant")), "milestones", List.of()));
            assertThat(workspace.setRun(run)).isFalse();
            panel.showCompiled();
            assertThat(preview.isVisible()).isFalse();
            assertThat(note.getText()).isEqualTo(panel.getTranslation("schedule.preview.invalid"));
            run.put("schedule", Map.of("type", "sequential", "schedules",
                    List.of(Map.of("type", "constant"), Map.of("type", "constant")), "milestones", List.of(50)));
            assertThat(workspace.setRun(run)).isTrue();
            panel.showCompiled();
            assertThat(preview.isVisible()).isTrue();
            assertThat(note.getText()).isEqualTo(panel.getTranslation("schedule.preview.note"));
        }
    }

    @Test
    void runEditorRoundTripsARunAndItsStages() {
        RunEditor editor = new RunEditor();
        editor.setPath("runs[2]");
        Map<String, Object> run = new LinkedHashMap<>(DefaultExperiment.run(2));
        run.put("clipNorm", 1.0);
        run.put("noise", Map.of("type", "gaussian", "sigma", 0.5, "batchSize", 4));
        run.put("rollback", Map.of("ratio", 1.5, "factor", 0.5));
        editor.setValue(run);
        List<Object> events = new ArrayList<>();
        editor.addChangeListener(events::add);
        Map<String, Object> v = editor.getValue();
        assertThat(v).containsEntry("clipNorm", 1.0).containsEntry("steps", 100).containsEntry("seed", 0);
        assertThat(v.get("start")).isEqualTo(List.of(-4, 2));
        assertThat(v.get("noise")).isEqualTo(Map.of("type", "gaussian", "sigma", 0.5, "batchSize", 4));
        assertThat(v.get("rollback")).isEqualTo(Map.of("ratio", 1.5, "factor", 0.5));
        assertThat(events).isEmpty();
        editor.setStart(new double[]{1.25, -0.5});
        assertThat(events).hasSize(1);
        assertThat(editor.getValue().get("start")).isEqualTo(List.of(1.25, -0.5));
        assertThat(editor.showError("runs[2].noise.sigma", "must be positive")).isTrue();
        assertThat(editor.showError("runs[1].steps", "x")).isFalse();
    }

    @Test
    void theDefaultExperimentCompilesAndEveryFormTypeHasDefaults() {
        new ExperimentCompiler().compile(DefaultExperiment.spec());
        for (FormCatalog.Kind kind : FormCatalog.Kind.values()) {
            for (String type : FormCatalog.types(kind)) {
                assertThat(FormCatalog.defaults(kind, type, 100)).containsEntry("type", type);
            }
        }
    }

    @Test
    void numberListsParseWhatUsersType() {
        assertThat(NumberLists.parse("1, 10", false)).isEqualTo(List.of(1, 10));
        assertThat(NumberLists.parse(" 0.5  2e-3 ", false)).isEqualTo(List.of(0.5, 0.002));
        assertThat(NumberLists.parse("2, 1; 1, 3", true)).isEqualTo(List.of(List.of(2, 1), List.of(1, 3)));
        assertThat(NumberLists.format(List.of(1, 0.25))).isEqualTo("1, 0.25");
        org.junit.jupiter.api.Assertions.assertThrows(NumberFormatException.class, () -> NumberLists.parse("1, x", false));
    }

    @Test
    void regimeMessagesAreLocalizedForChinese() {
        assertThat(Messages.localize("must be between 0 and 1, was 1.5", java.util.Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("必须在 0 与 1 之间，当前为 1.5");
        assertThat(Messages.localize("is required", java.util.Locale.ENGLISH)).isEqualTo("is required");
    }
}
