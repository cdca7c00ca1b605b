package dev.lrlab.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** Page objects of a class session: the instructor's dashboard and a student's seat. */
final class ClassPages {
    private ClassPages() {
    }

    static final class Teacher {
        final Page page;

        Teacher(Page page) {
            this.page = page;
        }

        /** Starts a class from /class; the join code. */
        String start(String base) {
            page.navigate(base + "/class");
            page.locator("#start-class").click();
            page.waitForSelector("#class-code");
            return page.locator("#class-code").innerText().strip();
        }

        void pushShareCode(String code) {
            page.locator("#push-link input").fill(code);
            page.locator("#push-link-button").click();
        }

        void allow(String path) {
            page.locator("#locks vaadin-checkbox[data-path='" + path + "']").click();
        }

        void ask() {
            page.locator("#question-ask").click();
        }

        void sweep(double min, double max, int points) {
            fill("#sweep-min", Double.toString(min));
            fill("#sweep-max", Double.toString(max));
            fill("#sweep-points", Integer.toString(points));
            page.locator("#sweep-spread").click();
        }

        void fill(String field, String value) {
            Locator in = page.locator(field + " input");
            in.fill(value);
            in.press("Tab");
        }

        void click(String id) {
            page.locator(id).click();
        }
    }

    static final class Student {
        final Page page;

        Student(Page page) {
            this.page = page;
        }

        Student join(String base, String code, String name) {
            page.navigate(base + "/join?code=" + code);
            page.locator("#join-name input").fill(name);
            page.locator("#join").click();
            page.waitForSelector("#seat-phase");
            return this;
        }

        Locator field(String path) {
            return page.locator("vaadin-text-field[data-path='" + path + "']");
        }

        String phase() {
            return page.locator("#seat-phase").getAttribute("data-phase");
        }

        /** The seat kept in localStorage: "memberId.seatToken". */
        String seat(String code) {
            return (String) page.evaluate("c => localStorage.getItem('lrlab.seat.' + c)", code);
        }
    }
}
