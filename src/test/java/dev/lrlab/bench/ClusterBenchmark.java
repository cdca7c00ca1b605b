package dev.lrlab.bench;

import dev.lrlab.classroom.ClassState;
import dev.lrlab.classroom.ClassStore;
import dev.lrlab.classroom.ClassroomService;
import dev.lrlab.classroom.PgRoomEvents;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.links.PostgresCluster;
import dev.lrlab.live.LiveScheduler;
import dev.lrlab.live.LiveSession;
import dev.lrlab.spec.Limits;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * Capacity of one class spread over several nodes (a harness, not a test: it prints figures).
 * A throwaway PostgreSQL; N node JVMs (separate processes, each with its own
 * {@link PgRoomEvents} listener connection), each seating members/N students: every student holds
 * a room-events listener that re-reads the class and rebuilds its seat's experiment, as a seat page
 * does, and a live session streaming at 100 steps/s. The instructor pushes from this JVM, which
 * seats nobody, so every delivery crosses nodes. Measured: push (before validation and store) →
 * a student's listener has its new seat spec, p50/p99/max over all students and pushes (wall
 * clock in microseconds, the same on every process of this machine), and each node's CPU.
 * <pre>
 * mvn -B -q -DskipFrontend test-compile
 * java -cp target/test-classes:target/classes:$(mvn -q -DskipFrontend dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *     dev.lrlab.bench.ClusterBenchmark [nodes=2] [members=300] [pushes=100]
 * </pre>
 */
public final class ClusterBenchmark {
    private ClusterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("node")) {
            node(Integer.parseInt(args[1]), args[2], Integer.parseInt(args[3]));
            return;
        }
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int members = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int pushes = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        Path bin = PostgresCluster.binaries().orElseThrow(() -> new IllegalStateException("apt-get install postgresql"));
        List<Process> children = new ArrayList<>();
        try (PostgresCluster pg = PostgresCluster.start(bin, "lrlab")) {
            HikariDataSource ds = dataSource(pg.port);
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            ExperimentService experiments = new ExperimentService(Limits.DEFAULT, 2, 60_000);
            ClassStore store = new ClassStore(ds);
            try (PgRoomEvents events = new PgRoomEvents(ds, url(pg.port), "postgres", null, "instructor", store)) {
                ClassroomService classes = service(experiments, store, events);
                ClassroomService.Created c = classes.create("127.0.0.1");
                classes.push(c.code(), c.secret(), ClassroomBenchmark.spec(0.1));
                for (int i = 0; i < nodes; i++) {
                    int share = members / nodes + (i < members % nodes ? 1 : 0);
                    children.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                            "-Xmx256m", "-cp", System.getProperty("java.class.path"), ClusterBenchmark.class.getName(),
                            "node", Integer.toString(pg.port), c.code(), Integer.toString(share))
                            .redirectError(ProcessBuilder.Redirect.INHERIT).start());
                }
                List<BufferedReader> outs = new ArrayList<>();
                for (Process p : children) {
                    BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                    String line;
                    while ((line = r.readLine()) != null && !line.equals("ready")) {
                        System.out.println("node: " + line);
                    }
                    outs.add(r);
                }
                Thread.sleep(3_000); // every node's scheduler settles into its tick
                Map<Long, Long> pushedAt = new ConcurrentHashMap<>();
                for (int p = 0; p < pushes; p++) {
                    long v = classes.publicState(c.code()).version() + 1;
                    pushedAt.put(v, micros());
                    long got = classes.push(c.code(), c.secret(), ClassroomBenchmark.spec(p % 2 == 0 ? 0.15 : 0.1));
                    if (got != v) {
                        throw new IllegalStateException("version " + got + ", expected " + v);
                    }
                    Thread.sleep(300);
                }
                Thread.sleep(2_000);
                List<Long> all = new ArrayList<>();
                int missed = 0;
                for (int i = 0; i < children.size(); i++) {
                    PrintStream in = new PrintStream(children.get(i).getOutputStream(), true, StandardCharsets.UTF_8);
                    in.println("done");
                    String line;
                    List<Long> mine = new ArrayList<>();
                    while ((line = outs.get(i).readLine()) != null && !line.equals("end")) {
                        String[] f = line.split(" ");
                        if (f[0].equals("seen")) {
                            Long at = pushedAt.get(Long.parseLong(f[1]));
                            if (at != null) {
                                mine.add(Long.parseLong(f[2]) - at);
                            }
                        } else {
                            System.out.println("node " + (char) ('a' + i) + ": " + line);
                        }
                    }
                    int expected = pushes * (members / nodes + (i < members % nodes ? 1 : 0));
                    missed += expected - mine.size();
                    all.addAll(mine);
                }
                all.sort(null);
                System.out.printf("nodes %d, students %d, pushes %d: push -> student's seat spec rebuilt: p50 %.1f ms, "
                                + "p99 %.1f ms, max %.1f ms (%d deliveries, %d missed)%n", nodes, members, pushes,
                        pct(all, 0.5), pct(all, 0.99), all.get(all.size() - 1) / 1e3, all.size(), missed);
            }
        } finally {
            for (Process p : children) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** One node: its students, their listeners and live sessions; reports when stdin says done. */
    static void node(int pgPort, String code, int members) throws Exception {
        HikariDataSource ds = dataSource(pgPort);
        ExperimentService experiments = new ExperimentService(Limits.DEFAULT, 2, 60_000);
        ClassStore store = new ClassStore(ds);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        LiveScheduler scheduler = LiveScheduler.start(LiveScheduler.Settings.defaults());
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        List<LiveSession> sessions = new ArrayList<>();
        try (PgRoomEvents events = new PgRoomEvents(ds, url(pgPort), "postgres", null, "bench", store)) {
            ClassroomService classes = service(experiments, store, events);
            AtomicLongArray newest = new AtomicLongArray(members);
            for (int i = 0; i < members; i++) {
                int idx = i;
                int member = classes.join(code, "s" + i, "10.1." + (i / 250) + "." + (i % 250)).memberId();
                events.subscribe(code, (c, version) -> {
                    ClassState s = classes.stateAtLeast(c, version).forStudents();
                    // only the first sighting of each version counts (the echo and re-reads are duplicates)
                    long before = newest.getAndAccumulate(idx, s.version(), Math::max);
                    if (s.version() > before) {
                        classes.seatSpec(s, member);
                        seen.add("seen " + s.version() + " " + micros());
                    }
                });
                LiveSession session = scheduler.open(experiments.compile(ClassroomBenchmark.spec(0.1)).engine(), 1, 100);
                session.subscribe(b -> { });
                session.play();
                sessions.add(session);
            }
            while (!events.listening()) {
                Thread.sleep(20);
            }
            seen.clear();
            System.out.println("ready");
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            double cpu = (os.getProcessCpuTime() - cpu0) / (double) (System.nanoTime() - wall0);
            seen.forEach(System.out::println);
            System.out.printf("%d students, CPU %.0f %% of one core while streaming and receiving pushes, "
                    + "notifications heard %d%n", members, cpu * 100, events.received());
            System.out.println("end");
        } finally {
            sessions.forEach(LiveSession::stop);
            scheduler.close();
            experiments.close();
        }
    }

    private static ClassroomService service(ExperimentService experiments, ClassStore store, PgRoomEvents events) {
        return new ClassroomService(experiments, store, events, ClassroomService.Limiters.inMemory(1000),
                new ClassroomService.Settings(1000, Duration.ofHours(12)), Clock.systemUTC());
    }

    /** The app's pool and size (spring.datasource.hikari.maximum-pool-size=5). */
    private static HikariDataSource dataSource(int port) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url(port));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(5);
        return ds;
    }

    private static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/lrlab";
    }

    private static long micros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    private static double pct(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * q))) / 1e3;
    }
}
