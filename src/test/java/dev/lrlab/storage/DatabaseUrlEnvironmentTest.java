package dev.lrlab.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DatabaseUrlEnvironmentTest {

    @Test
    void herokuDatabaseUrlBecomesJdbcUrlAndCredentials() {
        assertThat(DatabaseUrlEnvironment.properties("postgres://u5er:p%40ss:w0rd@ec2-1-2-3-4.compute.amazonaws.com:5432/d8x?sslmode=require"))
                .containsEntry("spring.datasource.url",
                        "jdbc:postgresql://ec2-1-2-3-4.compute.amazonaws.com:5432/d8x?sslmode=require")
                .containsEntry("spring.datasource.username", "u5er")
                .containsEntry("spring.datasource.password", "p@ss:w0rd");
        assertThat(DatabaseUrlEnvironment.properties("postgresql://localhost/lrlab"))
                .containsExactly(Map.entry("spring.datasource.url", "jdbc:postgresql://localhost/lrlab"));
        assertThatThrownBy(() -> DatabaseUrlEnvironment.properties("mysql://h/db"))
                .hasMessageContaining("postgres://");
        assertThatThrownBy(() -> DatabaseUrlEnvironment.properties("postgres://h")).hasMessageContaining("database name");
    }

    @Test
    void appliesOverTheDefaultButNotOverAnExplicitDataSource() {
        StandardEnvironment env = env(Map.of("DATABASE_URL", "postgres://a:b@db:5433/x"));
        new DatabaseUrlEnvironment().postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db:5433/x");
        assertThat(env.getProperty("spring.datasource.username")).isEqualTo("a");

        StandardEnvironment explicit = env(Map.of("DATABASE_URL", "postgres://a:b@db:5433/x",
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://other/y"));
        new DatabaseUrlEnvironment().postProcessEnvironment(explicit, new SpringApplication());
        assertThat(explicit.getPropertySources().contains(DatabaseUrlEnvironment.SOURCE)).isFalse();
    }

    private static StandardEnvironment env(Map<String, Object> systemEnv) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().replace("systemEnvironment", new MapPropertySource("systemEnvironment", systemEnv));
        env.getPropertySources().addLast(new MapPropertySource("application.properties",
                Map.of("spring.datasource.url", "jdbc:h2:file:./data/lrlab")));
        return env;
    }
}
