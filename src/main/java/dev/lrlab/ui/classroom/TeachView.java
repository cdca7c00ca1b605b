package dev.lrlab.ui.classroom;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import dev.lrlab.classroom.ClassState;
import dev.lrlab.classroom.ClassroomException;
import dev.lrlab.classroom.ClassroomService;
import dev.lrlab.classroom.Phase;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.links.LinkService;
import dev.lrlab.links.RateLimiter;
import dev.lrlab.ui.playground.PresetLookup;
import dev.lrlab.ui.playground.SendToClassButton;
import java.nio.charset.StandardCharsets;

/**
 * {@code /class/teach/{code}?k=<secret>}: the instructor's dashboard. The private link is the only
 * key: the page reads the class with it (so reopening the link, in another tab or after a server
 * restart, gives the same dashboard) and every action presents it to the service again.
 */
@Route("class/teach/:code")
public class TeachView extends Div implements BeforeEnterObserver, HasDynamicTitle {
    private final ClassroomService classes;
    private final ExperimentService experiments;
    private final LinkService links;
    private final PresetLookup presets;
    private final Span phase = new Span();
    private final Paragraph pushed = new Paragraph();
    private final Paragraph members = new Paragraph();
    private Instructor teacher;
    private TeachControls controls;
    private ClassBoard board;
    private Gallery gallery;
    private ClassState shown;

    public TeachView(ClassroomService classes, ExperimentService experiments, LinkService links, PresetLookup presets) {
        this.classes = classes;
        this.experiments = experiments;
        this.links = links;
        this.presets = presets;
        addClassName("lr-page");
        addClassName("lr-teach");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getRouteParameters().get("code").orElse("");
        String secret = event.getLocation().getQueryParameters().getSingleParameter("k").orElse(null);
        removeAll();
        try {
            shown = classes.asClient(event.getUI().getSession().getBrowser().getAddress(),
                    () -> classes.instructorState(code, secret));
        } catch (ClassroomException | RateLimiter.RateLimitedException e) {
            add(Denied.of(this, e));
            return;
        }
        teacher = new Instructor(classes, shown.code(), secret);
        // the playground of this browser session may now "Send to my class"
        SendToClassButton.remember(event.getUI().getSession(), shown.code(), secret);
        build();
    }

    private void build() {
        String joinUrl = JoinCard.origin() + "/join?code=" + shown.code();
        H2 title = new H2(getTranslation("class.teach.title", shown.code()));
        phase.setId("teach-phase");
        phase.addClassName("lr-phase");
        Div head = new Div(title, phase);
        head.addClassName("lr-seat-head");
        Anchor projector = new Anchor("class/" + shown.code() + "/projector?k=" + teacher.secret,
                getTranslation("class.teach.projector"));
        projector.setId("projector-link");
        projector.setTarget(AnchorTarget.BLANK);
        Paragraph keep = new Paragraph(getTranslation("class.teach.keepLink"));
        keep.addClassName("lr-hint");
        pushed.setId("teach-pushed");
        members.setId("teach-members");
        controls = new TeachControls(teacher, experiments, links, presets, getLocale());
        board = new ClassBoard(experiments, 13);
        gallery = new Gallery(member -> teacher.act((c, code, k) -> c.spotlight(code, k, member)));
        Anchor csv = new Anchor(new StreamResource("class-" + shown.code() + ".csv", () ->
                new java.io.ByteArrayInputStream(classes.results(teacher.code, teacher.secret).csv()
                        .getBytes(StandardCharsets.UTF_8))), getTranslation("class.teach.exportCsv"));
        csv.setId("export-csv");
        csv.getElement().setAttribute("download", true);
        Button end = new Button(getTranslation("class.teach.end"), e -> teacher.act((c, code, k) -> c.end(code, k)));
        end.setId("end-class");
        end.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div tail = new Div(csv, end);
        tail.addClassName("lr-row");
        Div left = new Div(new JoinCard(shown.code(), joinUrl), projector, keep, pushed, members, controls);
        left.addClassName("lr-teach-left");
        Div right = new Div(board, new H3(getTranslation("class.gallery.title")), gallery, tail);
        right.addClassName("lr-teach-right");
        Div grid = new Div(left, right);
        grid.addClassName("lr-teach-grid");
        add(head, grid);
        apply(shown);
    }

    @Override
    protected void onAttach(AttachEvent e) {
        super.onAttach(e);
        if (teacher != null) {
            // the instructor's own page may show real names: no forStudents() here
            RoomFeed.follow(e.getUI(), this, classes, teacher.code, s -> s, this::apply);
        }
    }

    private void apply(ClassState s) {
        if (shown != null && s.version() < shown.version()) {
            return;
        }
        shown = s;
        phase.setText(getTranslation("class.phase." + s.phase().wire()));
        phase.getElement().setAttribute("data-phase", s.phase().wire());
        pushed.setText(s.spec() == null ? getTranslation("class.teach.nothingPushed")
                : getTranslation("class.teach.pushedRuns", ((java.util.List<?>) s.spec().get("runs")).size()));
        members.setText(getTranslation("class.teach.members", s.members().size(), s.submissions().size(),
                s.predictions().size()));
        controls.show(s);
        board.show(s, true, true);
        gallery.show(s);
        if (s.phase() == Phase.ENDED) {
            controls.setEnabled(false);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("class.teach.title", shown == null ? "" : shown.code()) + " · LR Lab";
    }
}
