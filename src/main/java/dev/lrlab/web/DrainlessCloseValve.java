package dev.lrlab.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Gives the servlet layer a way to close a connection without draining its request body. After an
 * answer, Tomcat reads and discards the unread rest of the body (up to
 * {@code server.tomcat.max-swallow-size}) so the connection can be reused; for a refused body that
 * costs a thread for as long as a slow client takes to send it. The hook, a {@link Runnable} in the
 * request attribute {@link #HOOK}, tells Tomcat to skip that and close the connection instead.
 */
public class DrainlessCloseValve extends ValveBase {
    static final String HOOK = DrainlessCloseValve.class.getName() + ".closeWithoutDraining";

    public DrainlessCloseValve() {
        super(true); // async requests pass through it (the API reads slow bodies asynchronously)
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        org.apache.coyote.Request coyote = request.getCoyoteRequest();
        request.setAttribute(HOOK, (Runnable) () -> coyote.action(ActionCode.DISABLE_SWALLOW_INPUT, null));
        getNext().invoke(request, response);
    }
}
