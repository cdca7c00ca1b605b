package dev.lrlab.ui.classroom;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import dev.lrlab.classroom.ClassState;
import dev.lrlab.classroom.CrowdSweep;
import dev.lrlab.classroom.Phase;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.links.LinkService;
import dev.lrlab.ui.playground.PresetLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's controls, one section each: push (a preset, a link or a share code), locks,
 * pace, question and reveal, crowd sweep. Each button is one service call with the secret.
 */
final class TeachControls extends Div {
    private static final Pattern SHARE = Pattern.compile("[?&]s=([^&#]+)");
    private static final Pattern SHORT = Pattern.compile("/l/([0-9A-Za-z]+)");

    private final Instructor teacher;
    private final ExperimentService experiments;
    private final LinkService links;
    private final Div locks = new Div();
    private final Select<ClassState.Question.Kind> kind = new Select<>();
    private final TextField questionText = new TextField();
    private final TextField sweepPath = new TextField();
    private final NumberField sweepMin = new NumberField();
    private final NumberField sweepMax = new NumberField();
    private final IntegerField sweepPoints = new IntegerField();
    private final Checkbox showChart = new Checkbox();
    private final Checkbox anonymize = new Checkbox();
    private ClassState shown;

    TeachControls(Instructor teacher, ExperimentService experiments, LinkService links, PresetLookup presets,
                  java.util.Locale locale) {
        this.teacher = teacher;
        this.experiments = experiments;
        this.links = links;
        addClassName("lr-teach-controls");
        add(pushSection(presets, locale), lockSection(), paceSection(), questionSection(), sweepSection());
    }

    private Div section(String titleKey, com.vaadin.flow.component.Component... parts) {
        Div d = new Div(new H3(getTranslation(titleKey)));
        d.add(parts);
        d.addClassName("lr-teach-section");
        return d;
    }

    private Div pushSection(PresetLookup presets, java.util.Locale locale) {
        Select<PresetLookup.Card> preset = new Select<>();
        preset.setId("push-preset");
        preset.setLabel(getTranslation("class.teach.preset"));
        preset.setItems(presets.cards(locale));
        preset.setItemLabelGenerator(c -> String.join(" ", c.seeds()) + " · " + c.title());
        Button pushPreset = new Button(getTranslation("class.teach.push"), e -> {
            if (preset.getValue() != null) {
                teacher.act((c, code, k) -> c.push(code, k, presets.spec(preset.getValue().id())));
            }
        });
        pushPreset.setId("push-preset-button");
        pushPreset.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        TextField link = new TextField(getTranslation("class.teach.link"));
        link.setId("push-link");
        link.setHelperText(getTranslation("class.teach.linkHelp"));
        Button pushLink = new Button(getTranslation("class.teach.push"), e -> teacher.act((c, code, k) ->
                c.push(code, k, specOf(link.getValue()))));
        pushLink.setId("push-link-button");
        Div row1 = new Div(preset, pushPreset);
        Div row2 = new Div(link, pushLink);
        row1.addClassName("lr-row");
        row2.addClassName("lr-row");
        return section("class.teach.pushTitle", row1, row2);
    }

    /** A playground link ({@code ?s=…}), a short link ({@code /l/…}) or a bare share code. */
    private Map<String, Object> specOf(String text) {
        String t = text.strip();
        Matcher s = SHARE.matcher(t);
        if (s.find()) {
            return experiments.open(java.net.URLDecoder.decode(s.group(1), java.nio.charset.StandardCharsets.UTF_8)).minimal();
        }
        Matcher l = SHORT.matcher(t);
        if (l.find()) {
            return links.spec(l.group(1)).orElseThrow(() ->
                    new dev.lrlab.share.ShareCodeException(getTranslation("class.teach.noLink", l.group(1))));
        }
        return experiments.open(t).minimal();
    }

    private Div lockSection() {
        locks.setId("locks");
        return section("class.teach.locksTitle", locks);
    }

    private Div paceSection() {
        Button start = new Button(getTranslation("class.teach.start"),
                e -> teacher.act((c, code, k) -> c.setPhase(code, k, Phase.RUNNING)));
        start.setId("pace-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button pause = new Button(getTranslation("class.teach.pause"),
                e -> teacher.act((c, code, k) -> c.setPhase(code, k, Phase.PAUSED)));
        pause.setId("pace-pause");
        Button reset = new Button(getTranslation("class.teach.reset"), e -> teacher.act(
                (c, code, k) -> c.resetRuns(code, k)));
        reset.setId("pace-reset");
        Div row = new Div(start, pause, reset);
        row.addClassName("lr-row");
        return section("class.teach.paceTitle", row);
    }

    /**
     * The question as typed; the standard question (left as pre-filled in the instructor's language)
     * is sent as no text, so every seat shows it in its own language.
     */
    private String askedText() {
        String typed = questionText.getValue();
        return typed.strip().equals(getTranslation("class.question.default")) ? null : typed;
    }

