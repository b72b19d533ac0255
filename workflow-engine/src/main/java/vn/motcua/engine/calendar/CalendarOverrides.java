package vn.motcua.engine.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The per-year override table of the working-day calendar ({@code calendar_override}, see
 * {@code db/migration/V10__calendar_overrides.sql}): the day swaps, working Saturdays and extra days
 * off that the Government announces each year, entered by administrators. One row per day; putting a
 * day again replaces its row. Checking what an administrator may enter, and recording the change in the audit
 * trail in the same transaction, is the caller's job ({@code administration.CalendarAdministration}).
 */
@Component
public class CalendarOverrides {

    private final JdbcTemplate jdbc;

    public CalendarOverrides(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The overrides of one solar year, in date order. */
    public List<CalendarOverride> list(int year) {
        return jdbc.query("""
                select day, working, reason, created_by, created_at from calendar_override
                where day >= ? and day < ? order by day""", CalendarOverrides::row,
                LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    /** The override of one day, if an administrator set one. */
    public Optional<CalendarOverride> find(LocalDate day) {
        return jdbc.query("select day, working, reason, created_by, created_at from calendar_override where day = ?",
                CalendarOverrides::row, day).stream().findFirst();
    }

    /** Sets {@code day} to a working day or a day off, replacing any earlier override of that day. */
    public void put(LocalDate day, boolean working, String reason, String by) {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(reason, "reason");
        jdbc.update("""
                insert into calendar_override (day, working, reason, created_by, created_at)
                values (?, ?, ?, ?, now())
                on conflict (day) do update set working = excluded.working, reason = excluded.reason,
                    created_by = excluded.created_by, created_at = excluded.created_at""",
                day, working, reason, by);
    }

    /** Removes the override of {@code day}, so the computed calendar applies again; false if there was none. */
    public boolean remove(LocalDate day) {
        return jdbc.update("delete from calendar_override where day = ?", day) > 0;
    }

    private static CalendarOverride row(ResultSet rs, int rowNum) throws SQLException {
        Timestamp createdAt = rs.getTimestamp("created_at");
        return new CalendarOverride(rs.getObject("day", LocalDate.class), rs.getBoolean("working"),
                rs.getString("reason"), rs.getString("created_by"),
                createdAt == null ? null : createdAt.toInstant());
    }
}
