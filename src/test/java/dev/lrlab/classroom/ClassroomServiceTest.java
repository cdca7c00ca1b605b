package dev.lrlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lrlab.classroom.ClassState.Prediction;
import dev.lrlab.classroom.ClassState.Question;
import dev.lrlab.classroom.ClassroomException.Reason;
import dev.lrlab.links.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Class sessions on a real database, with real runs. */
class ClassroomServiceTest {
    private final ClassroomTestDb db = new ClassroomTestDb();
    private final ClassroomService classes = db.service();

    @Test
    void createsAnUnambiguousCodeAndALongSecretStoredOnlyHashed() {
        ClassroomService.Created c = classes.create("10.9.9.9");
        assertThat(c.code()).matches("[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{6}");
        assertThat(c.secret().length()).isGreaterThanOrEqualTo(22); // 24 random bytes, base64url: 192 bits
        String stored = new org.springframework.jdbc.core.JdbcTemplate(db.dataSource)
                .queryForObject("SELECT secret_sha256 FROM classes WHERE code = ?", String.class, c.code());
        assertThat(stored).isEqualTo(Secrets.sha256(c.secret())).doesNotContain(c.secret());
        assertThat(classes.publicState(c.code().toLowerCase()).version()).isEqualTo(1);
    }

    @Test
    void everyInstructorActionChecksTheSecret() {
        ClassroomService.Created c = classes.create("10.9.9.9");
        assertThatThrownBy(() -> classes.push(c.code(), null, ClassroomTestDb.s1(0.1)))
                .extracting(e -> ((ClassroomException) e).reason()).isEqualTo(Reason.NO_SECRET);
        assertThatThrownBy(() -> classes.setPhase(c.code(), c.secret() + "x", Phase.RUNNING))
                .extracting(e -> ((ClassroomException) e).reason()).isEqualTo(Reason.WRONG_SECRET);
        assertThatThrownBy(() -> classes.results(c.code(), "guess"))
                .extracting(e -> ((ClassroomException) e).reason()).isEqualTo(Reason.WRONG_SECRET);
        assertThat(classes.publicState(c.code()).phase()).isEqualTo(Phase.PAUSED);
    }

