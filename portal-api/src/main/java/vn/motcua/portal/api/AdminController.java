package vn.motcua.portal.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import vn.motcua.engine.administration.CalendarAdministration;
import vn.motcua.engine.calendar.CalendarOverride;
import vn.motcua.engine.calendar.CalendarOverrides;
import vn.motcua.engine.calendar.Holiday;
import vn.motcua.engine.calendar.WorkingCalendar;
import vn.motcua.engine.identity.Identity;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.motcua.engine.readmodel.Rebuilds;

/**
 * Operations for administrators: rebuilding read models and indices, and the working-day calendar, whose every
 * change is an audited event ({@link CalendarAdministration}).
 */
@RestController
@Validated
@RequestMapping("/api/v1/admin")
@Tag(name = "Quản trị / Administration")
public class AdminController {

    private final Rebuilds rebuilds;
    private final CalendarOverrides overrides;
    private final CalendarAdministration calendarAdministration;
    private final WorkingCalendar calendar;

    public AdminController(Rebuilds rebuilds, CalendarOverrides overrides,
                           CalendarAdministration calendarAdministration, WorkingCalendar calendar) {
        this.rebuilds = rebuilds;
        this.overrides = overrides;
        this.calendarAdministration = calendarAdministration;
        this.calendar = calendar;
    }

    public record OverrideRequest(boolean working,
                                  @NotBlank(message = "Nêu căn cứ (văn bản thông báo) / State the basis") @Size(max = 500)
                                  String reason) {
    }

    @Operation(summary = "Ngày nghỉ, ngày làm bù đã công bố trong năm / Announced day swaps and working days of a year")
    @GetMapping("/calendar/{year}/overrides")
    public List<CalendarOverride> overrides(@PathVariable @Min(1900) @Max(2199) int year) {
        return overrides.list(year);
    }

    @Operation(summary = "Ngày nghỉ lễ tính theo Bộ luật Lao động / Public holidays and compensatory days of a year")
    @GetMapping("/calendar/{year}/holidays")
    public List<Holiday> holidays(@PathVariable @Min(1900) @Max(2199) int year) {
        return calendar.holidays(year);
    }

    @Operation(summary = "Đặt một ngày là ngày làm việc hoặc ngày nghỉ / Make a day a working day or a day off",
            description = "Ghi vào nhật ký kiểm tra (calendar-<năm>) / Recorded in the audit trail of calendar-<year>")
    @PutMapping("/calendar/overrides/{day}")
    public List<CalendarOverride> putOverride(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                                              @RequestBody @Valid OverrideRequest request,
                                              @Parameter(hidden = true) Identity who) {
        return calendarAdministration.set(day, request.working(), request.reason(), who);
    }

    @Operation(summary = "Bỏ điều chỉnh của một ngày / Remove the override of a day",
            description = "Ghi vào nhật ký kiểm tra (calendar-<năm>) / Recorded in the audit trail of calendar-<year>")
    @DeleteMapping("/calendar/overrides/{day}")
    public ResponseEntity<Void> removeOverride(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                                               @Parameter(hidden = true) Identity who) {
        calendarAdministration.remove(day, who);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Dựng lại dữ liệu đọc từ kho sự kiện / Rebuild read models and indices from the event store",
            description = "target (repeatable; all when absent): mongodb = hồ sơ và bộ đếm / dossier views and"
                    + " counters; dossiers = chỉ mục hồ sơ / index dossiers; documents = chỉ mục văn bản / index"
                    + " documents; audit-events = nhật ký kiểm tra của mọi loại đối tượng / the audit index of every"
                    + " aggregate type")
    @PostMapping("/rebuilds")
    public ResponseEntity<Rebuilds.Progress> rebuild(
            @Parameter(description = "Đối tượng dựng lại / What to rebuild, e.g. documents")
            @RequestParam(name = "target", required = false) List<@Size(max = 64) String> targets) {
        Rebuilds.Progress started = rebuilds.start(targets == null ? List.of() : targets);
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/rebuilds/" + started.id())).body(started);
    }

    @Operation(summary = "Tiến độ dựng lại / Progress of a rebuild")
    @GetMapping("/rebuilds/{id}")
    public Rebuilds.Progress progress(@PathVariable String id) {
        return rebuilds.progress(id);
    }
}
