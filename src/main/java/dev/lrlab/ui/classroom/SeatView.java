package dev.lrlab.ui.classroom;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.lrlab.classroom.ClassState;
import dev.lrlab.classroom.ClassroomException;
import dev.lrlab.classroom.ClassroomService;
import dev.lrlab.classroom.Phase;
import dev.lrlab.experiment.Compiled;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.links.RateLimiter;
import dev.lrlab.live.vaadin.LiveUiService;
import dev.lrlab.spec.SpecException;
import java.util.Map;

/**
 * {@code /class/{code}}: a student's seat. The pushed experiment with the instructor's locks, the
 * seat's own live run (following the instructor's pace), the question, and the class chart when
 * the instructor shows it. The seat comes from the browser's storage, so a refresh rejoins it.
 */
@Route("class/:code")
public class SeatView extends Div implements BeforeEnterObserver, HasDynamicTitle {
    private final ClassroomService classes;
    private final ExperimentService experiments;
    private final H2 heading = new H2();
    private final Span phase = new Span();
    private final Paragraph waiting = new Paragraph();
    private final Div question = new Div();
    private final SeatFields fields;
    private final ClassRun run;
    private final ClassBoard board;
    private final Div ended = new Div();
    private String code;
    private SeatStore.Seat seat;
    private ClassState shown;
    private Map<String, Object> seatSpec;
    private Map<String, Object> mySpec;
    private Object questionKey;

    public SeatView(ClassroomService classes, ExperimentService experiments, LiveUiService live) {
        this.classes = classes;
        this.experiments = experiments;
        this.fields = new SeatFields(this::edited);
        this.run = new ClassRun(live, experiments, true);
        this.board = new ClassBoard(experiments, 13);
        addClassName("lr-page");
        addClassName("lr-seat");
        heading.setId("seat-title");
        phase.setId("seat-phase");
        phase.addClassName("lr-phase");
        question.setId("seat-question");
        question.addClassName("lr-seat-question");
        ended.setId("seat-ended");
        waiting.setId("seat-waiting");
        Div head = new Div(heading, phase);
        head.addClassName("lr-seat-head");
        add(head, ended, waiting, question, fields, run, board);
        run.onEnded(this::handIn);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        code = event.getRouteParameters().get("code").orElse("");
    }

    @Override
    protected void onAttach(AttachEvent e) {
        super.onAttach(e);
        UI ui = e.getUI();
        heading.setText(getTranslation("class.seat.title", code));
        SeatStore.load(ui, code.toUpperCase(java.util.Locale.ROOT), s -> sitDown(ui, s));
    }

    private void sitDown(UI ui, SeatStore.Seat s) {
        if (s == null) {
            ui.navigate("join", com.vaadin.flow.router.QueryParameters.of("code", code));
            return;
        }
        ClassState state;
        try {
            state = classes.asClient(ui.getSession().getBrowser().getAddress(),
                    () -> classes.seat(code, s.member(), s.token()));
        } catch (RateLimiter.RateLimitedException limited) {
            removeAll();
            add(new H2(getTranslation("class.limited.guesses", limited.retryAfterSeconds())));
            return;
        } catch (ClassroomException gone) {
            SeatStore.forget(ui, code.toUpperCase(java.util.Locale.ROOT));
            removeAll();
            add(new H2(getTranslation("class.seat.gone")), new Anchor("join?code=" + code, getTranslation("class.seat.rejoin")));
            return;
        }
        seat = s;
        code = state.code();
        RoomFeed.follow(ui, this, classes, code, ClassState::forStudents, this::apply);
        apply(state);
    }

