package dev.lrlab.ui.views;

import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouteNotFoundError;
import dev.lrlab.ui.MainLayout;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An address with no page: Vaadin's own answer is a bare English line outside the app; this one
 * stays inside the app layout, in the reader's language, with the way on. It extends
 * {@link RouteNotFoundError} so Vaadin uses it in place of its default.
 */
@ParentLayout(MainLayout.class)
public class NotFoundView extends RouteNotFoundError implements LocaleChangeObserver, HasDynamicTitle {

    private final ErrorPanel panel = new ErrorPanel("not-found");

    public NotFoundView() {
        getElement().appendChild(panel.getElement());
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        panel.show(getTranslation("notFound.title"), getTranslation("notFound.body"),
                getTranslation("broken.fresh"), getTranslation("broken.presets"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notFound.title") + " · LR Lab";
    }
}
