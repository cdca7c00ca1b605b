package dev.lrlab.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.Theme;

/** Page-level settings: server push for streaming trajectories, the Lumo-based theme. */
@Push
@Theme("lrlab")
@Meta(name = "description", content = "LR Lab: a playground for learning rates, optimizers and loss landscapes")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("LR Lab");
        settings.addFavIcon("icon", "icons/favicon.svg", "any");
    }
}
