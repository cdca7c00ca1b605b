package dev.lrlab.classroom;

import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.links.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans of class sessions: the tables on the application's DataSource, the room events (in-JVM
 * on one node; the cross-node implementation replaces this bean by configuration), the limits
 * {@code lrlab.classes.max-members}, {@code lrlab.classes.idle-hours} and
 * {@code lrlab.classes.guesses-per-minute}.
 */
@Configuration(proxyBeanMethods = false)
public class ClassroomConfig {

    @Bean
    public ClassStore classStore(DataSource dataSource) {
        return new ClassStore(dataSource);
    }

    @Bean(destroyMethod = "close")
    public RoomEvents roomEvents() {
        return new InJvmRoomEvents();
    }

    @Bean
    public ClassroomService classroomService(ExperimentService experiments, ClassStore store, RoomEvents events,
                                             @Value("${lrlab.classes.max-members:300}") int maxMembers,
                                             @Value("${lrlab.classes.idle-hours:12}") double idleHours,
                                             @Value("${lrlab.classes.guesses-per-minute:20}") int guessesPerMinute) {
        return new ClassroomService(experiments, store, events, new RateLimiter(guessesPerMinute, "unknown class codes"),
                new ClassroomService.Settings(maxMembers, Duration.ofSeconds(Math.round(idleHours * 3600))),
                Clock.systemUTC());
    }
}
