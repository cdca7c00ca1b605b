package dev.lrlab.ui.playground;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.lrlab.ui.landscape.LandscapeCanvas;
import java.util.List;

/**
 * The playground on a projector ({@code ?present=1}): the landscape large across the whole width,
 * projector type on the canvas, charts and readouts, the charts under the landscape, and the
 * forms folded behind one "Experiment settings" button so the lecture hall sees the picture. The
 * layout itself is the stylesheet's ({@code .lr-presenting}); this class switches the parts' sizes,
 * which live in the components (canvas text, chart fonts), and tells the view to update the URL.
 */
public final class PresenterMode {
    private final Component view;
    private final LandscapeCanvas canvas;
    private final ChartsPanel charts;
    /** Shown only outside presenter mode (sharing and class buttons a lecture hall need not see). */
    private final List<Component> desk;
    private final Button toggle = new Button();
    private final Button forms = new Button();
    private final Runnable changed;
    private boolean presenting;
    private boolean formsOpen;
    /** Whether the app's navigation drawer was open before presenting closed it (it is reopened after). */
    private Boolean drawerWas;
    /** The canvas height outside presenter mode (set by its wrapper); presenting leaves it to the stylesheet. */
    private String canvasHeight;

    /**
     * @param view    the playground: gets the layout's classes and holds the app layout's drawer
     * @param desk    parts hidden while presenting
     * @param changed called after every switch (the view puts {@code present=1} into the URL or takes it out)
     */
    public PresenterMode(Component view, RunStage stage, List<Component> desk, Runnable changed) {
        this.view = view;
        this.canvas = stage.canvas();
        this.charts = stage.charts();
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
        if (on) {
            canvasHeight = canvas.getHeight();
            canvas.setHeight(null); // the stylesheet sizes the canvas from the window
        } else {
            canvas.setHeight(canvasHeight);
        }
        canvas.setTextSize(on ? LandscapeCanvas.PROJECTOR_TEXT_PX : LandscapeCanvas.NORMAL_TEXT_PX);
        charts.setPresenting(on);
        desk.forEach(c -> c.setVisible(!on));
        forms.setVisible(on);
        setFormsOpen(false);
        toggle.getElement().setAttribute("aria-pressed", Boolean.toString(on));
        toggle.getElement().getThemeList().set("primary", on);
        drawer();
        relabel();
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
