package dev.lrlab.ui.classroom;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import dev.lrlab.classroom.ClassState;
import dev.lrlab.classroom.ClassroomException;
import dev.lrlab.classroom.ClassroomService;
import dev.lrlab.classroom.RoomEvents;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A page's subscription to its class: while the page is attached, every room event re-reads the
 * class (on the events' thread, never the UI's) and hands the state to the page with
 * {@code ui.access}; the page drops versions older than the one it shows, so duplicated or late
 * events change nothing. Detaching unsubscribes.
 */
final class RoomFeed {
    private RoomFeed() {
    }

    /**
     * Subscribes now (the page is attached) and unsubscribes when it detaches.
     *
     * @param view what this page may see of the state ({@link ClassState#forStudents} on student
     *             and projector pages: real names never reach them when anonymized)
     */
    static void follow(UI ui, Component page, ClassroomService classes, String code, UnaryOperator<ClassState> view,
                       Consumer<ClassState> onUi) {
        RoomEvents.Listener listener = (c, version) -> {
            ClassState s;
            try {
                s = view.apply(classes.stateAtLeast(c, version));
            } catch (ClassroomException gone) {
                return; // expired between the event and the read: the page says so on its next action
            }
            ui.access(() -> onUi.accept(s));
        };
        RoomEvents.Subscription sub = classes.events().subscribe(code, listener);
        page.addDetachListener(d -> sub.close());
        // a change between the page's first read and this subscription would otherwise be missed
        listener.changed(code, 0);
    }
}
