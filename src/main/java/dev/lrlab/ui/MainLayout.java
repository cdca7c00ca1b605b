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
import dev.lrlab.ui.i18n.LrLabI18NProvider;
import dev.lrlab.ui.views.AboutView;
import dev.lrlab.ui.views.ClassView;
import dev.lrlab.ui.views.CompareView;
import dev.lrlab.ui.views.PresetsView;
import dev.lrlab.ui.playground.PlaygroundView;
import java.util.Locale;

/** The app shell: title, navigation, language switch. */
public class MainLayout extends AppLayout implements LocaleChangeObserver {

    private static final String DARK = "lrlab.dark";

    private final H1 title = new H1();
    private final Span tagline = new Span();
    private final SideNavItem playground = new SideNavItem("", PlaygroundView.class, VaadinIcon.CHART_LINE.create());
    private final SideNavItem presets = new SideNavItem("", PresetsView.class, VaadinIcon.BOOK.create());
    private final SideNavItem compare = new SideNavItem("", CompareView.class, VaadinIcon.SPLIT.create());
    private final SideNavItem classroom = new SideNavItem("", ClassView.class, VaadinIcon.ACADEMY_CAP.create());
    private final SideNavItem about = new SideNavItem("", AboutView.class, VaadinIcon.INFO_CIRCLE_O.create());
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
        nav.addItem(playground, presets, compare, classroom, about);
        nav.getStyle().set("padding", "var(--lumo-space-s)");
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
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
        playground.setLabel(getTranslation("nav.playground"));
        presets.setLabel(getTranslation("nav.presets"));
        compare.setLabel(getTranslation("nav.compare"));
        classroom.setLabel(getTranslation("nav.class"));
        about.setLabel(getTranslation("nav.about"));
        language.setAriaLabel(getTranslation("lang.label"));
        theme.setAriaLabel(getTranslation("theme.toggle"));
        theme.setTooltipText(getTranslation("theme.toggle"));
        language.setValue(event.getLocale().getLanguage().equals("zh") ? LrLabI18NProvider.CHINESE : LrLabI18NProvider.ENGLISH);
    }
}
