package dev.lrlab.links;

import dev.lrlab.experiment.ExperimentService;
import java.time.Clock;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh in-memory H2 database with the app's Flyway schema, and a link service on it. */
final class LinkTestDb {
    final JdbcDataSource dataSource = new JdbcDataSource();
    final LinkStore store;

    LinkTestDb() {
        dataSource.setURL("jdbc:h2:mem:links-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        store = new LinkStore(dataSource);
    }

    LinkService service(ExperimentService experiments, int perMinute) {
        return new LinkService(experiments, store, new RateLimiter(perMinute), 65536, "test", Clock.systemUTC());
    }
}