    @Test
    void aLockedLrIsRefusedNamingItsPathAndAnEditableMomentumIsTaken() {
        ClassroomService.Created c = classes.create("10.9.9.9");
        classes.push(c.code(), c.secret(), ClassroomTestDb.s1(0.1));
        classes.setEditable(c.code(), c.secret(), List.of("runs[0].optimizer.momentum"));
        ClassroomService.Joined j = classes.join(c.code(), "Ada", "10.0.0.1");

        assertThatThrownBy(() -> classes.submit(c.code(), j.memberId(), j.seatToken(), ClassroomTestDb.s1(0.25), null))
                .isInstanceOfSatisfying(ClassroomException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.LOCKED);
                    assertThat(e.field()).isEqualTo("runs[0].optimizer.lr");
                });
        Map<String, Object> withMomentum = ClassroomTestDb.s1(0.1);
        ((Map<String, Object>) ((Map<String, Object>) ((List<?>) withMomentum.get("runs")).get(0)).get("optimizer"))
                .put("momentum", 0.5);
        assertThat(classes.submit(c.code(), j.memberId(), j.seatToken(), withMomentum, null).finalLoss()).isNotNull();
        // a wrong seat token is not the seat
        assertThatThrownBy(() -> classes.submit(c.code(), j.memberId(), "nope", withMomentum, null))
                .extracting(e -> ((ClassroomException) e).reason()).isEqualTo(Reason.WRONG_SECRET);
    }

    @Test
    void theServerRunsTheSubmissionFinalLossAndDivergence() {
        ClassroomService.Created c = classes.create("10.9.9.9");
        classes.push(c.code(), c.secret(), ClassroomTestDb.s1(0.1));
        classes.setEditable(c.code(), c.secret(), List.of("runs[0].optimizer.lr"));
        ClassroomService.Joined j = classes.join(c.code(), "Ada", "10.0.0.1");
        // η = 0.1 on λ = (1, 10) from (−4, 2): the λ = 10 direction is gone after one step, the other
        // shrinks by 0.9 a step, so the loss after 100 steps is ½·16·0.9²⁰⁰
        ClassState.Submission ok = classes.submit(c.code(), j.memberId(), j.seatToken(), ClassroomTestDb.s1(0.1), null);
        assertThat(ok.finalLoss()).isCloseTo(8 * Math.pow(0.9, 200), within(1e-15));
        assertThat(ok.divergedAt()).isNull();
        ClassState.Submission bad = classes.submit(c.code(), j.memberId(), j.seatToken(), ClassroomTestDb.s1(0.3), null);
        assertThat(bad.divergedAt()).isNotNull().isBetween(1, 100);
        assertThat(ClassroomTestDb.EXPERIMENTS.open(ok.shareCode()).canonical()).isNotNull();
    }

    @Test
    void theCrowdSweepSpreadsSeatsOverALogGrid() {
        ClassroomService.Created c = classes.create("10.9.9.9");
        classes.push(c.code(), c.secret(), ClassroomTestDb.s1(0.1));
        classes.setSweep(c.code(), c.secret(), new CrowdSweep("runs[0].optimizer.lr", 0.01, 1, 3));
        ClassState s = classes.publicState(c.code());
        assertThat(classes.sweepValue(s, 1)).isEqualTo(0.01);
        assertThat(classes.sweepValue(s, 2)).isCloseTo(0.1, within(1e-15));
        assertThat(classes.sweepValue(s, 3)).isEqualTo(1.0);
        assertThat(classes.sweepValue(s, 4)).isEqualTo(0.01);
        Map<String, Object> seat2 = classes.seatSpec(s, 2);
        Object lr = ((Map<?, ?>) ((Map<?, ?>) ((List<?>) seat2.get("runs")).get(0)).get("optimizer")).get("lr");
        assertThat((Double) lr).isCloseTo(0.1, within(1e-15));
        // the swept field belongs to the seat: another value is refused like a lock
        ClassroomService.Joined j = classes.join(c.code(), "", "10.0.0.1");
        assertThatThrownBy(() -> classes.submit(c.code(), j.memberId(), j.seatToken(), ClassroomTestDb.s1(0.5), null))
                .extracting(e -> ((ClassroomException) e).field()).isEqualTo("runs[0].optimizer.lr");
        assertThat(classes.submit(c.code(), j.memberId(), j.seatToken(), ClassroomTestDb.s1(0.01), null).finalLoss())
                .isNotNull();
    }

    @Test
    void anonymizedStateHoldsNoRealName() {
        ClassroomService.Created c = classes.create("10.9.9.9");
        ClassroomService.Joined ada = classes.join(c.code(), "Ada Lovelace", "10.0.0.1");
        classes.join(c.code(), "  ", "10.0.0.2");
        assertThat(ada.alias()).isEqualTo("Otter");
        assertThat(classes.publicState(c.code()).members()).extracting(ClassState.Member::name)
                .containsExactly("Ada Lovelace", "Heron");
        classes.setAnonymized(c.code(), c.secret(), true);
        ClassState pub = classes.publicState(c.code());
        assertThat(pub.members()).extracting(ClassState.Member::name).containsExactly("Otter", "Heron");
        assertThat(pub.toString()).doesNotContain("Ada");
        assertThat(classes.instructorState(c.code(), c.secret()).members().get(0).name()).isEqualTo("Ada Lovelace");
        assertThatThrownBy(() -> classes.join(c.code(), "x".repeat(41), "10.0.0.3"))
                .extracting(e -> ((ClassroomException) e).field()).isEqualTo("name");
    }

    @Test
    void theStandardQuestionIsStoredWithoutTextSoEachSeatWordsItInItsLanguage() {
        ClassroomService.Created c = classes.create("10.9.9.9");
        classes.push(c.code(), c.secret(), ClassroomTestDb.s1(0.1));
        classes.setQuestion(c.code(), c.secret(), new Question(Question.Kind.CHOICE, null));
        assertThat(classes.instructorState(c.code(), c.secret()).question())
                .isEqualTo(new Question(Question.Kind.CHOICE, null));
    }

    @Test
    void resultsCsvHasAliasParametersFinalLossDivergenceAndPrediction() {
        ClassroomService.Created c = classes.create("10.9.9.9");
        classes.push(c.code(), c.secret(), ClassroomTestDb.s1(0.1));
        classes.setEditable(c.code(), c.secret(), List.of("runs[0].optimizer.lr"));
        classes.setQuestion(c.code(), c.secret(), new Question(Question.Kind.CHOICE, "η = 0.3?"));
        ClassroomService.Joined a = classes.join(c.code(), "Ada", "10.0.0.1");
        ClassroomService.Joined b = classes.join(c.code(), "Bob", "10.0.0.2");
        classes.submit(c.code(), a.memberId(), a.seatToken(), ClassroomTestDb.s1(0.1), new Prediction(0, "converge", null));
        ClassState.Submission div = classes.submit(c.code(), b.memberId(), b.seatToken(), ClassroomTestDb.s1(0.3),
                new Prediction(0, "diverge", null));
        String csv = classes.results(c.code(), c.secret()).csv();
        assertThat(csv.lines().toList()).containsExactly(
                "alias,runs[0].optimizer.lr,final_loss,diverged_at,prediction",
                "Otter,0.1," + String.format(java.util.Locale.ROOT, "%.10g", 8 * Math.pow(0.9, 200))
                        .replaceAll("\\.?0+(e|$)", "$1") + ",,converge",
                // η = 0.3: the λ = 10 direction doubles and flips each step; the loss 20·4ᵏ passes the
                // divergence threshold at step 39, and the last finite state (step 38) is what counts
                "Heron,0.3,1.511157275e+24,39,diverge");
        assertThat(div.divergedAt()).isEqualTo(39);
        assertThat(div.finalLoss()).isCloseTo(20 * Math.pow(4, 38), within(1e15));
        assertThat(csv).doesNotContain("Ada").doesNotContain("Bob");
    }

    @Test
    void everyChangeRaisesTheVersionAndIsAnnouncedWithIt() throws Exception {
        InJvmRoomEvents events = new InJvmRoomEvents();
        ClassroomService svc = db.service(events, 300, Clock.systemUTC());
        ClassroomService.Created c = svc.create("10.9.9.9");
        List<Long> heard = new CopyOnWriteArrayList<>();
        RoomEvents.Subscription sub = events.subscribe(c.code(), (code, v) -> heard.add(v));
        long v1 = svc.push(c.code(), c.secret(), ClassroomTestDb.s1(0.1));
        long v2 = svc.setPhase(c.code(), c.secret(), Phase.RUNNING);
        long v3 = svc.join(c.code(), "Ada", "10.0.0.1").memberId() > 0 ? svc.publicState(c.code()).version() : -1;
        assertThat(v1).isEqualTo(2);
        assertThat(v2).isEqualTo(3);
        assertThat(v3).isEqualTo(4);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (heard.size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(heard).containsExactlyInAnyOrder(2L, 3L, 4L); // delivered in parallel; versions order them
        assertThat(svc.stateAtLeast(c.code(), 3).version()).isEqualTo(4);
        sub.close();
        assertThat(events.listenerCount(c.code())).isZero();
    }

    @Test
    void aNewServiceOnTheSameDatabaseSeesTheClassAndIdleClassesExpire() {
        ClassroomService.Created c = classes.create("10.9.9.9");
        classes.push(c.code(), c.secret(), ClassroomTestDb.s1(0.1));
        ClassroomService.Joined j = classes.join(c.code(), "Ada", "10.0.0.1");
        ClassroomService restarted = db.service();
        assertThat(restarted.instructorState(c.code(), c.secret()).spec()).isNotNull();
        assertThat(restarted.seat(c.code(), j.memberId(), j.seatToken()).members()).hasSize(1);

        Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(13)), ZoneOffset.UTC);
        ClassroomService idle = db.service(new InJvmRoomEvents(), 300, later);
        assertThatThrownBy(() -> idle.publicState(c.code()))
                .extracting(e -> ((ClassroomException) e).reason()).isEqualTo(Reason.NOT_FOUND);
    }

    @Test
    void aFullClassSaysSoAndGuessesAreLimited() {
        ClassroomService small = db.service(new InJvmRoomEvents(), 2, Clock.systemUTC());
        ClassroomService.Created c = small.create("10.9.9.9");
        small.join(c.code(), "a", "1");
        small.join(c.code(), "b", "1");
        assertThatThrownBy(() -> small.join(c.code(), "c", "1")).hasMessageContaining("at most 2 students");
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> small.lookup("ZZZZZZ", "9.9.9.9")).isInstanceOf(ClassroomException.class);
        }
        assertThatThrownBy(() -> small.lookup("ZZZZZZ", "9.9.9.9")).isInstanceOf(RateLimiter.RateLimitedException.class);
        // out of guesses, a right code is refused as well: nothing to learn from the answer
        assertThatThrownBy(() -> small.lookup(c.code(), "9.9.9.9")).isInstanceOf(RateLimiter.RateLimitedException.class);
        assertThat(small.lookup(c.code(), "8.8.8.8").code()).isEqualTo(c.code());
    }
}
