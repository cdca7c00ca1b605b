package dev.lrlab.ui.classroom;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import dev.lrlab.ui.PublicLinks;

/** The join code in big type, the join URL and its QR code: what the lecture hall needs to come in. */
final class JoinCard extends Div {
    JoinCard(String code, String joinUrl) {
        addClassName("lr-join-card");
        Span big = new Span(code);
        big.setId("class-code");
        big.addClassName("lr-class-code");
        Anchor url = new Anchor(joinUrl, joinUrl);
        url.setId("join-url");
        url.setTarget(AnchorTarget.BLANK);
        url.addClassName("lr-join-url");
        Image qr = Svg.image(JoinQr.svg(joinUrl), joinUrl);
        qr.setId("join-qr");
        qr.addClassName("lr-qr");
        Div text = new Div(new Span(getTranslation("class.teach.joinAt")), big, url);
        text.addClassName("lr-join-text");
        add(text, qr);
    }

    /**
     * The address students type: {@code lrlab.public-url}, else as this request reached the server
     * (behind a proxy, {@code server.forward-headers-strategy} makes it the public one) when its host
     * is a plain host name.
     */
    static String origin() {
        return PublicLinks.base();
    }
}