    private Div questionSection() {
        kind.setId("question-kind");
        kind.setLabel(getTranslation("class.teach.questionKind"));
        kind.setItems(ClassState.Question.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("class.question.kind." + k.name().toLowerCase(java.util.Locale.ROOT)));
        kind.setValue(ClassState.Question.Kind.CHOICE);
        questionText.setId("question-text");
        questionText.setLabel(getTranslation("class.teach.questionText"));
        questionText.setValue(getTranslation("class.question.default"));
        questionText.setMaxLength(200);
        Button ask = new Button(getTranslation("class.teach.ask"), e -> teacher.act((c, code, k) ->
                c.setQuestion(code, k, new ClassState.Question(kind.getValue(), askedText()))));
        ask.setId("question-ask");
        Button reveal = new Button(getTranslation("class.teach.reveal"),
                e -> teacher.act((c, code, k) -> c.setPhase(code, k, Phase.REVEAL)));
        reveal.setId("reveal");
        reveal.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div row = new Div(kind, questionText, ask, reveal);
        row.addClassName("lr-row");
        return section("class.teach.questionTitle", row);
    }

    private Div sweepSection() {
        sweepPath.setId("sweep-path");
        sweepPath.setLabel(getTranslation("class.teach.sweepPath"));
        sweepPath.setValue("runs[0].optimizer.lr");
        sweepMin.setId("sweep-min");
        sweepMin.setLabel(getTranslation("class.teach.sweepMin"));
        sweepMin.setValue(0.01);
        sweepMax.setId("sweep-max");
        sweepMax.setLabel(getTranslation("class.teach.sweepMax"));
        sweepMax.setValue(0.5);
        sweepPoints.setId("sweep-points");
        sweepPoints.setLabel(getTranslation("class.teach.sweepPoints"));
        sweepPoints.setValue(12);
        Button spread = new Button(getTranslation("class.teach.spread"), e -> teacher.act((c, code, k) ->
                c.setSweep(code, k, new CrowdSweep(sweepPath.getValue().strip(), value(sweepMin), value(sweepMax),
                        sweepPoints.getValue() == null ? 0 : sweepPoints.getValue()))));
        spread.setId("sweep-spread");
        Button stop = new Button(getTranslation("class.teach.sweepOff"), e -> teacher.act((c, code, k) ->
                c.setSweep(code, k, null)));
        stop.setId("sweep-off");
        showChart.setId("show-chart");
        showChart.setLabel(getTranslation("class.teach.showChart"));
        showChart.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                teacher.act((c, code, k) -> c.setShowChart(code, k, e.getValue()));
            }
        });
        anonymize.setId("anonymize");
        anonymize.setLabel(getTranslation("class.teach.anonymize"));
        anonymize.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                teacher.act((c, code, k) -> c.setAnonymized(code, k, e.getValue()));
            }
        });
        Div row = new Div(sweepPath, sweepMin, sweepMax, sweepPoints, spread, stop);
        row.addClassName("lr-row");
        Div flags = new Div(showChart, anonymize);
        flags.addClassName("lr-row");
        return section("class.teach.sweepTitle", row, flags);
    }

    private static double value(NumberField f) {
        return f.getValue() == null ? Double.NaN : f.getValue();
    }

    /** The state changed: the lock boxes follow the pushed experiment, the flags the class. */
    void show(ClassState s) {
        boolean newSpec = shown == null || !java.util.Objects.equals(shown.spec(), s.spec())
                || !shown.editable().equals(s.editable());
        shown = s;
        showChart.setValue(s.showChart());
        anonymize.setValue(s.anonymized());
        if (s.question().kind() != ClassState.Question.Kind.NONE) {
            kind.setValue(s.question().kind());
        }
        if (!newSpec) {
            return;
        }
        locks.removeAll();
        if (s.spec() == null) {
            locks.add(new com.vaadin.flow.component.html.Span(getTranslation("class.teach.pushFirst")));
            return;
        }
        Map<String, Object> canonical = experiments.compile(s.spec()).canonical();
        for (String p : MainFields.present(canonical)) {
            Checkbox box = new Checkbox(getTranslation(MainFields.labelKey(p)), s.editable().contains(p));
            box.getElement().setAttribute("data-path", p);
            box.setTooltipText(getTranslation("class.teach.lockHelp"));
            box.addValueChangeListener(e -> {
                if (!e.isFromClient()) {
                    return;
                }
                List<String> editable = new ArrayList<>(shown.editable());
                editable.remove(p);
                if (e.getValue()) {
                    editable.add(p);
                }
                teacher.act((c, code, k) -> c.setEditable(code, k, editable));
            });
            locks.add(box);
        }
    }
}
