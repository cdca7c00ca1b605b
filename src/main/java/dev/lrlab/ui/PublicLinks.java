package dev.lrlab.ui;

import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import dev.lrlab.web.PublicUrl;

/**
 * The base of absolute links a page hands out (join links, QR codes, short links): the app's
 * {@link PublicUrl} applied to the current request, so {@code lrlab.public-url} wins and a
 * hostile Host header is never echoed.
 */
public final class PublicLinks {
    private PublicLinks() {
    }

    /** E.g. {@code https://lrlab.example}; "" (links relative to the site) when nothing can be trusted. */
    public static String base() {
        VaadinService service = VaadinService.getCurrent();
        if (service == null) {
            return "";
        }
        PublicUrl url = service.getInstantiator().getOrCreate(PublicUrl.class);
        VaadinServletRequest req = VaadinServletRequest.getCurrent();
        return url.base(req == null ? null : req.getHttpServletRequest());
    }
}
