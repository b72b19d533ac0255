package vn.motcua.portal.web.admin;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the administrator typed to make a day a working day or a day off: kept as typed, so that the form shows it
 * back after an error. {@link #errors()} checks only what the API's request checks at its door (a day, a choice, the
 * basis required and at most 500 characters, as {@code AdminController.OverrideRequest}); the calendar's own rules
 * (the years it serves, who may change it) stay in {@code CalendarAdministration} and come back as its problem.
 */
public record HolidayForm(String day, String working, String reason) {

    /** The longest basis the API accepts ({@code @Size(max = 500)} on its request). */
    public static final int REASON_MAX = 500;

    /** One field at fault, with the message key of what is wrong. */
    public record FieldError(String field, String messageKey, String text) {
        static FieldError key(String field, String messageKey) {
            return new FieldError(field, messageKey, null);
        }

        static FieldError text(String field, String text) {
            return new FieldError(field, null, text);
        }
    }

    public static HolidayForm empty() {
        return new HolidayForm("", "", "");
    }

    public List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        if (day == null || day.isBlank()) {
            errors.add(FieldError.key("day", "admin.holidays.error.dayMissing"));
        } else if (date() == null) {
            errors.add(FieldError.key("day", "admin.holidays.error.dayInvalid"));
        }
        if (!"true".equals(working) && !"false".equals(working)) {
            errors.add(FieldError.key("working", "admin.holidays.error.workingMissing"));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(FieldError.key("reason", "admin.holidays.error.reasonMissing"));
        } else if (reason.strip().length() > REASON_MAX) {
            errors.add(FieldError.key("reason", "admin.holidays.error.reasonTooLong"));
        }
        return errors;
    }

    /** The day typed, or {@code null} when it is no ISO date (an {@code <input type=date>} sends yyyy-MM-dd). */
    public LocalDate date() {
        try {
            return day == null ? null : LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public boolean isWorking() {
        return "true".equals(working);
    }
}
