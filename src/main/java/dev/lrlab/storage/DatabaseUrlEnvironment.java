package dev.lrlab.storage;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Understands Heroku's {@code DATABASE_URL} ({@code postgres://user:password@host:port/db}):
 * turns it into the JDBC URL, user and password of {@code spring.datasource.*}. An explicit
 * {@code SPRING_DATASOURCE_URL} (or {@code spring.datasource.url} from the command line or the
 * environment) wins; without either the app keeps its H2 file database.
 */
public class DatabaseUrlEnvironment implements EnvironmentPostProcessor {
    static final String SOURCE = "lrlabDatabaseUrl";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
        String url = env.getProperty("DATABASE_URL");
        if (url == null || url.isBlank() || hasExplicitDataSource(env)) {
            return;
        }
        // after the command line and the OS environment, before application.properties (the H2 default)
        MapPropertySource derived = new MapPropertySource(SOURCE, properties(url));
        if (env.getPropertySources().contains("systemEnvironment")) {
            env.getPropertySources().addAfter("systemEnvironment", derived);
        } else {
            env.getPropertySources().addFirst(derived);
        }
    }

    private static boolean hasExplicitDataSource(ConfigurableEnvironment env) {
        for (String source : new String[]{"commandLineArgs", "systemProperties", "systemEnvironment"}) {
            var ps = env.getPropertySources().get(source);
            if (ps != null && (ps.containsProperty("spring.datasource.url")
                    || ps.containsProperty("SPRING_DATASOURCE_URL"))) {
                return true;
            }
        }
        return false;
    }

    /** {@code postgres://u:p@h:5432/db?sslmode=require} → spring.datasource.{url, username, password}. */
    static Map<String, Object> properties(String databaseUrl) {
        URI uri;
        try {
            uri = URI.create(databaseUrl.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("DATABASE_URL is not a URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme();
        if (!"postgres".equals(scheme) && !"postgresql".equals(scheme)) {
            throw new IllegalStateException("DATABASE_URL must start with postgres:// or postgresql://, was "
                    + scheme + "://");
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalStateException("DATABASE_URL needs a host and a database name: postgres://user:password@host:port/db");
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append(uri.getRawPath());
        if (uri.getRawQuery() != null) {
            jdbc.append('?').append(uri.getRawQuery());
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", jdbc.toString());
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            p.put("spring.datasource.username", decode(colon < 0 ? info : info.substring(0, colon)));
            if (colon >= 0) {
                p.put("spring.datasource.password", decode(info.substring(colon + 1)));
            }
        }
        return p;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
