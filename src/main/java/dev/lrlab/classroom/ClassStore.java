package dev.lrlab.classroom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.lrlab.experiment.LrLabJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The class tables over plain JDBC; the SQL runs on H2 and PostgreSQL (only the upserts are
 * spelled per database). Every change goes through {@link #change}, which raises the version, and
 * every change of several statements runs in ONE transaction ({@link #atomically}) that first locks
 * the class row: the changes of one class happen one after another, whole or not at all, and no
 * change is ever invisible to a listener comparing versions.
 */
public class ClassStore {
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final DataSource dataSource;
    private volatile Boolean postgres;

    public ClassStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /**
     * Runs {@code work} in one transaction (JdbcClient joins it: same DataSource). A deadlock or a
     * lock wait that timed out rolls it back whole and it runs again, at most three times.
     */
    <T> T atomically(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> work.get());
            } catch (ConcurrencyFailureException e) {
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    /**
     * Locks the class row until the transaction ends (call inside {@link #atomically}); false when the
     * class does not exist. Every multi-statement change takes this lock first, so changes of one
     * class never interleave and never deadlock on each other.
     */
    boolean lockClass(String code) {
        return jdbc.sql("SELECT code FROM classes WHERE code = ? FOR UPDATE").param(code).query(String.class)
                .optional().isPresent();
    }

    private boolean postgres() {
        Boolean p = postgres;
        if (p == null) {
            try {
                String product = JdbcUtils.extractDatabaseMetaData(dataSource,
                        java.sql.DatabaseMetaData::getDatabaseProductName);
                p = product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres");
            } catch (MetaDataAccessException e) {
                throw new IllegalStateException("cannot tell which database holds the classes", e);
            }
            postgres = p;
        }
        return p;
    }

    /** The secret hash of a class and its state, as one read. */
    record Row(String secretSha256, ClassState state) {
    }

    boolean insertClass(String code, String secretSha256, Instant now) {
        try {
            jdbc.sql("""
                            INSERT INTO classes (code, secret_sha256, version, phase, editable_json, question_kind,
                                                 anonymized, show_chart, reset_count, created_at, touched_at)
                            VALUES (?, ?, 1, 'paused', '[]', 'none', FALSE, FALSE, 0, ?, ?)""")
                    .params(code, secretSha256, Timestamp.from(now), Timestamp.from(now)).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<Row> find(String code) {
        Optional<Head> head = jdbc.sql("""
                        SELECT secret_sha256, version, phase, spec_json, editable_json, question_kind, question_text,
                               sweep_path, sweep_min, sweep_max, sweep_points, anonymized, show_chart, spotlight,
                               reset_count, touched_at
                        FROM classes WHERE code = ?""")
                .param(code).query((rs, i) -> row(rs)).optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Head h = head.get();
        List<ClassState.Member> members = jdbc.sql(
                        "SELECT member_id, display_name, alias FROM class_members WHERE class_code = ? ORDER BY member_id")
                .param(code).query((rs, i) -> new ClassState.Member(rs.getInt(1), rs.getString(2), rs.getString(3)))
                .list();
        List<ClassState.Submission> subs = jdbc.sql("""
                        SELECT member_id, spec_json, share_code, final_loss, diverged_at, loss_curve, submitted_at
                        FROM class_submissions WHERE class_code = ? ORDER BY member_id""")
                .param(code).query((rs, i) -> new ClassState.Submission(rs.getInt(1), json(rs.getString(2)),
                        rs.getString(3), rs.getObject(4, Double.class),
                        rs.getObject(5, Integer.class), curve(rs.getString(6)), rs.getTimestamp(7).toInstant()))
                .list();
        List<ClassState.Prediction> preds = jdbc.sql(
                        "SELECT member_id, choice, number_value FROM class_predictions WHERE class_code = ? ORDER BY member_id")
                .param(code).query((rs, i) -> new ClassState.Prediction(rs.getInt(1), rs.getString(2),
                        rs.getObject(3, Double.class)))
                .list();
        ClassState s = new ClassState(code, h.version, h.phase, h.spec, h.editable, h.question, h.sweep,
                h.anonymized, h.showChart, h.spotlight, h.resetCount, members, subs, preds, h.touchedAt);
        return Optional.of(new Row(h.secretSha256, s));
    }

    /** The classes row itself. */
    private record Head(String secretSha256, long version, Phase phase, Map<String, Object> spec, List<String> editable,
                        ClassState.Question question, CrowdSweep sweep, boolean anonymized, boolean showChart,
                        Integer spotlight, int resetCount, Instant touchedAt) {
    }

    private static Head row(ResultSet rs) throws SQLException {
        String specJson = rs.getString(4);
        String qKind = rs.getString(6);
        String sweepPath = rs.getString(8);
        CrowdSweep sweep = sweepPath == null ? null
                : new CrowdSweep(sweepPath, rs.getDouble(9), rs.getDouble(10), rs.getInt(11));
        ClassState.Question q = "none".equals(qKind) ? ClassState.Question.NONE
                : new ClassState.Question(ClassState.Question.Kind.valueOf(qKind.toUpperCase(java.util.Locale.ROOT)),
                rs.getString(7));
        return new Head(rs.getString(1), rs.getLong(2), Phase.parse(rs.getString(3)),
                specJson == null ? null : json(specJson), list(rs.getString(5)), q, sweep, rs.getBoolean(12),
                rs.getBoolean(13), rs.getObject(14, Integer.class), rs.getInt(15), rs.getTimestamp(16).toInstant());
    }

    /**
     * Applies {@code set} (a fixed SQL fragment of this package, never user text) to the class and
     * raises its version; false when the class does not exist.
     */
    boolean change(String code, Instant now, String set, Object... params) {
        List<Object> all = new ArrayList<>(java.util.Arrays.asList(params)); // a parameter may be SQL NULL
        all.add(Timestamp.from(now));
        all.add(code);
        String sql = "UPDATE classes SET " + (set.isEmpty() ? "" : set + ", ")
                + "version = version + 1, touched_at = ? WHERE code = ?";
        return jdbc.sql(sql).params(all).update() == 1;
    }

    /** {@link #change} and the version it gave, in one transaction; empty when the class is gone. */
    OptionalLong changeAndVersion(String code, Instant now, String set, Object... params) {
        return atomically(() -> change(code, now, set, params) ? OptionalLong.of(version(code)) : OptionalLong.empty());
    }

    long version(String code) {
        return jdbc.sql("SELECT version FROM classes WHERE code = ?").param(code).query(Long.class).single();
    }

    /**
     * Inserts seat {@code id} only while the class holds fewer than {@code maxMembers}: the cap is a
     * condition of the INSERT itself, and the caller holds the class row's lock ({@link #lockClass}),
     * so parallel joins count one after another. False when the class is full.
     */
    boolean insertMemberBelowCap(String code, int id, String name, String alias, String seatSha256, Instant now,
                                 int maxMembers) {
        return jdbc.sql("""
                        INSERT INTO class_members (class_code, member_id, display_name, alias, seat_sha256, joined_at)
                        SELECT ?, ?, ?, ?, ?, CAST(? AS TIMESTAMP WITH TIME ZONE)
                        WHERE (SELECT COUNT(*) FROM class_members WHERE class_code = ?) < ?""")
                .params(code, id, name, alias, seatSha256, Timestamp.from(now), code, maxMembers).update() == 1;
    }

    int nextMemberId(String code) {
        return jdbc.sql("SELECT COALESCE(MAX(member_id), 0) + 1 FROM class_members WHERE class_code = ?")
                .param(code).query(Integer.class).single();
    }

    Optional<String> seatHash(String code, int member) {
        return jdbc.sql("SELECT seat_sha256 FROM class_members WHERE class_code = ? AND member_id = ?")
                .params(code, member).query(String.class).optional();
    }

    /** The seat's answer, replacing its earlier one: one upsert statement. */
    void savePrediction(String code, int member, String choice, Double number, Instant now) {
        Timestamp at = Timestamp.from(now);
        String sql = postgres()
                ? "INSERT INTO class_predictions (class_code, member_id, choice, number_value, answered_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (class_code, member_id) DO UPDATE SET choice = EXCLUDED.choice, "
                + "number_value = EXCLUDED.number_value, answered_at = EXCLUDED.answered_at"
                : "MERGE INTO class_predictions (class_code, member_id, choice, number_value, answered_at) "
                + "KEY (class_code, member_id) VALUES (?, ?, ?, ?, ?)";
        jdbc.sql(sql).params(code, member, choice, number, at).update();
    }

    /** The seat's last run, replacing its earlier one: one upsert statement. */
    void saveSubmission(String code, int member, String specJson, String shareCode, Double finalLoss,
                        Integer divergedAt, List<Double> curve, Instant now) {
        String columns = "(class_code, member_id, spec_json, share_code, final_loss, diverged_at, loss_curve, "
                + "submitted_at)";
        String sql = postgres()
                ? "INSERT INTO class_submissions " + columns + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (class_code, member_id) DO UPDATE SET spec_json = EXCLUDED.spec_json, "
                + "share_code = EXCLUDED.share_code, final_loss = EXCLUDED.final_loss, "
                + "diverged_at = EXCLUDED.diverged_at, loss_curve = EXCLUDED.loss_curve, "
                + "submitted_at = EXCLUDED.submitted_at"
                : "MERGE INTO class_submissions " + columns + " KEY (class_code, member_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        jdbc.sql(sql).params(code, member, specJson, shareCode, finalLoss, divergedAt, write(curve), Timestamp.from(now))
                .update();
    }

    /** A new experiment starts a new round: the old runs and answers belong to the old one. */
    void clearRound(String code) {
        jdbc.sql("DELETE FROM class_submissions WHERE class_code = ?").param(code).update();
        jdbc.sql("DELETE FROM class_predictions WHERE class_code = ?").param(code).update();
    }

    void clearPredictions(String code) {
        jdbc.sql("DELETE FROM class_predictions WHERE class_code = ?").param(code).update();
    }

    /** Removes classes untouched since {@code before} (members and runs go with them). */
    int deleteIdle(Instant before) {
        return jdbc.sql("DELETE FROM classes WHERE touched_at < ?").param(Timestamp.from(before)).update();
    }

    static String write(Object o) {
        try {
            return LrLabJson.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> json(String s) {
        try {
            return LrLabJson.mapper().readValue(s, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored spec", e);
        }
    }

    private static List<Double> curve(String s) {
        try {
            return LrLabJson.mapper().readValue(s, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored loss curve", e);
        }
    }

    private static List<String> list(String s) {
        try {
            return LrLabJson.mapper().readValue(s, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored locks", e);
        }
    }
}
