package dev.lrlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SameOriginTest {

    @Test
    void pathsThatBrowsersReadAsAnotherHostBecomePathsOnThisSite() {
        assertThat(SameOrigin.path("//evil.example/login")).isEqualTo("/evil.example/login");
        assertThat(SameOrigin.path("/\\evil.example")).isEqualTo("/evil.example");
        assertThat(SameOrigin.path("\\\\evil.example\\x")).isEqualTo("/evil.example/x");
        assertThat(SameOrigin.path("/.//evil")).isEqualTo("/evil");
        assertThat(SameOrigin.path("/./\\/evil/")).isEqualTo("/evil/");
        assertThat(SameOrigin.path("///")).isEqualTo("/");
        assertThat(SameOrigin.path("")).isEqualTo("/");
        assertThat(SameOrigin.path("/%2F%2Fevil.example")).isEqualTo("/%2F%2Fevil.example");
        assertThat(SameOrigin.path("/playground")).isEqualTo("/playground");
        assertThat(SameOrigin.path("/class/teach/ABC")).isEqualTo("/class/teach/ABC");
        for (String p : new String[]{"//evil.example/login", "/\\evil", "/.//evil", "\\/evil", "/./\\/evil/"}) {
            assertThat(SameOrigin.isSameOriginPath(SameOrigin.path(p))).as(p).isTrue();
        }
        assertThat(SameOrigin.isSameOriginPath("//evil.example")).isFalse();
        assertThat(SameOrigin.isSameOriginPath("/\\evil.example")).isFalse();
        assertThat(SameOrigin.isSameOriginPath("http://evil.example/")).isFalse();
    }
}
