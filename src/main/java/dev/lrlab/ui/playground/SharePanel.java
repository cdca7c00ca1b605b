package dev.lrlab.ui.playground;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.StreamResource;
import dev.lrlab.core.engine.ExperimentResult;
import dev.lrlab.experiment.Compiled;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.share.ShareCodeTooLargeException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Copy link, short link (stored on the server), and the exports of the experiment shown: trajectories as CSV, the full result as
 * JSON (computed on request through the application layer's bounded executor), a PyTorch script,
 * the landscape as PNG.
 */
public class SharePanel extends Div {
    private final ExperimentService experiments;
    private final Button copyLink = new Button();
    private final Anchor exportCsv = new Anchor();
    private final Anchor exportJson = new Anchor();
    private final Button exportPng = new Button();
    private final ExportLinks pytorch = new ExportLinks();
    private final Button compare = new Button();
    private Compiled shown;

    public SharePanel(ExperimentService experiments, ShortLinkButton shortLink, Runnable exportLandscapePng) {
        this.experiments = experiments;
        addClassName("lr-controls");
        copyLink.setId("btn-copy-link");
        copyLink.setIcon(VaadinIcon.LINK.create());
        copyLink.addThemeVariants(ButtonVariant.LUMO_CONTRAST, ButtonVariant.LUMO_TERTIARY);
        copyLink.addClickListener(e -> copyLink());
        exportCsv.setId("export-csv");
        exportJson.setId("export-json");
        exportCsv.getElement().setAttribute("download", true);
        exportJson.getElement().setAttribute("download", true);
        exportPng.setId("export-png");
        exportPng.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        exportPng.addClickListener(e -> exportLandscapePng.run());
        compare.setId("btn-compare");
        compare.setIcon(VaadinIcon.SPLIT.create());
        compare.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        // an experiment's code opens on /compare as that experiment and a copy of it
        compare.addClickListener(e -> {
            if (shown != null) {
                String code = experiments.shareCode(shown);
                getUI().ifPresent(ui -> ui.navigate("compare",
                        com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("s", code))));
            }
        });
        add(copyLink, shortLink, compare, exportCsv, exportJson, pytorch, exportPng);
    }

    /** The downloads now belong to {@code shown} (an edit gives them a new experiment). */
    public void show(Compiled shown) {
        this.shown = shown;
        exportCsv.setHref(download(shown, "lrlab-trajectories.csv", "text/csv", true));
        exportJson.setHref(download(shown, "lrlab-result.json", "application/json", false));
        pytorch.update(shown);
    }

    /**
     * Whether the address bar can hold the experiment: {@code tooLarge} null when it can; otherwise
     * Copy link is disabled and says why once (the short link still works).
     */
    public void setLinkable(ShareCodeTooLargeException tooLarge) {
        if (tooLarge == null) {
            if (!copyLink.isEnabled()) { // back under the cap
                copyLink.setEnabled(true);
                copyLink.setTooltipText(null);
            }
            return;
        }
        String why = getTranslation("share.tooLarge", tooLarge.length(), tooLarge.max());
        if (copyLink.isEnabled()) {
            Notification.show(why, 8000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_CONTRAST);
        }
        copyLink.setEnabled(false);
        copyLink.setTooltipText(why);
    }

    /** The address bar holds the experiment (so Copy link copies it, and a reload reopens it). */
    public void showInAddressBar(String address) {
        // before the first attach (beforeEnter) the view has no UI yet: use the current one
        UI ui = getUI().orElse(UI.getCurrent());
        if (ui != null) {
            ui.getPage().getHistory().replaceState(null, address);
        }
    }

    public void relabel() {
        copyLink.setText(getTranslation("share.copy"));
        compare.setText(getTranslation("compare.open"));
        compare.setTooltipText(getTranslation("compare.open.tip"));
        exportCsv.setText(getTranslation("export.csv"));
        exportJson.setText(getTranslation("export.json"));
        exportPng.setText(getTranslation("export.png"));
    }

    private StreamResource download(Compiled shown, String name, String type, boolean csv) {
        StreamResource r = new StreamResource(name, () -> {
            ExperimentResult result = experiments.simulate(shown);
            String text = csv ? experiments.csv(result) : experiments.write(result);
            return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        });
        r.setContentType(type);
        return r;
    }

    /** The address bar holds the experiment: copy it. */
    private void copyLink() {
        Clipboard.copy(getElement(), null);
        Notification.show(getTranslation("share.copied"), 2500, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
