package dev.lrlab.ui.playground;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.lrlab.ui.landscape.LandscapeCanvas;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * A page on a projector ({@code ?present=1}): the playground, the embed and Compare. The landscape
 * large across the width, projector type on the canvases, charts and readouts, the charts under
 * the landscape, and the forms folded behind one "Experiment settings" button so the lecture hall
 * sees the picture. The layout itself is the stylesheet's ({@code .lr-presenting}); this class
 * switches the parts' sizes, which live in the components (canvas text, chart fonts), and tells
 * the view to update the URL.
 */
public final class PresenterMode {
    private final Component view;
    /** The page's canvases (Compare replaces its panels, so they are asked for each time). */
    private final Supplier<List<LandscapeCanvas>> canvases;
    private final ChartsPanel charts;
    /** Shown only outside presenter mode (sharing, class and panel buttons a lecture hall need not see). */
    private final Supplier<List<Component>> desk;
    private final Button toggle = new Button();
    private final Button forms = new Button();
    private final Runnable changed;
    private boolean presenting;
    private boolean formsOpen;
    /** Whether the app's navigation drawer was open before presenting closed it (it is reopened after). */
    private Boolean drawerWas;
    /** Each canvas's height outside presenter mode (set by its wrapper); presenting leaves it to the stylesheet. */
    private final Map<LandscapeCanvas, String> canvasHeights = new WeakHashMap<>();

    /**
     * @param view    the page: gets the layout's classes and holds the app layout's drawer
     * @param desk    parts hidden while presenting
     * @param changed called after every switch (the view puts {@code present=1} into the URL or takes it out)
     */
    public PresenterMode(Component view, RunStage stage, List<Component> desk, Runnable changed) {
        this(view, () -> List.of(stage.canvas()), stage.charts(), () -> desk, changed);
    }

    /** For a page with several canvases (Compare): {@link #refresh} after it replaced them. */
    public PresenterMode(Component view, Supplier<List<LandscapeCanvas>> canvases, ChartsPanel charts,
                         Supplier<List<Component>> desk, Runnable changed) {
        this.view = view;
        this.canvases = canvases;
        this.charts = charts;
        this.desk = desk;
        this.changed = changed;
        toggle.setId("btn-present");
        toggle.setIcon(VaadinIcon.PRESENTATION.create());
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        toggle.addClickListener(e -> {
            set(!presenting);
            changed.run();
        });
        forms.setId("btn-forms");
        forms.addClassName("lr-forms-toggle");
        forms.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        forms.addClickListener(e -> setFormsOpen(!formsOpen));
        forms.setVisible(false);
    }

    /** Whether an address asks for presenter mode ({@code present=1}): the playground's rule, for every page. */
    public static boolean requested(com.vaadin.flow.router.QueryParameters q) {
        return PlaygroundAddress.presenting(q);
    }

    /** The button that switches presenter mode on and off (in the toolbar). */
    public Button toggle() {
        return toggle;
    }

    /** The button that unfolds the forms while presenting (above the forms, hidden otherwise). */
    public Button formsToggle() {
        return forms;
    }

    public boolean isPresenting() {
        return presenting;
    }

    /** Switches presenter mode; the forms start folded. Does not touch the URL (the caller does). */
    public void set(boolean on) {
        if (on == presenting) {
            return;
        }
        presenting = on;
        view.getElement().getClassList().set("lr-presenting", on);
        refresh();
        charts.setPresenting(on);
        forms.setVisible(on);
        setFormsOpen(false);
        toggle.getElement().setAttribute("aria-pressed", Boolean.toString(on));
        toggle.getElement().getThemeList().set("primary", on);
        drawer();
        relabel();
    }

    /** Gives the page's current canvases and desk parts the mode's sizes (after Compare replaced its panels). */
    public void refresh() {
        for (LandscapeCanvas canvas : canvases.get()) {
            if (presenting && !canvasHeights.containsKey(canvas)) {
                canvasHeights.put(canvas, canvas.getHeight());
                canvas.setHeight(null); // the stylesheet sizes the canvas from the window
            } else if (!presenting && canvasHeights.containsKey(canvas)) {
                canvas.setHeight(canvasHeights.remove(canvas));
            }
            canvas.setTextSize(presenting ? LandscapeCanvas.PROJECTOR_TEXT_PX : LandscapeCanvas.NORMAL_TEXT_PX);
        }
        desk.get().forEach(c -> c.setVisible(!presenting));
    }

    /** The page attached (to the app layout): a page opened with {@code ?present=1} closes the drawer now. */
    public void attached() {
        drawer();
    }

    /** The navigation drawer takes width the landscape needs: closed while presenting, as it was afterwards. */
    private void drawer() {
        AppLayout layout = view.findAncestor(AppLayout.class);
        if (layout == null) {
            return; // not attached yet: attached() comes back here
        }
        if (presenting && drawerWas == null) {
            drawerWas = layout.isDrawerOpened();
            layout.setDrawerOpened(false);
        } else if (!presenting && drawerWas != null) {
            layout.setDrawerOpened(drawerWas);
            drawerWas = null;
        }
    }

    private void setFormsOpen(boolean open) {
        formsOpen = open && presenting;
        view.getElement().getClassList().set("lr-forms-open", formsOpen);
        forms.getElement().setAttribute("aria-expanded", Boolean.toString(formsOpen));
        forms.setIcon((formsOpen ? VaadinIcon.ANGLE_DOWN : VaadinIcon.ANGLE_RIGHT).create());
    }

    /** Texts in the page's language. */
    public void relabel() {
        toggle.setText(view.getTranslation(presenting ? "present.leave" : "present.enter"));
        toggle.setTooltipText(view.getTranslation("present.tip"));
        forms.setText(view.getTranslation("present.forms"));
    }
}
