package dev.lrlab.ui.playground;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/** A LaTeX formula rendered with KaTeX in the browser. */
@Tag("lr-formula")
@NpmPackage(value = "katex", version = "0.16.22")
@JsModule("./components/lr-formula.ts")
public class Formula extends Component {

    public Formula(String tex) {
        getElement().setAttribute("tex", tex == null ? "" : tex);
        getElement().getClassList().add("lr-formula");
    }
}
