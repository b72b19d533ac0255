package vn.motcua.engine.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every read by an inspector — each search and each view — recorded before it is served: who, what, when,
 * and the answer's status once known (table {@code inspector_access_log}, append-only).
 */
public class InspectorAccessLog {

    public record Entry(long id, Instant at, String userId, String userName, String roles, String method, String path,
                        String query, Integer status, String remoteAddress) {
    }

    private final JdbcTemplate jdbc;

    public InspectorAccessLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a read about to be served; returns the entry's id. */
    public long open(String userId, String userName, String roles, String method, String path, String query,
                     String remoteAddress) {
        return jdbc.queryForObject("""
                insert into inspector_access_log (user_id, user_name, roles, method, path, query, remote_address)
                values (?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, userId, userName, roles, method,
                truncate(path), truncate(query), remoteAddress);
    }

    public void close(long id, int status) {
        jdbc.update("update inspector_access_log set status = ? where id = ? and status is null", status, id);
    }

    /** The newest entries, optionally of one person and before an id (for paging back). */
    public List<Entry> recent(String userId, Long beforeId, int limit) {
        List<Object> arguments = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select * from inspector_access_log where true");
        if (userId != null) {
            sql.append(" and user_id = ?");
            arguments.add(userId);
        }
        if (beforeId != null) {
            sql.append(" and id < ?");
            arguments.add(beforeId);
        }
        sql.append(" order by id desc limit ?");
        arguments.add(limit);
        return jdbc.query(sql.toString(), (rs, row) -> new Entry(rs.getLong("id"),
                rs.getTimestamp("at").toInstant(), rs.getString("user_id"), rs.getString("user_name"),
                rs.getString("roles"), rs.getString("method"), rs.getString("path"), rs.getString("query"),
                (Integer) rs.getObject("status"), rs.getString("remote_address")), arguments.toArray());
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 2000 ? value : value.substring(0, 2000);
    }

    static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
