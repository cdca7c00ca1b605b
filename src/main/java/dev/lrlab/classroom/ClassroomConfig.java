package dev.lrlab.classroom;

import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.links.JdbcBuckets;
import dev.lrlab.links.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Beans of class sessions: the tables on the application's DataSource, the room events (in-JVM
 * on one node, PostgreSQL LISTEN/NOTIFY across nodes: {@code lrlab.classes.events}), the limits
 * {@code lrlab.classes.max-members}, {@code lrlab.classes.idle-hours} and
 * {@code lrlab.classes.guesses-per-minute}, {@code lrlab.classes.creates-per-hour},
 * {@code lrlab.classes.joins-per-minute}.
 */
@Configuration(proxyBeanMethods = false)
public class ClassroomConfig {
    private static final Logger LOG = LoggerFactory.getLogger(ClassroomConfig.class);

    @Bean
    public ClassStore classStore(DataSource dataSource) {
        return new ClassStore(dataSource);
    }

    /**
     * {@code lrlab.classes.events}: {@code local} (one node, in-JVM), {@code postgres} (LISTEN/NOTIFY
     * on the application's database, for several nodes) or {@code auto} (the default: postgres
     * exactly when the datasource is PostgreSQL, since every node sharing that database may then
     * serve pages of the same class).
     */
    @Bean(destroyMethod = "close")
    public RoomEvents roomEvents(Environment env, DataSource dataSource, ClassStore store) {
        String url = env.getProperty("spring.datasource.url", "");
        String mode = env.getProperty("lrlab.classes.events", "auto").trim().toLowerCase(Locale.ROOT);
        boolean postgres = url.startsWith("jdbc:postgresql:");
        switch (mode) {
            case "local" -> {
                return new InJvmRoomEvents();
            }
            case "postgres" -> {
                if (!postgres) {
                    throw new IllegalStateException("lrlab.classes.events=postgres needs a PostgreSQL datasource "
                            + "(SPRING_DATASOURCE_URL=jdbc:postgresql://… or DATABASE_URL), was " + url);
                }
            }
            case "auto" -> {
                if (!postgres) {
                    return new InJvmRoomEvents();
                }
            }
            default -> throw new IllegalStateException("lrlab.classes.events must be auto, local or postgres, was "
                    + mode);
        }
        // without the query: it may hold a password
        LOG.info("Class events across nodes: PostgreSQL LISTEN/NOTIFY on {}", url.replaceFirst("\\?.*", ""));
        return new PgRoomEvents(dataSource, url, env.getProperty("spring.datasource.username"),
                env.getProperty("spring.datasource.password"),
                env.getProperty("lrlab.node-name", env.getProperty("server.port", "8080")), store);
    }

    /**
     * The per-network limits, counted in the shared {@code rate_buckets} table (every node alike):
     * wrong guesses ({@code lrlab.classes.guesses-per-minute}), classes started
     * ({@code lrlab.classes.creates-per-hour}) and seats taken ({@code lrlab.classes.joins-per-minute}).
     * A lecture hall behind one NAT is one network: the join limit is a burst the size of a full class.
     */
    @Bean
    public ClassroomService classroomService(ExperimentService experiments, ClassStore store, RoomEvents events,
                                             JdbcBuckets buckets,
                                             @Value("${lrlab.classes.max-members:300}") int maxMembers,
                                             @Value("${lrlab.classes.idle-hours:12}") double idleHours,
                                             @Value("${lrlab.classes.guesses-per-minute:20}") int guessesPerMinute,
                                             @Value("${lrlab.classes.creates-per-hour:30}") int createsPerHour,
                                             @Value("${lrlab.classes.joins-per-minute:300}") int joinsPerMinute) {
        ClassroomService.Limiters limits = new ClassroomService.Limiters(
                new RateLimiter("class-guesses", guessesPerMinute, Duration.ofMinutes(1),
                        "unknown class codes or wrong secrets", buckets, System::currentTimeMillis),
                new RateLimiter("class-creates", createsPerHour, Duration.ofHours(1), "new classes", buckets,
                        System::currentTimeMillis),
                new RateLimiter("class-joins", joinsPerMinute, Duration.ofMinutes(1), "joins", buckets,
                        System::currentTimeMillis));
        return new ClassroomService(experiments, store, events, limits,
                new ClassroomService.Settings(maxMembers, Duration.ofSeconds(Math.round(idleHours * 3600))),
                Clock.systemUTC());
    }
}
