package vn.motcua.engine.dossier.report;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.process.Procedure;
import vn.motcua.process.ProcedureCatalogue;

/**
 * The summary of a period read from {@code report_dossier}. Who may see which unit is the caller's business
 * (the web layer limits officials to their own unit); this only filters.
 */
@Service
public class DossierReports {

    private final JdbcTemplate jdbc;
    private final ProcedureCatalogue catalogue;
    private final MotcuaProperties properties;

    public DossierReports(JdbcTemplate jdbc, ProcedureCatalogue catalogue, MotcuaProperties properties) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.properties = properties;
    }

    /**
     * @param from          first day of the period (Vietnam time)
     * @param to            last day of the period, included
     * @param unitId        one handling unit, or {@code null} for all
     * @param procedureCode one procedure, or {@code null} for all
     */
    public ReportSummary summary(LocalDate from, LocalDate to, String unitId, String procedureCode) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
        Timestamp start = Timestamp.from(from.atStartOfDay(properties.zone()).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(properties.zone()).toInstant());
        List<Object> arguments = new ArrayList<>(List.of(start, end, start, end, start, end, start, end, end, end,
                end, start, end));
        StringBuilder filter = new StringBuilder();
        if (unitId != null) {
            filter.append(" and unit_id = ?");
            arguments.add(unitId);
        }
        if (procedureCode != null) {
            filter.append(" and procedure_code = ?");
            arguments.add(procedureCode);
        }
        List<ReportSummary.Row> rows = jdbc.query("""
                select * from (
                  select procedure_code, unit_id,
                    count(*) filter (where received_at >= ? and received_at < ?) as received,
                    count(*) filter (where finished_at >= ? and finished_at < ? and on_time and early)
                      as finished_early,
                    count(*) filter (where finished_at >= ? and finished_at < ? and on_time) as finished_on_time,
                    count(*) filter (where finished_at >= ? and finished_at < ? and not on_time) as finished_late,
                    count(*) filter (where received_at < ? and (finished_at is null or finished_at >= ?)
                                       and (closed_at is null or closed_at >= ?)) as in_progress,
                    count(*) filter (where finished_at is null and closed_at >= ? and closed_at < ?)
                      as withdrawn_or_stopped
                  from report_dossier
                  where received_at is not null""" + filter + """

                  group by procedure_code, unit_id) counts
                where received + finished_on_time + finished_late + in_progress + withdrawn_or_stopped > 0
                order by procedure_code, unit_id""",
                (rs, row) -> new ReportSummary.Row(rs.getString("procedure_code"),
                        catalogue.find(rs.getString("procedure_code")).map(Procedure::name).orElse(null),
                        rs.getString("unit_id"),
                        properties.unit(rs.getString("unit_id")).map(MotcuaProperties.OrgUnit::name).orElse(null),
                        rs.getLong("received"), rs.getLong("finished_early"),
                        rs.getLong("finished_on_time") - rs.getLong("finished_early"), rs.getLong("finished_on_time"),
                        rs.getLong("finished_late"),
                        rs.getLong("in_progress"), rs.getLong("withdrawn_or_stopped")),
                arguments.toArray());
        ReportSummary.Row total = new ReportSummary.Row(null, null, null, null, 0, 0, 0, 0, 0, 0, 0);
        for (ReportSummary.Row row : rows) {
            total = total.plus(row);
        }
        return new ReportSummary(from, to, unitId, procedureCode, rows, total);
    }
}
