package vn.motcua.portal.web.admin;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.engine.administration.CalendarAdministration;
import vn.motcua.engine.calendar.CalendarOverride;
import vn.motcua.engine.calendar.CalendarOverrides;
import vn.motcua.engine.calendar.WorkingCalendar;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.problem.Problem;

/**
 * The days the Government announces each year (day swaps, working Saturdays, extra days off: Labor Code 2019
 * Art. 112(3)), entered by the administrator with the act that announces them, through the same
 * {@link CalendarAdministration} as {@code PUT/DELETE /api/v1/admin/calendar/overrides/{day}}: each change is an
 * audited event of the year's record ({@code calendar-2026}) and moves every deadline the {@link WorkingCalendar}
 * computes. The page lists a year's overrides beside the holidays the calendar computes itself.
 */
@Controller
public class HolidayPagesController {

    private final CalendarOverrides overrides;
    private final CalendarAdministration administration;
    private final WorkingCalendar calendar;

    public HolidayPagesController(CalendarOverrides overrides, CalendarAdministration administration,
                                  WorkingCalendar calendar) {
        this.overrides = overrides;
        this.administration = administration;
        this.calendar = calendar;
    }

    /** One override as listed: what the calendar now makes of its day. */
    public record Row(CalendarOverride override, boolean workingNow) {
    }

    @GetMapping("/admin/holidays")
    public String list(@RequestParam(required = false) Integer year,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                       Model model) {
        int shown = year == null ? (day == null ? Year.now(calendar.zone()).getValue() : day.getYear()) : year;
        if (shown < CalendarAdministration.FIRST_YEAR || shown > CalendarAdministration.LAST_YEAR) {
            throw Problem.invalid("year", "Năm phải thuộc " + CalendarAdministration.FIRST_YEAR + "–"
                    + CalendarAdministration.LAST_YEAR + " / The year must be in " + CalendarAdministration.FIRST_YEAR
                    + "–" + CalendarAdministration.LAST_YEAR);
        }
        if (!model.containsAttribute("form")) {
            // "change" of a listed day: the form starts from what the table holds for it
            HolidayForm form = day == null ? HolidayForm.empty() : overrides.find(day)
                    .map(found -> new HolidayForm(found.day().toString(), Boolean.toString(found.working()),
                            found.reason()))
                    .orElse(new HolidayForm(day.toString(), "", ""));
            model.addAttribute("form", form);
            model.addAttribute("errors", List.of());
        }
        fill(model, shown);
        return "admin/holidays";
    }

    @PostMapping("/admin/holidays")
    public String set(HolidayForm form, Identity who, Locale locale, Model model, RedirectAttributes redirect) {
        List<HolidayForm.FieldError> errors = form.errors();
        LocalDate day = form.date();
        if (errors.isEmpty()) {
            try {
                administration.set(day, form.isWorking(), form.reason().strip(), who);
                redirect.addFlashAttribute("saved", day);
                redirect.addFlashAttribute("savedWorking", calendar.isWorkingDay(day));
                return "redirect:/admin/holidays?year=" + day.getYear();
            } catch (Problem problem) {
                if (problem.kind() != Problem.Kind.INVALID_INPUT && problem.kind() != Problem.Kind.CONFLICT
                        && problem.kind() != Problem.Kind.UNPROCESSABLE) {
                    throw problem;
                }
                errors = List.of(HolidayForm.FieldError.text(problem.field() == null ? "day" : problem.field(),
                        Bilingual.pick(problem.getMessage(), locale)));
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        fill(model, day == null || day.getYear() < CalendarAdministration.FIRST_YEAR
                || day.getYear() > CalendarAdministration.LAST_YEAR ? Year.now(calendar.zone()).getValue()
                : day.getYear());
        return "admin/holidays";
    }

    @PostMapping("/admin/holidays/remove")
    public String remove(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Identity who,
                         RedirectAttributes redirect) {
        administration.remove(day, who);
        redirect.addFlashAttribute("removed", day);
        redirect.addFlashAttribute("removedWorking", calendar.isWorkingDay(day));
        return "redirect:/admin/holidays?year=" + day.getYear();
    }

    private void fill(Model model, int year) {
        model.addAttribute("year", year);
        model.addAttribute("previousYear", year > CalendarAdministration.FIRST_YEAR ? year - 1 : null);
        model.addAttribute("nextYear", year < CalendarAdministration.LAST_YEAR ? year + 1 : null);
        model.addAttribute("rows", overrides.list(year).stream()
                .map(override -> new Row(override, calendar.isWorkingDay(override.day()))).toList());
        model.addAttribute("holidays", calendar.holidays(year));
    }
}
