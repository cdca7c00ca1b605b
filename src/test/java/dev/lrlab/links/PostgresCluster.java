package dev.lrlab.links;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster from Debian's binaries on a loopback port (trust auth, socket in
 * its own directory), stopped and deleted on close. Root cannot run initdb, so as root every
 * command runs as the {@code postgres} user.
 */
public final class PostgresCluster implements AutoCloseable {
    public final int port;
    private final Path bin;
    private final Path dir;

    private PostgresCluster(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** The newest installed {@code /usr/lib/postgresql/<version>/bin}, if any. */
    public static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent().getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int versionOf(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** initdb + pg_ctl start + createdb {@code database}. */
    public static PostgresCluster start(Path bin, String database) throws Exception {
        int port = AppProcess.freePort();
        Path dir = Path.of("/tmp", "lrlab-pg-" + ProcessHandle.current().pid() + "-" + port);
        PostgresCluster pg = new PostgresCluster(bin, dir, port);
        try {
            pg.run("mkdir -p " + dir + " && chmod 700 " + dir);
            pg.run(bin.resolve("initdb") + " -D " + dir.resolve("data") + " -A trust -U postgres -E UTF8 --no-sync");
            pg.run(bin.resolve("pg_ctl") + " -D " + dir.resolve("data") + " -l " + dir.resolve("log") + " -w -t 60"
                    + " -o \"-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off\" start");
            pg.run(bin.resolve("createdb") + " -h 127.0.0.1 -p " + port + " -U postgres " + database);
        } catch (Exception e) {
            pg.close();
            throw e;
        }
        return pg;
    }

    private void run(String shell) throws Exception {
        List<String> cmd = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("su", "postgres", "-s", "/bin/sh", "-c", shell));
        } else {
            cmd.addAll(List.of("/bin/sh", "-c", shell));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("`" + shell + "` failed:\n" + out);
        }
    }

    @Override
    public void close() throws Exception {
        if (Files.isDirectory(dir.resolve("data"))) {
            try {
                run(bin.resolve("pg_ctl") + " -D " + dir.resolve("data") + " -m immediate -w stop");
            } catch (IllegalStateException notRunning) {
                // initdb or start failed: nothing to stop
            }
        }
        run("rm -rf " + dir);
    }
}
