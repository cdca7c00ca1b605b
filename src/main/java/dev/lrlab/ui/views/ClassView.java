package dev.lrlab.ui.views;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

@Route("class")
@Menu(title = "nav.class", order = 3, icon = "vaadin:academy-cap")
public class ClassView extends ComingSoonView {
    public ClassView() {
        super("class");
    }
}
