package dev.lrlab.ui.classroom;

import com.vaadin.flow.component.UI;
import java.util.function.Consumer;

/**
 * The browser keeps its seat (member id and seat token) in localStorage per class code, so a
 * refresh, a lost connection or a reopened tab sits down on the same seat.
 */
final class SeatStore {
    record Seat(int member, String token) {
    }

    private SeatStore() {
    }

    private static String key(String code) {
        return "lrlab.seat." + code;
    }

    static void save(UI ui, String code, int member, String token) {
        ui.getPage().executeJs("localStorage.setItem($0, $1)", key(code), member + "." + token);
    }

    static void forget(UI ui, String code) {
        ui.getPage().executeJs("localStorage.removeItem($0)", key(code));
    }

    /** Calls {@code then} with the stored seat, or null. */
    static void load(UI ui, String code, Consumer<Seat> then) {
        ui.getPage().executeJs("return localStorage.getItem($0) || ''", key(code)).then(String.class,
                v -> then.accept(parse(v)), err -> then.accept(null));
    }

    static Seat parse(String v) {
        int dot = v == null ? -1 : v.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            return new Seat(Integer.parseInt(v.substring(0, dot)), v.substring(dot + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
