package vn.motcua.engine.dossier.report;

import java.time.LocalDate;
import java.util.List;

/**
 * How a period went, per procedure and handling unit (the figures of the periodic report on handling
 * administrative procedures): dossiers received in the period, finished in it before the appointed date (trước
 * hạn), on it (đúng hạn) or after it (quá hạn) — as in the "Trả kết quả" columns of Circular 01/2018/TT-VPCP Mẫu
 * 06 and by the same {@link OnTimeRule} —, still in progress at its end, and withdrawn or stopped in it. Only
 * dossiers that were received (accepted with an appointment) count; dates are days in Vietnam time, both ends
 * included.
 */
public record ReportSummary(LocalDate from, LocalDate to, String unitId, String procedureCode, List<Row> rows,
                            Row total) {

    /**
     * @param finishedEarly     finished before the appointed date: "Trước hạn"
     * @param finishedOnDueDate finished on the appointed date: "Đúng hạn"
     * @param finishedOnTime    finished on time, early or on the day: {@code finishedEarly + finishedOnDueDate}
     * @param finishedLate      finished after the appointed date, or with more than one supplement request:
     *                          "Quá hạn"
     */
    public record Row(String procedureCode, String procedureName, String unitId, String unitName, long received,
                      long finishedEarly, long finishedOnDueDate, long finishedOnTime, long finishedLate,
                      long inProgress, long withdrawnOrStopped) {

        Row plus(Row other) {
            return new Row(procedureCode, procedureName, unitId, unitName, received + other.received,
                    finishedEarly + other.finishedEarly, finishedOnDueDate + other.finishedOnDueDate,
                    finishedOnTime + other.finishedOnTime, finishedLate + other.finishedLate,
                    inProgress + other.inProgress, withdrawnOrStopped + other.withdrawnOrStopped);
        }
    }
}
