package dev.lrlab.classroom;

import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.links.JdbcBuckets;
import dev.lrlab.links.RateLimiter;
import dev.lrlab.spec.Limits;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh in-memory H2 database with the app's Flyway schema, and class services on it. */
final class ClassroomTestDb {
    static final ExperimentService EXPERIMENTS = new ExperimentService(Limits.DEFAULT, 2, 60_000);
    final JdbcDataSource dataSource = new JdbcDataSource();

    ClassroomTestDb() {
        dataSource.setURL("jdbc:h2:mem:classes-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    ClassroomService service(RoomEvents events, int maxMembers, Clock clock) {
        return new ClassroomService(EXPERIMENTS, new ClassStore(dataSource), events, limits(20, 1000, 1000),
                new ClassroomService.Settings(maxMembers, Duration.ofHours(12)), clock);
    }

    /** The app's limits, counted in this database's shared buckets. */
    ClassroomService.Limiters limits(int guessesPerMinute, int createsPerHour, int joinsPerMinute) {
        JdbcBuckets buckets = new JdbcBuckets(dataSource);
        return new ClassroomService.Limiters(
                new RateLimiter("class-guesses", guessesPerMinute, Duration.ofMinutes(1), "unknown class codes", buckets,
                        System::currentTimeMillis),
                new RateLimiter("class-creates", createsPerHour, Duration.ofHours(1), "new classes", buckets,
                        System::currentTimeMillis),
                new RateLimiter("class-joins", joinsPerMinute, Duration.ofMinutes(1), "joins", buckets,
                        System::currentTimeMillis));
    }

    ClassroomService service() {
        return service(new InJvmRoomEvents(), 300, Clock.systemUTC());
    }

    /** S1 on λ = (1, 10): one SGD run, η = 0.1, 100 steps from (−4, 2). */
    static Map<String, Object> s1(double lr) {
        Map<String, Object> opt = new LinkedHashMap<>(Map.of("type", "sgd", "lr", lr));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("start", List.of(-4, 2));
        run.put("steps", 100);
        run.put("optimizer", opt);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("version", 1);
        spec.put("landscape", Map.of("type", "quadratic", "eigenvalues", List.of(1, 10)));
        spec.put("runs", List.of(run));
        return spec;
    }
}
