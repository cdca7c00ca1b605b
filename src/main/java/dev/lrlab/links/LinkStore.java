package dev.lrlab.links;

import java.sql.Timestamp;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The links table over plain JDBC, with SQL that runs unchanged on H2 and PostgreSQL. Rows are
 * only inserted and read: two nodes (or two requests) storing the same spec race on the primary
 * key, and the loser reads the winner's identical row.
 */
public class LinkStore {
    private final JdbcClient jdbc;

    public LinkStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public Optional<StoredLink> find(String id) {
        return jdbc.sql("""
                        SELECT id, kind, spec_json, spec_sha256, spec_version, engine_version, size_bytes, created_at
                        FROM links WHERE id = ?""")
                .param(id)
                .query((rs, i) -> new StoredLink(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getInt(7), rs.getTimestamp(8).toInstant()))
                .optional();
    }

    /** Inserts a row; false when a row with this id exists already (nothing is overwritten). */
    public boolean insert(StoredLink link) {
        try {
            jdbc.sql("""
                            INSERT INTO links (id, kind, spec_json, spec_sha256, spec_version, engine_version,
                                               size_bytes, created_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(link.id(), link.kind(), link.specJson(), link.specSha256(), link.specVersion(),
                            link.engineVersion(), link.sizeBytes(), Timestamp.from(link.createdAt()))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM links").query(Long.class).single();
    }
}
