package vn.motcua.portal.web.official;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import vn.motcua.engine.dossier.report.ReportSummary;
import vn.motcua.engine.dossier.report.ReportSummary.Row;

/**
 * The leader's dashboard: the report of {@code DossierReports.summary} (the figures of Mẫu 06, by the same on-time
 * rule) for one period, added up per unit and per procedure for the charts and their tables. The on-time rate is the
 * share of the dossiers finished in the period that were finished on time (early or on the appointed date); none when
 * none was finished.
 */
public record Dashboard(Period period, ReportSummary report, List<Line> perUnit, List<Line> perProcedure, Line total) {

    /** One bar of the charts and one row of their table. */
    public record Line(String key, String name, long received, long finishedOnTime, long finishedLate, long inProgress,
                long withdrawnOrStopped, Integer onTimeRate) {

        static Line of(String key, String name, Row row) {
            long finished = row.finishedOnTime() + row.finishedLate();
            return new Line(key, name, row.received(), row.finishedOnTime(), row.finishedLate(), row.inProgress(),
                    row.withdrawnOrStopped(),
                    finished == 0 ? null : (int) Math.round(100.0 * row.finishedOnTime() / finished));
        }
    }

    /**
     * A year, a quarter of it or a month of it (the periods of the reports under Circular 01/2018/TT-VPCP), ending
     * today at the latest; the year defaults to this one.
     */
    public record Period(int year, Integer quarter, Integer month, LocalDate from, LocalDate to) {

        static Period of(Integer year, Integer quarter, Integer month, LocalDate today) {
            int y = year == null || year < 2000 || year > today.getYear() ? today.getYear() : year;
            Integer m = month == null || month < 1 || month > 12 ? null : month;
            Integer q = m != null || quarter == null || quarter < 1 || quarter > 4 ? null : quarter;
            LocalDate from;
            LocalDate to;
            if (m != null) {
                from = LocalDate.of(y, m, 1);
                to = from.plusMonths(1).minusDays(1);
            } else if (q != null) {
                from = LocalDate.of(y, (q - 1) * 3 + 1, 1);
                to = from.plusMonths(3).minusDays(1);
            } else {
                from = LocalDate.of(y, 1, 1);
                to = LocalDate.of(y, 12, 31);
            }
            if (to.isAfter(today)) {
                to = today.isBefore(from) ? from : today;
            }
            return new Period(y, q, m, from, to);
        }
    }

    static Dashboard of(Period period, ReportSummary report) {
        return new Dashboard(period, report,
                lines(report.rows(), Row::unitId, Row::unitName),
                lines(report.rows(), Row::procedureCode, Row::procedureName),
                Line.of("total", null, report.total()));
    }

    private static List<Line> lines(List<Row> rows, Function<Row, String> key, Function<Row, String> name) {
        Map<String, Row> sums = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Row row : rows) {
            sums.merge(key.apply(row), row, Dashboard::plus);
            names.putIfAbsent(key.apply(row), name.apply(row) == null ? key.apply(row) : name.apply(row));
        }
        return sums.entrySet().stream().map(entry -> Line.of(entry.getKey(), names.get(entry.getKey()),
                entry.getValue())).toList();
    }

    private static Row plus(Row a, Row b) {
        return new Row(a.procedureCode(), a.procedureName(), a.unitId(), a.unitName(), a.received() + b.received(),
                a.finishedEarly() + b.finishedEarly(), a.finishedOnDueDate() + b.finishedOnDueDate(),
                a.finishedOnTime() + b.finishedOnTime(), a.finishedLate() + b.finishedLate(),
                a.inProgress() + b.inProgress(), a.withdrawnOrStopped() + b.withdrawnOrStopped());
    }
}
