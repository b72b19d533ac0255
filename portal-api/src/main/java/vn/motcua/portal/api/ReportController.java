package vn.motcua.portal.api;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import vn.motcua.engine.access.AccessCheck;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.problem.Problem;
import vn.motcua.engine.dossier.registry.DossierPolicy;
import vn.motcua.engine.dossier.report.DossierReports;
import vn.motcua.engine.dossier.report.ReportSummary;

/**
 * Reports on the handling of dossiers per procedure, unit and period: received, finished on time, finished
 * late, in progress. Officials see their own unit, inspectors every unit. Figures follow the event store by
 * the projection's delay (a moment).
 */
@RestController
@Validated
@RequestMapping("/api/v1/reports")
@Tag(name = "Báo cáo / Reports")
public class ReportController {

    private final DossierReports reports;
    private final DossierPolicy policy;
    private final Clock clock;

    public ReportController(DossierReports reports, DossierPolicy policy, Clock clock) {
        this.reports = reports;
        this.policy = policy;
        this.clock = clock;
    }

    @Operation(summary = "Tình hình giải quyết hồ sơ / Dossiers received, finished on time or late, in progress",
            description = "Days in Vietnam time, both ends included; the period defaults to the current month "
                    + "up to today. finishedEarly: Trước hạn (before the appointed date); finishedOnDueDate: Đúng "
                    + "hạn (on it); finishedLate: Quá hạn (after it); finishedOnTime = finishedEarly + "
                    + "finishedOnDueDate. The applicant's supplement time is not counted; a dossier with more than "
                    + "one supplement request is late.")
    @GetMapping("/summary")
    public ReportSummary summary(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Size(max = 64) String unitId,
            @RequestParam(required = false) @Size(max = 32) String procedureCode,
            @Parameter(hidden = true) Identity who) {
        String unit = AccessCheck.unitScope(policy, who, blankToNull(unitId));
        LocalDate today = LocalDate.now(clock);
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.withDayOfMonth(1) : from;
        if (end.isBefore(start)) {
            throw Problem.invalid("to", "Ngày kết thúc kỳ báo cáo phải sau ngày bắt đầu / The period must not end before it starts");
        }
        return reports.summary(start, end, unit, blankToNull(procedureCode));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
