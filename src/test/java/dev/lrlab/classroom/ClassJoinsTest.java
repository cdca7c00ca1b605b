package dev.lrlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lrlab.classroom.ClassState.Prediction;
import dev.lrlab.classroom.ClassState.Question;
import dev.lrlab.classroom.ClassroomException.Reason;
import dev.lrlab.links.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seats under load and abuse, on H2 in-process ({@code PgSharedLimitsTest} repeats the cap on
 * PostgreSQL): the member cap holds under 320 parallel joins, names are measured in code points,
 * and creating classes and taking seats are limited per client network.
 */
class ClassJoinsTest {
    private final ClassroomTestDb db = new ClassroomTestDb();

    @Test
    void threeHundredTwentyParallelJoinsGiveExactlyThreeHundredMembers() throws Exception {
        ClassroomService classes = db.service();
        ClassroomService.Created c = classes.create("10.9.9.9");
        Outcome o = parallelJoins(classes, c.code(), 320);
        assertThat(o.joined()).isEqualTo(300);
        assertThat(o.full()).isEqualTo(20);
        assertThat(members(db.dataSource, c.code())).isEqualTo(300);
        // every seat number once, 1 … 300, and the version raised once per join
        assertThat(classes.publicState(c.code()).members()).extracting(ClassState.Member::id)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 300).boxed().toList());
        assertThat(classes.publicState(c.code()).version()).isEqualTo(301);
    }

    /** Joins from 320 threads at once (each its own client address); what came back. */
    record Outcome(int joined, int full, List<Throwable> other) {
    }

    static Outcome parallelJoins(ClassroomService classes, String code, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Callable<Object>> joins = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String client = "10.20." + (i / 200) + "." + (i % 200);
                String name = "Student " + i;
                joins.add(() -> {
                    try {
                        return classes.join(code, name, client);
                    } catch (ClassroomException e) {
                        return e.reason();
                    }
                });
            }
            int joined = 0;
            int full = 0;
            List<Throwable> other = new ArrayList<>();
            for (Future<Object> f : pool.invokeAll(joins)) {
                try {
                    Object r = f.get();
                    if (r instanceof ClassroomService.Joined) {
                        joined++;
                    } else if (r == Reason.FULL) {
                        full++;
                    } else {
                        other.add(new AssertionError("unexpected " + r));
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    other.add(e.getCause());
                }
            }
            assertThat(other).isEmpty();
            return new Outcome(joined, full, other);
        } finally {
            pool.shutdownNow();
        }
    }

    static int members(DataSource ds, String code) {
        return new JdbcTemplate(ds).queryForObject("SELECT COUNT(*) FROM class_members WHERE class_code = ?",
                Integer.class, code);
    }

    @Test
    void fortyEmojiAreANameAndFortyOneAreRefusedNamingTheField() {
        ClassroomService classes = db.service();
        ClassroomService.Created c = classes.create("10.9.9.9");
        String forty = "😀".repeat(40); // 80 UTF-16 units: VARCHAR(40) on H2 answered 500
        ClassroomService.Joined j = classes.join(c.code(), forty, "10.0.0.1");
        assertThat(classes.instructorState(c.code(), c.secret()).member(j.memberId()).orElseThrow().name())
                .isEqualTo(forty);
        assertThatThrownBy(() -> classes.join(c.code(), "😀".repeat(41), "10.0.0.1"))
                .isInstanceOfSatisfying(ClassroomException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID);
                    assertThat(e.field()).isEqualTo("name");
                    assertThat(e.getMessage()).contains("name", "at most 40 characters", "has 41");
                });
    }

    @Test
    void classesPerHourAndJoinsPerMinuteAreLimitedPerNetwork() {
        ClassroomService classes = new ClassroomService(ClassroomTestDb.EXPERIMENTS, new ClassStore(db.dataSource),
                new InJvmRoomEvents(), db.limits(20, 2, 3), new ClassroomService.Settings(300, Duration.ofHours(12)),
                Clock.systemUTC());
        ClassroomService.Created c = classes.create("192.0.2.1");
        classes.create("192.0.2.1");
        assertThatThrownBy(() -> classes.create("192.0.2.1")).isInstanceOf(RateLimiter.RateLimitedException.class)
                .hasMessageContaining("at most 2 per hour")
                .satisfies(e -> assertThat(((RateLimiter.RateLimitedException) e).retryAfterSeconds())
                        .isBetween(1790, 1800));
        classes.create("192.0.2.2"); // another network starts its own

        for (int i = 0; i < 3; i++) {
            classes.join(c.code(), "", "2001:db8:5:5::" + (i + 1));
        }
        // a fourth address of the same /64 is the same network
        assertThatThrownBy(() -> classes.join(c.code(), "", "2001:db8:5:5::99"))
                .isInstanceOf(RateLimiter.RateLimitedException.class).hasMessageContaining("joins")
                .satisfies(e -> assertThat(((RateLimiter.RateLimitedException) e).limiter()).isEqualTo("class-joins"));
        classes.join(c.code(), "", "2001:db8:5:6::1");
        assertThat(members(db.dataSource, c.code())).isEqualTo(4);
    }

    @Test
    void aResubmittedRunAndAnswerReplaceTheFormerOnesInOneRow() {
        ClassroomService classes = db.service();
        ClassroomService.Created c = classes.create("10.9.9.9");
        classes.push(c.code(), c.secret(), ClassroomTestDb.s1(0.1));
        classes.setEditable(c.code(), c.secret(), List.of("runs[0].optimizer.lr"));
        classes.setQuestion(c.code(), c.secret(), new Question(Question.Kind.CHOICE, null));
        ClassroomService.Joined j = classes.join(c.code(), "Ada", "10.0.0.1");
        classes.submit(c.code(), j.memberId(), j.seatToken(), ClassroomTestDb.s1(0.1), new Prediction(0, "converge", null));
        classes.submit(c.code(), j.memberId(), j.seatToken(), ClassroomTestDb.s1(0.3), new Prediction(0, "diverge", null));
        classes.predict(c.code(), j.memberId(), j.seatToken(), new Prediction(0, "oscillate", null));
        ClassState s = classes.instructorState(c.code(), c.secret());
        assertThat(s.submissions()).singleElement().satisfies(sub -> assertThat(sub.divergedAt()).isEqualTo(39));
        assertThat(s.predictions()).singleElement().satisfies(p -> assertThat(p.choice()).isEqualTo("oscillate"));
    }
}
