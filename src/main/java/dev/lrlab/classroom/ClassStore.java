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
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The class tables over plain JDBC; the SQL runs unchanged on H2 and PostgreSQL. Every change goes
 * through {@link #change}, which raises the version in the same statement, so no change is ever
 * invisible to a listener comparing versions.
 */
public class ClassStore {
    private final JdbcClient jdbc;

    public ClassStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
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

    long version(String code) {
        return jdbc.sql("SELECT version FROM classes WHERE code = ?").param(code).query(Long.class).single();
    }

    int memberCount(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM class_members WHERE class_code = ?").param(code).query(Integer.class)
                .single();
    }

    /** Takes the next seat number; false when another join took it first (the caller retries). */
    boolean insertMember(String code, int id, String name, String alias, String seatSha256, Instant now) {
        try {
            jdbc.sql("""
                            INSERT INTO class_members (class_code, member_id, display_name, alias, seat_sha256, joined_at)
                            VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(code, id, name, alias, seatSha256, Timestamp.from(now)).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    int nextMemberId(String code) {
        return jdbc.sql("SELECT COALESCE(MAX(member_id), 0) + 1 FROM class_members WHERE class_code = ?")
                .param(code).query(Integer.class).single();
    }

    Optional<String> seatHash(String code, int member) {
        return jdbc.sql("SELECT seat_sha256 FROM class_members WHERE class_code = ? AND member_id = ?")
                .params(code, member).query(String.class).optional();
    }

    void savePrediction(String code, int member, String choice, Double number, Instant now) {
        Timestamp at = Timestamp.from(now);
        int n = jdbc.sql("UPDATE class_predictions SET choice = ?, number_value = ?, answered_at = ? "
                + "WHERE class_code = ? AND member_id = ?").params(choice, number, at, code, member).update();
        if (n == 0) {
            jdbc.sql("INSERT INTO class_predictions (class_code, member_id, choice, number_value, answered_at) "
                    + "VALUES (?, ?, ?, ?, ?)").params(code, member, choice, number, at).update();
        }
    }

    void saveSubmission(String code, int member, String specJson, String shareCode, Double finalLoss,
                        Integer divergedAt, List<Double> curve, Instant now) {
        Timestamp at = Timestamp.from(now);
        String curveJson = write(curve);
        int n = jdbc.sql("UPDATE class_submissions SET spec_json = ?, share_code = ?, final_loss = ?, diverged_at = ?, "
                        + "loss_curve = ?, submitted_at = ? WHERE class_code = ? AND member_id = ?")
                .params(specJson, shareCode, finalLoss, divergedAt, curveJson, at, code, member).update();
        if (n == 0) {
            jdbc.sql("INSERT INTO class_submissions (class_code, member_id, spec_json, share_code, final_loss, "
                            + "diverged_at, loss_curve, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(code, member, specJson, shareCode, finalLoss, divergedAt, curveJson, at).update();
        }
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
