package dev.lrlab.bench;

import dev.lrlab.classroom.ClassState;
import dev.lrlab.classroom.ClassStore;
import dev.lrlab.classroom.ClassroomService;
import dev.lrlab.classroom.InJvmRoomEvents;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.live.LiveScheduler;
import dev.lrlab.live.LiveSession;
import dev.lrlab.spec.Limits;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Capacity of one class on this machine, server side (a harness, not a test: it prints figures).
 * 200 simulated members each hold a room-events listener that re-reads the class as a page does,
 * and a live session streaming at 100 steps/s on the shared scheduler. Measured: push → every
 * member has read the new state (p50/p99 over 20 pushes), process CPU while all 200 stream, heap
 * per member.
 * <pre>
 * mvn -B -q -DskipFrontend test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.lrlab.bench.ClassroomBenchmark [-Dexec.args=members]
 * </pre>
 */
public final class ClassroomBenchmark {
    private ClassroomBenchmark() {
    }

    static Map<String, Object> spec(double lr) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("start", List.of(-4, 2));
        run.put("steps", 100_000); // streams for the whole measurement
        run.put("optimizer", new LinkedHashMap<>(Map.of("type", "sgd", "lr", lr)));
        return new LinkedHashMap<>(Map.of("version", 1,
                "landscape", Map.of("type", "quadratic", "eigenvalues", List.of(1, 10)), "runs", List.of(run)));
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:bench-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        ExperimentService experiments = new ExperimentService(Limits.DEFAULT, 2, 60_000);
        InJvmRoomEvents events = new InJvmRoomEvents();
        ClassroomService classes = new ClassroomService(experiments, new ClassStore(ds), events,
                ClassroomService.Limiters.inMemory(1000), new ClassroomService.Settings(1000, Duration.ofHours(12)),
                Clock.systemUTC());
        LiveScheduler scheduler = LiveScheduler.start(LiveScheduler.Settings.defaults());
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        ClassroomService.Created c = classes.create("127.0.0.1");
        classes.push(c.code(), c.secret(), spec(0.1));
        System.gc();
        Thread.sleep(300);
        long heapBefore = mem.getHeapMemoryUsage().getUsed();

        AtomicLong target = new AtomicLong(Long.MAX_VALUE);
        AtomicLong pushedAt = new AtomicLong();
        AtomicLongArray seen = new AtomicLongArray(n);
        long[][] latencies = new long[20][n];
        int[] round = {0};
        CountDownLatch[] done = {new CountDownLatch(n)};
        AtomicLong steps = new AtomicLong();
        List<LiveSession> sessions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ClassroomService.Joined j = classes.join(c.code(), "m" + i, "10.0.0." + (i % 250));
            int idx = i;
            int member = j.memberId();
            // a member's page: re-read the class (public form) and rebuild the seat's experiment
            events.subscribe(c.code(), (code, version) -> {
                ClassState s = classes.stateAtLeast(code, version).forStudents();
                if (s.version() >= target.get() && seen.getAndSet(idx, s.version()) < target.get()) {
                    classes.seatSpec(s, member);
                    latencies[round[0]][idx] = System.nanoTime() - pushedAt.get();
                    done[0].countDown();
                }
            });
            LiveSession session = scheduler.open(experiments.compile(spec(0.1)).engine(), 1, 100);
            session.subscribe(b -> steps.addAndGet(b.runs().isEmpty() ? 0 : b.runs().get(0).rows().steps().length));
            session.play();
            sessions.add(session);
        }
        Thread.sleep(2000); // the scheduler settles into its tick
        System.gc();
        Thread.sleep(300);
        long heapAfter = mem.getHeapMemoryUsage().getUsed();

        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        long steps0 = steps.get();
        for (int p = 0; p < 20; p++) {
            round[0] = p;
            done[0] = new CountDownLatch(n);
            long v = classes.publicState(c.code()).version() + 1;
            target.set(v);
            pushedAt.set(System.nanoTime());
            classes.push(c.code(), c.secret(), spec(p % 2 == 0 ? 0.15 : 0.1));
            if (!done[0].await(10, TimeUnit.SECONDS)) {
                System.out.println("push " + p + ": only " + (n - done[0].getCount()) + " of " + n + " notified in 10 s");
            }
            Thread.sleep(400);
        }
        long wall = System.nanoTime() - wall0;
        double cpuShare = (os.getProcessCpuTime() - cpu0) / (double) wall;
        double sps = (steps.get() - steps0) / (wall / 1e9);

        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).filter(x -> x > 0).sorted().toArray();
        System.out.printf("members: %d, live sessions: %d at 100 steps/s (recorded %.0f steps/s in all)%n", n,
                sessions.size(), sps);
        System.out.printf("push -> all members re-read: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)%n",
                all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, all[all.length - 1] / 1e6, all.length);
        System.out.printf("process CPU while streaming and pushing: %.1f %% of one core (%.2f %% per member), cores %d%n",
                cpuShare * 100, cpuShare * 100 / n, Runtime.getRuntime().availableProcessors());
        System.out.printf("heap per member (listener + session + seat row): %.1f KB%n", (heapAfter - heapBefore) / 1024.0 / n);
        sessions.forEach(LiveSession::stop);
        scheduler.close();
        events.close();
        experiments.close();
    }
}
