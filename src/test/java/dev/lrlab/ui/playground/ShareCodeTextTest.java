package dev.lrlab.ui.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lrlab.share.ShareCodeException;
import dev.lrlab.share.ShareCodec;
import dev.lrlab.ui.i18n.LrLabI18NProvider;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A broken link explained in the page's language: the English bundle says what the API says, 简体中文 says it in Chinese. */
class ShareCodeTextTest {
    final ShareCodec codec = new ShareCodec();
    final LrLabI18NProvider i18n = new LrLabI18NProvider();

    @Test
    void everyWayACodeBreaksHasBothLanguages() {
        String good = codec.encode(Map.of("landscape", Map.of("type", "quadratic"),
                "runs", List.of(Map.of("optimizer", Map.of("type", "sgd", "lr", 0.1)))));
        List<String> broken = List.of("", "abc", "2.abc", "1.a$b", good.substring(0, good.length() - 3),
                "1." + "A".repeat(ShareCodec.MAX_CODE_LENGTH), good + "AAAA", "1.AAAA");
        Set<String> keys = new LinkedHashSet<>();
        for (String code : broken) {
            ShareCodeException e = catchThrowableOfType(() -> codec.decode(code), ShareCodeException.class);
            assertThat(e).as(code.length() > 40 ? code.substring(0, 40) : code).isNotNull();
            keys.add(e.key());
            assertThat(i18n.getTranslation("share.error." + e.key(), LrLabI18NProvider.ENGLISH, e.args()))
                    .isEqualTo(e.getMessage());
            String zh = i18n.getTranslation("share.error." + e.key(), LrLabI18NProvider.CHINESE, e.args());
            assertThat(zh).doesNotStartWith("!").isNotEqualTo(e.getMessage()).containsPattern("\\p{IsHan}");
        }
        assertThat(keys).contains("empty", "notACode", "version", "badCharacters", "cutOff", "tooLong");
    }
}
