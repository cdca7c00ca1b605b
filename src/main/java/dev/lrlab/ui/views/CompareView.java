package dev.lrlab.ui.views;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

@Route("compare")
@Menu(title = "nav.compare", order = 2, icon = "vaadin:split")
public class CompareView extends ComingSoonView {
    public CompareView() {
        super("compare");
    }
}