    /** A newer state of the class: the experiment, locks, pace, question, chart. */
    private void apply(ClassState s) {
        if (shown != null && s.version() <= shown.version()) {
            return;
        }
        ClassState before = shown;
        shown = s;
        heading.setText(getTranslation("class.seat.title", s.code()) + " · "
                + getTranslation("class.seat.you", s.shownName(seat.member())));
        phase.setText(getTranslation("class.phase." + s.phase().wire()));
        phase.getElement().setAttribute("data-phase", s.phase().wire());
        waiting.setText(getTranslation("class.seat.waiting"));
        waiting.setVisible(s.spec() == null);
        if (s.spec() != null && (before == null || !s.spec().equals(before.spec())
                || !s.editable().equals(before.editable()) || !java.util.Objects.equals(s.sweep(), before.sweep()))) {
            seatSpec = classes.seatSpec(s, seat.member());
            mySpec = seatSpec;
            Compiled c = experiments.compile(seatSpec);
            fields.show(seatSpec, c.canonical(), s.editable());
            run.load(mySpec, c);
        }
        fields.setVisible(s.spec() != null);
        run.setVisible(s.spec() != null);
        run.followPace(before, s);
        showQuestion(s);
        board.show(s, s.showChart() || s.phase() == Phase.REVEAL, s.phase() == Phase.REVEAL);
        showEnded(s);
    }

    private void edited(Map<String, Object> spec) {
        try {
            Compiled c = experiments.compile(spec);
            mySpec = spec;
            fields.accepted(spec, c.canonical());
            run.load(spec, c);
        } catch (SpecException e) {
            notify(e.getMessage());
        }
    }

    /** The run ended: the server runs the same spec and keeps its result (and refuses a locked change). */
    private void handIn() {
        if (shown == null || mySpec == null || shown.phase() == Phase.ENDED) {
            return;
        }
        try {
            classes.submit(code, seat.member(), seat.token(), mySpec, null);
        } catch (ClassroomException e) {
            notify(e.getMessage());
        }
    }

    private void showQuestion(ClassState s) {
        ClassState.Question q = s.question();
        // rebuilt only when something it shows changed: a button replaced while a student clicks
        // it would swallow the click (every seat's answer changes the class's version)
        Object key = java.util.List.of(q, s.phase(), s.prediction(seat.member()).map(Object::toString).orElse(""),
                getLocale());
        if (key.equals(questionKey)) {
            return;
        }
        questionKey = key;
        question.removeAll();
        if (q.kind() == ClassState.Question.Kind.NONE || s.phase() == Phase.ENDED) {
            question.setVisible(false);
            return;
        }
        question.setVisible(true);
        question.add(new Paragraph(q.text() == null || q.text().isBlank() ? getTranslation("class.question.default")
                : q.text()));
        ClassState.Prediction mine = s.prediction(seat.member()).orElse(null);
        if (mine != null) {
            Paragraph p = new Paragraph(getTranslation("class.seat.answered", answerText(mine)));
            p.setId("seat-answered");
            question.add(p);
        }
        if (s.phase() == Phase.REVEAL) {
            return;
        }
        if (q.kind() == ClassState.Question.Kind.CHOICE) {
            for (String c : ClassState.Question.CHOICES) {
                Button b = new Button(getTranslation("class.choice." + c), e -> answer(new ClassState.Prediction(0, c, null)));
                b.setId("answer-" + c);
                question.add(b);
            }
        } else {
            NumberField n = new NumberField(getTranslation("class.seat.number"));
            n.setId("answer-number");
            Button send = new Button(getTranslation("class.seat.send"), e -> {
                if (n.getValue() != null) {
                    answer(new ClassState.Prediction(0, null, n.getValue()));
                }
            });
            send.setId("answer-send");
            question.add(n, send);
        }
    }

    private String answerText(ClassState.Prediction p) {
        return p.choice() != null ? getTranslation("class.choice." + p.choice()) : Svg.label(p.number());
    }

    private void answer(ClassState.Prediction p) {
        try {
            classes.predict(code, seat.member(), seat.token(), p);
        } catch (ClassroomException e) {
            notify(e.getMessage());
        }
    }

    private void showEnded(ClassState s) {
        ended.removeAll();
        ended.setVisible(s.phase() == Phase.ENDED);
        if (s.phase() != Phase.ENDED) {
            return;
        }
        ended.add(new Paragraph(getTranslation("class.seat.endedText")));
        s.submission(seat.member()).ifPresent(sub -> {
            Anchor a = new Anchor("playground?s=" + sub.shareCode(), getTranslation("class.seat.myRun"));
            a.setId("my-run");
            ended.add(a);
        });
    }

    private static void notify(String message) {
        Notification n = Notification.show(message, 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("class.seat.title", code == null ? "" : code) + " · LR Lab";
    }
}
