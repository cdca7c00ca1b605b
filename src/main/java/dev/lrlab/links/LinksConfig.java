package dev.lrlab.links;

import dev.lrlab.experiment.ExperimentService;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans of short links: the store on the application's DataSource (schema by Flyway before
 * first use), the per-client creation limit {@code lrlab.links.rate-per-minute} and the spec
 * size cap {@code lrlab.links.max-spec-bytes}.
 */
@Configuration(proxyBeanMethods = false)
public class LinksConfig {

    @Bean
    public LinkStore linkStore(DataSource dataSource) {
        return new LinkStore(dataSource);
    }

    @Bean
    public LinkService linkService(ExperimentService experiments, LinkStore store,
                                   @Value("${lrlab.links.rate-per-minute:30}") int perMinute,
                                   @Value("${lrlab.links.max-spec-bytes:65536}") int maxSpecBytes,
                                   @Value("${lrlab.engine-version:dev}") String engineVersion) {
        return new LinkService(experiments, store, new RateLimiter(perMinute), maxSpecBytes, engineVersion,
                Clock.systemUTC());
    }
}
