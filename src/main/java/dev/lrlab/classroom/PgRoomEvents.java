package dev.lrlab.classroom;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Room events across nodes through PostgreSQL {@code LISTEN/NOTIFY}: every node that shares the
 * database hears every class change, re-reads the class (its pages call
 * {@link ClassroomService#stateAtLeast}) and hands it to its own pages.
 * <ul>
 * <li>{@link #publish} sends {@code pg_notify('lrlab_class', code:version)} through the pool and
 * also delivers to this node's pages at once, so the instructor's own node does not wait for the
 * round trip (the echo from PostgreSQL is then a harmless duplicate).</li>
 * <li>One dedicated connection per node (outside the pool, so the pool never recycles it, named
 * {@code lrlab-room-events@<node>} in {@code pg_stat_activity}, so an operator sees which node
 * listens) listens on a daemon thread.</li>
 * <li>Notifications sent while that connection is down are lost by PostgreSQL's design, so after
 * every (re)connect each class with local pages is re-read from the database and announced with
 * its current version: nothing is missed, and a version a page already shows changes nothing.</li>
 * </ul>
 */
public class PgRoomEvents implements RoomEvents {
    static final String CHANNEL = "lrlab_class";
    /** Prefix of the listener's {@code application_name}: {@code lrlab-room-events@<node>}. */
    public static final String APPLICATION_NAME = "lrlab-room-events";
    private static final Logger LOG = LoggerFactory.getLogger(PgRoomEvents.class);
    /** How long one wait for notifications lasts; also the longest delay of {@link #close}. */
    private static final int POLL_MS = 500;
    /** A silent connection is probed this often: a half-open TCP connection would never throw otherwise. */
    private static final long PROBE_NANOS = 10_000_000_000L;
    private static final long MAX_BACKOFF_MS = 5_000;

    private final DataSource pool;
    private final String url;
    private final Properties props;
    /** The class's current version in the database (throws when the class is gone). */
    private final ToLongFunction<String> currentVersion;
    private final InJvmRoomEvents local = new InJvmRoomEvents();
    private final Thread listener;
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private volatile boolean closed;
    private volatile boolean listening;
    private volatile Connection connection;

    /**
     * @param pool           the application's pool, for {@code pg_notify}
     * @param url            JDBC URL of the same database, for the listener connection
     * @param node           this node's name in the listener's {@code application_name}
     * @param currentVersion reads a class's version for the re-sync after a reconnect
     */
    public PgRoomEvents(DataSource pool, String url, String user, String password, String node,
                        ToLongFunction<String> currentVersion) {
        this.pool = pool;
        this.url = url;
        this.currentVersion = currentVersion;
        this.props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", APPLICATION_NAME + "@" + node);
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("connectTimeout", "5");
        // a probe that hangs on a dead network must fail instead of stopping the thread for good
        props.setProperty("socketTimeout", "30");
        this.listener = new Thread(this::listen, "room-events-pg");
        listener.setDaemon(true);
        listener.start();
    }

    /** Re-syncs from the class tables of {@code store} (the application's). */
    public PgRoomEvents(DataSource pool, String url, String user, String password, String node, ClassStore store) {
        this(pool, url, user, password, node, store::version);
    }

    @Override
    public void publish(String code, long version) {
        local.publish(code, version);
        try (Connection c = pool.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            st.setString(1, CHANNEL);
            st.setString(2, code + ":" + version);
            st.execute();
        } catch (SQLException e) {
            // the change itself is committed; other nodes' pages catch up at their next event or re-sync
            LOG.warn("could not announce version {} of class {} to the other nodes: {}", version, code, e.getMessage());
        }
    }

    @Override
    public Subscription subscribe(String code, Listener l) {
        return local.subscribe(code, l);
    }

    /** True while the listener connection is up and listening (tests and health checks). */
    public boolean listening() {
        return listening;
    }

    /** Successful connects of the listener so far (1 after the start, one more per reconnect). */
    public long connects() {
        return connects.get();
    }

    /** Classes with pages subscribed on this node (the ones a reconnect re-syncs). */
    public int subscribedClasses() {
        return local.codes().size();
    }

    /** Notifications received from PostgreSQL so far. */
    public long received() {
        return received.get();
    }

    private void listen() {
        long backoff = 100;
        while (!closed) {
            try (Connection c = DriverManager.getConnection(url, props)) {
                connection = c;
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                connects.incrementAndGet();
                backoff = 100;
                resync();
                pump(c);
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    break;
                }
                LOG.warn("room events: listener connection failed ({}); reconnecting in {} ms", e.getMessage(), backoff);
            } finally {
                listening = false;
                connection = null;
            }
            if (!sleep(backoff)) {
                break;
            }
            backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
        }
    }

    /** Hands notifications to the local pages until the connection breaks or the node stops. */
    private void pump(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long lastHeard = System.nanoTime();
        while (!closed) {
            PGNotification[] batch = pg.getNotifications(POLL_MS);
            if (batch != null && batch.length > 0) {
                lastHeard = System.nanoTime();
                for (PGNotification n : batch) {
                    received.incrementAndGet();
                    deliver(n.getParameter());
                }
            } else if (System.nanoTime() - lastHeard > PROBE_NANOS) {
                try (Statement st = c.createStatement()) {
                    st.execute("SELECT 1");
                }
                lastHeard = System.nanoTime();
            }
        }
    }

    private void deliver(String payload) {
        int colon = payload.lastIndexOf(':');
        if (colon <= 0) {
            LOG.warn("room events: ignoring a malformed notification '{}'", payload);
            return;
        }
        long version;
        try {
            version = Long.parseLong(payload.substring(colon + 1));
        } catch (NumberFormatException e) {
            LOG.warn("room events: ignoring a malformed notification '{}'", payload);
            return;
        }
        local.publish(payload.substring(0, colon), version);
    }

    /** Every class with pages on this node, announced at its version in the database now. */
    private void resync() {
        for (String code : local.codes()) {
            long v;
            try {
                v = currentVersion.applyAsLong(code);
            } catch (RuntimeException gone) {
                continue; // expired or removed: its pages learn it on their next action
            }
            local.publish(code, v);
        }
    }

    private boolean sleep(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection c = connection;
        if (c != null) {
            try {
                c.close(); // wakes a waiting getNotifications at once
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        listener.interrupt();
        try {
            listener.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        local.close();
    }
}
