package dev.lrlab.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class PublicUrlTest {

    static MockHttpServletRequest request(String scheme, String host, int port) {
        MockHttpServletRequest r = new MockHttpServletRequest();
        r.setScheme(scheme);
        r.setServerName(host);
        r.setServerPort(port);
        return r;
    }

    @Test
    void aConfiguredPublicUrlWinsOverAnyHostHeader() {
        PublicUrl url = new PublicUrl("https://lrlab.example/");
        assertThat(url.base(request("http", "attacker.example", 80))).isEqualTo("https://lrlab.example");
        assertThat(new PublicUrl("https://school.example:8443/lrlab").base(null))
                .isEqualTo("https://school.example:8443/lrlab");
    }

    @Test
    void unsetAPlainHostIsUsedAndAnythingElseGivesSiteRelativeLinks() {
        PublicUrl url = new PublicUrl("");
        assertThat(url.base(request("https", "LRLab.Example", 443))).isEqualTo("https://lrlab.example");
        assertThat(url.base(request("http", "192.0.2.1", 8080))).isEqualTo("http://192.0.2.1:8080");
        assertThat(url.base(request("http", "[2001:db8::1]", 8080))).isEqualTo("http://[2001:db8::1]:8080");
        for (String hostile : new String[]{"evil.example\"><script>", "a@evil.example", "evil.example/x", "evil example",
                "evil.example#", "-evil.example", "evil.example%2f"}) {
            assertThat(url.base(request("http", hostile, 80))).as(hostile).isEmpty();
        }
        assertThat(url.base(request("javascript", "lrlab.example", 80))).isEmpty();
    }

    @Test
    void aMalformedSettingStopsTheStartNamingIt() {
        for (String bad : new String[]{"lrlab.example", "ftp://lrlab.example", "https://lrlab.example/?x=1",
                "https://user@lrlab.example", "https://lrlab.example/#top", "https://evil\">.example"}) {
            assertThatThrownBy(() -> new PublicUrl(bad)).as(bad).hasMessageContaining("lrlab.public-url");
        }
    }
}
