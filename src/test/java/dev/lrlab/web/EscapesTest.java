package dev.lrlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EscapesTest {

    @Test
    void findsTheFirstBrokenEscape() {
        assertThat(Escapes.firstBroken(null)).isNull();
        assertThat(Escapes.firstBroken("s=1.abc")).isNull();
        assertThat(Escapes.firstBroken("s=a%20b%C3%A9")).isNull();
        assertThat(Escapes.firstBroken("s=1.abc%%%zz")).isEqualTo("%%%");
        assertThat(Escapes.firstBroken("x=%")).isEqualTo("%");
        assertThat(Escapes.firstBroken("x=%4")).isEqualTo("%4");
        assertThat(Escapes.firstBroken("/about;x=%zz")).isEqualTo("%zz");
    }

    @Test
    void repairWritesBrokenPercentSignsAsLiteralOnesAndKeepsValidEscapes() {
        assertThat(Escapes.repair("s=1.abc%%%zz")).isEqualTo("s=1.abc%25%25%25zz");
        assertThat(Escapes.repair("x=%")).isEqualTo("x=%25");
        assertThat(Escapes.repair("a%20b%zz")).isEqualTo("a%20b%25zz");
        assertThat(Escapes.repair("fine%2F")).isEqualTo("fine%2F");
        assertThat(Escapes.firstBroken(Escapes.repair("%%4%g%"))).isNull();
    }

    @Test
    void vaadinRequestTypeIsReadFromTheRawQuery() {
        assertThat(HostileUrlFilter.vaadinRequestType(null)).isNull();
        assertThat(HostileUrlFilter.vaadinRequestType("s=1.abc")).isNull();
        assertThat(HostileUrlFilter.vaadinRequestType("v-r=init&location=&query=s%3D1")).isEqualTo("init");
        assertThat(HostileUrlFilter.vaadinRequestType("v-uiId=0&v-r=uidl")).isEqualTo("uidl");
    }
}
