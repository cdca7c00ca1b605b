package dev.lrlab.ui.views;

import com.vaadin.flow.router.Route;
import dev.lrlab.ui.MainLayout;

@Route(value = "class", layout = MainLayout.class)
public class ClassView extends ComingSoonView {
    public ClassView() {
        super("class");
    }
}
