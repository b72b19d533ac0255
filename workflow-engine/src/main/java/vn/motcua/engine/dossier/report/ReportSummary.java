package vn.motcua.engine.dossier.report;

import java.time.LocalDate;
import java.util.List;

/**
 * How a period went, per procedure and handling unit (the figures of the periodic report on handling
 * administrative procedures): dossiers received in the period, finished in it on time or late, still in
 * progress at its end, and withdrawn or stopped in it. Only dossiers that were received (accepted with an
 * appointment) count; dates are days in Vietnam time, both ends included.
 */
public record ReportSummary(LocalDate from, LocalDate to, String unitId, String procedureCode, List<Row> rows,
                            Row total) {

    public record Row(String procedureCode, String procedureName, String unitId, String unitName, long received,
                      long finishedOnTime, long finishedLate, long inProgress, long withdrawnOrStopped) {

        Row plus(Row other) {
            return new Row(procedureCode, procedureName, unitId, unitName, received + other.received,
                    finishedOnTime + other.finishedOnTime, finishedLate + other.finishedLate,
                    inProgress + other.inProgress, withdrawnOrStopped + other.withdrawnOrStopped);
        }
    }
}
