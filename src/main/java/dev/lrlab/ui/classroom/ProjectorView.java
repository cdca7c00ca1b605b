package dev.lrlab.ui.classroom;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.lrlab.classroom.ClassState;
import dev.lrlab.classroom.ClassroomException;
import dev.lrlab.classroom.ClassroomService;
import dev.lrlab.classroom.Phase;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.links.RateLimiter;
import dev.lrlab.live.vaadin.LiveUiService;
import java.util.Map;

/**
 * {@code /class/{code}/projector?k=<secret>}: the lecture hall's screen in big type: how to join,
 * the pushed experiment (or the spotlit seat's run) playing at the class's pace, the class chart
 * and the answers. Shown to a room, so it sees what students see: aliases when anonymized.
 */
@Route("class/:code/projector")
public class ProjectorView extends Div implements BeforeEnterObserver, HasDynamicTitle {
    private final ClassroomService classes;
    private final ExperimentService experiments;
    private final ClassRun run;
    private final ClassBoard board;
    private final Span phase = new Span();
    private final H2 spotlight = new H2();
    private String code;
    private ClassState shown;
    private Map<String, Object> playing;

    public ProjectorView(ClassroomService classes, ExperimentService experiments, LiveUiService live) {
        this.classes = classes;
        this.experiments = experiments;
        this.run = new ClassRun(live, experiments, false);
        this.board = new ClassBoard(experiments, 20);
        addClassName("lr-page");
        addClassName("lr-projector");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String c = event.getRouteParameters().get("code").orElse("");
        String secret = event.getLocation().getQueryParameters().getSingleParameter("k").orElse(null);
        removeAll();
        try {
            shown = classes.asClient(event.getUI().getSession().getBrowser().getAddress(),
                    () -> classes.instructorState(c, secret)).forStudents();
        } catch (ClassroomException | RateLimiter.RateLimitedException e) {
            add(Denied.of(this, e));
            return;
        }
        code = shown.code();
        String joinUrl = JoinCard.origin() + "/join?code=" + code;
        phase.setId("projector-phase");
        phase.addClassName("lr-phase");
        spotlight.setId("projector-spotlight");
        Div left = new Div(new JoinCard(code, joinUrl), phase, spotlight, run);
        left.addClassName("lr-projector-left");
        Div grid = new Div(left, board);
        grid.addClassName("lr-projector-grid");
        add(grid);
        apply(shown);
    }

    @Override
    protected void onAttach(AttachEvent e) {
        super.onAttach(e);
        if (code != null) {
            RoomFeed.follow(e.getUI(), this, classes, code, ClassState::forStudents, this::apply);
        }
    }

    private void apply(ClassState s) {
        ClassState before = shown == s ? null : shown;
        if (before != null && s.version() <= before.version()) {
            return;
        }
        shown = s;
        phase.setText(getTranslation("class.phase." + s.phase().wire()));
        // the spotlit seat's last run when there is one, else the pushed experiment itself
        ClassState.Submission spot = s.spotlight() == null ? null : s.submission(s.spotlight()).orElse(null);
        Map<String, Object> spec = spot != null ? spot.spec() : s.spec();
        spotlight.setVisible(spot != null);
        if (spot != null) {
            spotlight.setText(getTranslation("class.projector.spotlight", s.shownName(s.spotlight())));
        }
        if (spec != null && !spec.equals(playing)) {
            playing = spec;
            run.load(spec);
            if (s.phase() == Phase.RUNNING || s.spotlight() != null) {
                run.play();
            }
        }
        run.followPace(before, s);
        run.setVisible(spec != null);
        board.show(s, true, s.phase() == Phase.REVEAL);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("class.projector.title", code == null ? "" : code) + " · LR Lab";
    }
}
