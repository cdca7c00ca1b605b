package dev.lrlab.ui.views;

import com.vaadin.flow.router.Route;
import dev.lrlab.ui.MainLayout;

@Route(value = "compare", layout = MainLayout.class)
public class CompareView extends ComingSoonView {
    public CompareView() {
        super("compare");
    }
}
