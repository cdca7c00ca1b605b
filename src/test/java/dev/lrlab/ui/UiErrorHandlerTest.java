package dev.lrlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.ErrorEvent;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class UiErrorHandlerTest {
    final Logger log = (Logger) LoggerFactory.getLogger(UiErrorHandler.class);
    final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @AfterEach
    void detach() {
        log.detachAppender(logged);
        UI.setCurrent(null);
    }

    @Test
    void aFailureIsLoggedOnceAndTheReaderToldThroughTheUi() {
        logged.start();
        log.addAppender(logged);
        UI ui = mock(UI.class);
        Component source = mock(Component.class);
        when(source.getUI()).thenReturn(Optional.of(ui));
        ErrorEvent event = mock(ErrorEvent.class);
        when(event.getThrowable()).thenReturn(new IllegalStateException("boom"));
        when(event.getComponent()).thenReturn(Optional.of(source));

        new UiErrorHandler().error(event);

        assertThat(logged.list).hasSize(1);
        assertThat(logged.list.get(0).getThrowableProxy().getMessage()).isEqualTo("boom");
        // the notification goes through access(): safe from any thread, runs when the lock is free
        verify(ui, times(1)).access(any(Command.class));
    }

    @Test
    void aFailureInsideUiAccessUsesTheCurrentUi() {
        // Vaadin hands a failed ui.access command to the session's handler without a component
        UI ui = mock(UI.class);
        UI.setCurrent(ui);
        ErrorEvent event = mock(ErrorEvent.class);
        when(event.getThrowable()).thenReturn(new IllegalStateException("in access"));
        when(event.getComponent()).thenReturn(Optional.empty());

        new UiErrorHandler().error(event);

        verify(ui, times(1)).access(any(Command.class));
    }

    @Test
    void withoutAPageThereIsNothingToShowAndNothingFails() {
        ErrorEvent event = mock(ErrorEvent.class);
        when(event.getThrowable()).thenReturn(new IllegalStateException("background"));
        when(event.getComponent()).thenReturn(Optional.empty());
        new UiErrorHandler().error(event);
    }
}
