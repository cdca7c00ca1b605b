package dev.lrlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.lrlab.classroom.ClassState.Prediction;
import dev.lrlab.classroom.ClassState.Question;
import dev.lrlab.links.JdbcBuckets;
import dev.lrlab.links.JdbcBucketsTest;
import dev.lrlab.links.PostgresCluster;
import dev.lrlab.links.RateLimiter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The several-node database, a real throwaway PostgreSQL: the member cap under 320 parallel joins,
 * the shared rate-limit buckets (two nodes, parallel takes) and the upserts (ON CONFLICT here, MERGE
 * on H2). Skipped with one loud line without PostgreSQL; required when CI=true.
 */
class PgSharedLimitsTest {
    private static PostgresCluster pg;
    private static HikariDataSource ds;

    @BeforeAll
    static void startPostgres() throws Exception {
        Optional<Path> bin = PostgresCluster.binaries();
        if (bin.isEmpty()) {
            String msg = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): the PostgreSQL member-cap "
                    + "and shared rate-limit test is SKIPPED. Install it with `apt-get install postgresql`.";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(msg + " CI=true requires it.");
            }
            System.err.println("!!!!! " + msg);
            Assumptions.abort(msg);
        }
        pg = PostgresCluster.start(bin.get(), "lrlab");
        ds = new HikariDataSource();
        ds.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + pg.port + "/lrlab");
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(5); // the app's pool (spring.datasource.hikari.maximum-pool-size)
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (ds != null) {
            ds.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    private static ClassroomService service(int maxMembers) {
        JdbcBuckets buckets = new JdbcBuckets(ds);
        ClassroomService.Limiters limits = new ClassroomService.Limiters(
                new RateLimiter("class-guesses", 20, Duration.ofMinutes(1), "unknown class codes", buckets,
                        System::currentTimeMillis),
                new RateLimiter("class-creates", 1000, Duration.ofHours(1), "new classes", buckets,
                        System::currentTimeMillis),
                new RateLimiter("class-joins", 1000, Duration.ofMinutes(1), "joins", buckets, System::currentTimeMillis));
        return new ClassroomService(ClassroomTestDb.EXPERIMENTS, new ClassStore(ds), new InJvmRoomEvents(), limits,
                new ClassroomService.Settings(maxMembers, Duration.ofHours(12)), Clock.systemUTC());
    }

    @Test
    void threeHundredTwentyParallelJoinsGiveExactlyThreeHundredMembers() throws Exception {
        ClassroomService classes = service(300);
        ClassroomService.Created c = classes.create("10.9.9.9");
        ClassJoinsTest.Outcome o = ClassJoinsTest.parallelJoins(classes, c.code(), 320);
        assertThat(o.joined()).isEqualTo(300);
        assertThat(o.full()).isEqualTo(20);
        assertThat(ClassJoinsTest.members(ds, c.code())).isEqualTo(300);
        assertThat(classes.publicState(c.code()).version()).isEqualTo(301);
    }

    @Test
    void twoNodesShareOneBucketAndParallelTakesNeverOverspend() throws Exception {
        JdbcBucketsTest.sharedBucket(ds, new AtomicLong(1_700_000_000_000L));
        assertThat(JdbcBucketsTest.parallelTakes(ds, 25, 80)).isEqualTo(25);
    }

    @Test
    void aResubmittedRunAndAnswerReplaceTheFormerOnes() {
        ClassroomService classes = service(300);
        ClassroomService.Created c = classes.create("10.9.9.9");
        classes.push(c.code(), c.secret(), ClassroomTestDb.s1(0.1));
        classes.setEditable(c.code(), c.secret(), List.of("runs[0].optimizer.lr"));
        classes.setQuestion(c.code(), c.secret(), new Question(Question.Kind.CHOICE, null));
        ClassroomService.Joined j = classes.join(c.code(), "😀".repeat(40), "10.0.0.1");
        classes.submit(c.code(), j.memberId(), j.seatToken(), ClassroomTestDb.s1(0.1), new Prediction(0, "converge", null));
        classes.submit(c.code(), j.memberId(), j.seatToken(), ClassroomTestDb.s1(0.3), new Prediction(0, "diverge", null));
        classes.predict(c.code(), j.memberId(), j.seatToken(), new Prediction(0, "oscillate", null));
        ClassState s = classes.instructorState(c.code(), c.secret());
        assertThat(s.submissions()).singleElement().satisfies(sub -> assertThat(sub.divergedAt()).isEqualTo(39));
        assertThat(s.predictions()).singleElement().satisfies(p -> assertThat(p.choice()).isEqualTo("oscillate"));
        assertThat(s.members().get(0).name()).isEqualTo("😀".repeat(40));
    }
}
