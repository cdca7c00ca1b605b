package dev.lrlab.links;

import dev.lrlab.experiment.ExperimentService;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans of short links: the store on the application's DataSource (schema by Flyway before
 * first use), the per-network creation limit {@code lrlab.links.rate-per-minute} and the spec
 * size cap {@code lrlab.links.max-spec-bytes}.
 */
@Configuration(proxyBeanMethods = false)
public class LinksConfig {

    @Bean
    public LinkStore linkStore(DataSource dataSource) {
        return new LinkStore(dataSource);
    }

    /**
     * The token buckets of every rate limit (links, class creation, joins, class-code guesses), in
     * the application's database: every node sharing it counts the same requests.
     */
    @Bean
    public JdbcBuckets rateBuckets(DataSource dataSource) {
        return new JdbcBuckets(dataSource);
    }

    @Bean
    public LinkService linkService(ExperimentService experiments, LinkStore store, JdbcBuckets buckets,
                                   @Value("${lrlab.links.rate-per-minute:30}") int perMinute,
                                   @Value("${lrlab.links.max-spec-bytes:65536}") int maxSpecBytes,
                                   @Value("${lrlab.engine-version:dev}") String engineVersion) {
        return new LinkService(experiments, store, new RateLimiter("links", perMinute, Duration.ofMinutes(1), "short links",
                buckets, System::currentTimeMillis), maxSpecBytes, engineVersion,
                Clock.systemUTC());
    }
}
