package dev.lrlab.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import dev.lrlab.ui.i18n.LrLabI18NProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The app shell around every route: title, navigation, language and theme switch. The navigation
 * is read from the views' {@code @Menu} annotations (title = an i18n key), so the shell imports no
 * view and a new page only annotates itself.
 */
@Layout
public class MainLayout extends AppLayout implements LocaleChangeObserver {

    private static final String DARK = "lrlab.dark";

    private final H1 title = new H1();
    private final Span tagline = new Span();
    /** One item per {@code @Menu} view, with the i18n key of its title. */
    private final List<SideNavItem> items = new ArrayList<>();
    private final List<String> titleKeys = new ArrayList<>();
    private final Select<Locale> language = new Select<>();
    private final Button theme = new Button(VaadinIcon.ADJUST.create());

    public MainLayout() {
        title.addClassName("lr-app-title");
        tagline.addClassNames("lr-tagline");
        tagline.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");

        language.setItems(LrLabI18NProvider.ENGLISH, LrLabI18NProvider.CHINESE);
        language.setItemLabelGenerator(l -> l.getLanguage().equals("zh") ? "简体中文" : "English");
        language.setId("language-switch");
        language.setWidth("9rem");
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                VaadinSession.getCurrent().setLocale(e.getValue());
                UI.getCurrent().setLocale(e.getValue());
            }
        });

        HorizontalLayout brand = new HorizontalLayout(title, tagline);
        brand.setAlignItems(FlexComponent.Alignment.BASELINE);
        brand.setSpacing(true);
        theme.setId("theme-toggle");
        theme.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        theme.addClickListener(e -> toggleDark());

        HorizontalLayout navbar = new HorizontalLayout(new DrawerToggle(), brand, theme, language);
        navbar.setWidthFull();
        navbar.setAlignItems(FlexComponent.Alignment.CENTER);
        navbar.expand(brand);
        navbar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(navbar);

        SideNav nav = new SideNav();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem("", entry.path(), icon(entry.icon()));
            items.add(item);
            titleKeys.add(entry.title());
            nav.addItem(item);
        }
        nav.getStyle().set("padding", "var(--lumo-space-s)");
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }

    /** "vaadin:chart-line" → the Vaadin icon of that name. */
    private static Icon icon(String name) {
        if (name == null || !name.contains(":")) {
            return VaadinIcon.CIRCLE_THIN.create();
        }
        int colon = name.indexOf(':');
        return new Icon(name.substring(0, colon), name.substring(colon + 1));
    }

    /** Lumo light / dark for this page; remembered for the session. */
    private void toggleDark() {
        boolean dark = !Boolean.TRUE.equals(VaadinSession.getCurrent().getAttribute(DARK));
        VaadinSession.getCurrent().setAttribute(DARK, dark);
        applyTheme(UI.getCurrent(), dark);
    }

    /** Lumo reads the theme attribute of the html element. */
    private static void applyTheme(UI ui, boolean dark) {
        ui.getPage().executeJs("document.documentElement.setAttribute('theme', $0)", dark ? Lumo.DARK : "");
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        boolean dark = Boolean.TRUE.equals(VaadinSession.getCurrent().getAttribute(DARK));
        applyTheme(attachEvent.getUI(), dark);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        title.setText(getTranslation("app.title"));
        tagline.setText(getTranslation("app.tagline"));
        for (int i = 0; i < items.size(); i++) {
            items.get(i).setLabel(getTranslation(titleKeys.get(i)));
        }
        language.setAriaLabel(getTranslation("lang.label"));
        theme.setAriaLabel(getTranslation("theme.toggle"));
        theme.setTooltipText(getTranslation("theme.toggle"));
        language.setValue(event.getLocale().getLanguage().equals("zh") ? LrLabI18NProvider.CHINESE : LrLabI18NProvider.ENGLISH);
    }
}
