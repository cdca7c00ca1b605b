package dev.lrlab.ui.playground;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.shared.Registration;
import java.util.List;

/**
 * Run / Pause / Resume, Step ×1 and ×10, Stop, Reset and the speed. Fires {@link CommandEvent}s
 * carrying what was asked; the view decides what a command does to the live session.
 */
public class RunControls extends Div {

    public enum Command { PLAY_PAUSE, STEP, STOP, RESET, SPEED }

    /** What the play button offers, from what the run is doing. */
    public enum State { IDLE, PLAYING, PAUSED }

    static final List<Integer> SPEEDS = List.of(10, 30, 100, 300, 1000, 0);
    static final int DEFAULT_SPEED = 100;

    private final Button play = new Button();
    private final Button step1 = new Button();
    private final Button step10 = new Button();
    private final Button stop = new Button();
    private final Button reset = new Button();
    private final Select<Integer> speed = new Select<>();
    private State state = State.IDLE;

    public RunControls() {
        addClassName("lr-controls");
        play.setId("btn-play");
        play.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        play.addClickListener(e -> fireEvent(new CommandEvent(this, Command.PLAY_PAUSE, 0)));
        step1.setId("btn-step1");
        step1.addClickListener(e -> fireEvent(new CommandEvent(this, Command.STEP, 1)));
        step10.setId("btn-step10");
        step10.addClickListener(e -> fireEvent(new CommandEvent(this, Command.STEP, 10)));
        stop.setId("btn-stop");
        stop.addClickListener(e -> fireEvent(new CommandEvent(this, Command.STOP, 0)));
        reset.setId("btn-reset");
        reset.addClickListener(e -> fireEvent(new CommandEvent(this, Command.RESET, 0)));
        for (Button b : List.of(step1, step10, stop, reset)) {
            b.addThemeVariants(ButtonVariant.LUMO_CONTRAST, ButtonVariant.LUMO_TERTIARY);
        }
        speed.setId("speed");
        speed.setItems(SPEEDS);
        speed.setValue(DEFAULT_SPEED);
        speed.setWidth("9rem");
        speed.addValueChangeListener(e -> fireEvent(new CommandEvent(this, Command.SPEED, stepsPerSecond())));
        add(play, step1, step10, stop, reset, speed);
        showState();
    }

    /** Steps per second chosen; 0 = as fast as possible. */
    public int stepsPerSecond() {
        return speed.getValue() == null ? DEFAULT_SPEED : speed.getValue();
    }

    public void setState(State state) {
        this.state = state;
        showState();
    }

    public State state() {
        return state;
    }

    /** Run and step need a valid experiment. */
    public void setRunnable(boolean runnable) {
        play.setEnabled(runnable || state != State.IDLE);
        step1.setEnabled(runnable);
        step10.setEnabled(runnable);
    }

    public void relabel() {
        step1.setText(getTranslation("controls.step1"));
        step10.setText(getTranslation("controls.step10"));
        stop.setText(getTranslation("controls.stop"));
        reset.setText(getTranslation("controls.reset"));
        speed.setLabel(null);
        speed.setAriaLabel(getTranslation("controls.speed"));
        speed.setItemLabelGenerator(s -> s == 0 ? getTranslation("controls.speed.max")
                : getTranslation("controls.speed.sps", s));
        showState();
    }

    private void showState() {
        play.setText(getTranslation(switch (state) {
            case PLAYING -> "controls.pause";
            case PAUSED -> "controls.resume";
            case IDLE -> "controls.run";
        }));
        play.setIcon((state == State.PLAYING ? VaadinIcon.PAUSE : VaadinIcon.PLAY).create());
        stop.setEnabled(state != State.IDLE);
    }

    public Registration addCommandListener(ComponentEventListener<CommandEvent> l) {
        return addListener(CommandEvent.class, l);
    }

    /** A control was used; {@code value} is the step count (STEP) or steps per second (SPEED). */
    public static class CommandEvent extends ComponentEvent<RunControls> {
        private final Command command;
        private final int value;

        CommandEvent(RunControls source, Command command, int value) {
            super(source, false);
            this.command = command;
            this.value = value;
        }

        public Command command() {
            return command;
        }

        public int value() {
            return value;
        }
    }
}
