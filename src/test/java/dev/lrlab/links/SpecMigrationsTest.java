package dev.lrlab.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecMigrationsTest {
    @Test
    void versionOneIsCurrentAndMigratesAsItIs() {
        Map<String, Object> spec = Map.of("landscape", Map.of("type", "beale"));
        assertThat(SpecMigrations.CURRENT).isEqualTo(1);
        assertThat(SpecMigrations.toCurrent(1, spec)).isSameAs(spec);
    }

    @Test
    void newerAndImpossibleVersionsAreRefusedPlainly() {
        assertThatThrownBy(() -> SpecMigrations.toCurrent(2, Map.of()))
                .isInstanceOf(SpecMigrations.UnsupportedVersionException.class)
                .hasMessageContaining("spec version 2, newer than this server's version 1");
        assertThatThrownBy(() -> SpecMigrations.toCurrent(0, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
